package dev.segments.definition.io;

import dev.segments.definition.Condition;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Operator;
import dev.segments.validation.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a condition tree (SPEC 4): each node has exactly one of {@code all}, {@code any}, {@code not},
 * {@code field}, {@code memberOf}, {@code activity}, and only the keys that belong with it. Every problem is
 * added to {@link Problems}; the returned tree is meaningful only when none was found.
 */
final class ConditionReader {

    static final List<String> HEADS = List.of("all", "any", "not", "field", "memberOf", "activity");

    private static final Map<String, List<String>> KEYS = Map.of(
            "all", List.of("all"),
            "any", List.of("any"),
            "not", List.of("not"),
            "field", List.of("field", "op", "value"),
            "memberOf", List.of("memberOf"),
            "activity", List.of("activity", "within", "count", "campaignId"));

    private static final Map<String, String> NODE_NAMES = Map.of(
            "all", "an \"all\" group",
            "any", "an \"any\" group",
            "not", "a \"not\" condition",
            "field", "a field condition",
            "memberOf", "a memberOf condition",
            "activity", "an activity condition");

    private static final Set<String> ALL_KEYS = KEYS.values().stream().flatMap(List::stream)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    static final List<Operator> COUNT_OPERATORS = List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GT,
            Operator.GTE, Operator.LT, Operator.LTE, Operator.BETWEEN);

    private final Problems problems;
    private final FieldConditionReader fields;

    ConditionReader(Problems problems) {
        this.problems = problems;
        this.fields = new FieldConditionReader(problems);
    }

    /** The condition, or null where it could not be built (a problem was added). */
    Condition read(Node node) {
        if (!node.isObject()) {
            problems.add(node.at(), "a condition must be an object such as {\"field\": \"state\", \"op\": \"equals\", "
                    + "\"value\": \"TX\"}, found " + node.describe());
            return null;
        }
        List<String> names = node.propertyNames();
        List<String> heads = HEADS.stream().filter(node.json()::has).toList();
        if (heads.size() > 1) {
            problems.add(node.at(), "a condition has exactly one of " + quoted(HEADS) + "; this one has "
                    + quoted(heads) + ": put each in its own condition inside an \"all\" or \"any\"");
            return null;
        }
        if (heads.isEmpty()) {
            boolean unknown = false;
            for (String name : names) {
                if (!ALL_KEYS.contains(name)) {
                    problems.add(node.keyAt(name), "unknown key \"" + name + "\" in a condition"
                            + Suggestions.didYouMean(name, ALL_KEYS) + "; a condition has one of " + quoted(HEADS));
                    unknown = true;
                }
            }
            if (!unknown) {
                problems.add(node.at(), "a condition needs one of " + quoted(HEADS)
                        + (names.isEmpty() ? "; this one is empty" : "; this one has only " + quoted(names)));
            }
            return null;
        }
        String head = heads.get(0);
        List<String> allowed = KEYS.get(head);
        Set<String> misspelt = new java.util.HashSet<>();
        for (String name : names) {
            if (allowed.contains(name)) {
                continue;
            }
            if (ALL_KEYS.contains(name)) {
                problems.add(node.keyAt(name), "key \"" + name + "\" does not belong in " + NODE_NAMES.get(head)
                        + "; its keys are: " + String.join(", ", allowed));
            } else {
                problems.add(node.keyAt(name), "unknown key \"" + name + "\" in " + NODE_NAMES.get(head)
                        + Suggestions.didYouMean(name, allowed) + "; its keys are: " + String.join(", ", allowed));
                Suggestions.closest(name, allowed).ifPresent(misspelt::add);
            }
        }
        if (!node.has(head)) {
            problems.add(node.keyAt(head), "\"" + head + "\" is null; " + expectedFor(head));
            return null;
        }
        return switch (head) {
            case "all" -> group(node.get("all"), "all", Condition.All::new);
            case "any" -> group(node.get("any"), "any", Condition.Any::new);
            case "not" -> not(node.get("not"));
            case "field" -> fields.read(node, misspelt);
            case "memberOf" -> memberOf(node.get("memberOf"));
            case "activity" -> activity(node, misspelt);
            default -> throw new IllegalStateException(head);
        };
    }

    private static String expectedFor(String head) {
        return switch (head) {
            case "all", "any" -> "it takes an array of conditions";
            case "not" -> "it takes one condition (an object)";
            case "field" -> "it takes a field name such as \"state\" or \"custom.plan\"";
            case "memberOf" -> "it takes a segment id";
            default -> "it takes an event type such as \"email.opened\"";
        };
    }

    private Condition group(Node value, String head, java.util.function.Function<List<Condition>, Condition> make) {
        if (!value.isArray()) {
            problems.add(value.at(), "\"" + head + "\" takes an array of conditions, found " + value.describe()
                    + (value.isObject() ? "; wrap the condition in [ ]" : ""));
            return null;
        }
        List<Condition> children = new ArrayList<>();
        for (Node element : value.elements()) {
            children.add(read(element));
        }
        return children.contains(null) ? null : make.apply(children);
    }

    private Condition not(Node value) {
        if (!value.isObject()) {
            problems.add(value.at(), "\"not\" takes one condition (an object), found " + value.describe()
                    + (value.isArray() ? "; to negate several, write {\"not\": {\"any\": [...]}}" : ""));
            return null;
        }
        Condition child = read(value);
        return child == null ? null : new Condition.Not(child);
    }

    private Condition memberOf(Node value) {
        if (!value.isString() || value.text().isBlank()) {
            problems.add(value.at(), "\"memberOf\" takes a segment id (a string), found " + value.describe());
            return null;
        }
        return new Condition.MemberOf(value.text(), value.at());
    }

    private Condition activity(Node node, Set<String> misspelt) {
        Node typeNode = node.get("activity");
        EmailEventType type = null;
        if (!typeNode.isString()) {
            problems.add(typeNode.at(), "\"activity\" takes an event type (a string), found " + typeNode.describe()
                    + "; event types are: " + eventTypes());
        } else {
            type = EmailEventType.find(typeNode.text()).orElse(null);
            if (type == null) {
                List<String> names = Arrays.stream(EmailEventType.values()).map(EmailEventType::wireName).toList();
                problems.add(typeNode.at(), "unknown event type \"" + typeNode.text() + "\""
                        + Suggestions.didYouMean(typeNode.text(), names) + "; event types are: " + eventTypes());
            }
        }
        Duration within = null;
        Node withinNode = node.get("within");
        if (withinNode == null) {
            if (!misspelt.contains("within")) {
                problems.add(node.at(), "an activity condition needs \"within\": how far back to count events, "
                        + "e.g. \"within\": \"P30D\"");
            }
        } else if (!withinNode.isString()) {
            problems.add(withinNode.at(), "\"within\" takes a duration such as \"P30D\", found "
                    + withinNode.describe());
        } else {
            within = Durations.parse(withinNode.text(), m -> problems.add(withinNode.at(), m)).orElse(null);
        }
        CountComparison count = CountComparison.AT_LEAST_ONE;
        Node countNode = node.get("count");
        if (countNode != null) {
            count = count(countNode);
        }
        Optional<String> campaignId = Optional.empty();
        Node campaignNode = node.get("campaignId");
        if (campaignNode != null) {
            if (!campaignNode.isString() || campaignNode.text().isBlank()) {
                problems.add(campaignNode.at(), "\"campaignId\" takes a campaign id (a non-empty string), found "
                        + campaignNode.describe());
            } else {
                campaignId = Optional.of(campaignNode.text());
            }
        }
        if (type == null || within == null || count == null) {
            return null;
        }
        return new Condition.Activity(type, within, count, campaignId);
    }

    private CountComparison count(Node node) {
        List<String> opNames = COUNT_OPERATORS.stream().map(Operator::wireName).toList();
        if (!node.isObject()) {
            problems.add(node.at(), "\"count\" takes an object such as {\"op\": \"gte\", \"value\": 3}, found "
                    + node.describe());
            return null;
        }
        List<String> keys = List.of("op", "value");
        Set<String> misspelt = new java.util.HashSet<>();
        for (String name : node.propertyNames()) {
            if (!keys.contains(name)) {
                problems.add(node.keyAt(name), "unknown key \"" + name + "\" in \"count\""
                        + Suggestions.didYouMean(name, keys) + "; its keys are: op, value");
                Suggestions.closest(name, keys).ifPresent(misspelt::add);
            }
        }
        Node opNode = node.get("op");
        Operator op = null;
        if (opNode == null) {
            problems.add(misspelt.contains("op") ? null : node.at(), "\"count\" needs \"op\": one of " + String.join(", ", opNames));
        } else if (!opNode.isString()) {
            problems.add(opNode.at(), "count \"op\" takes one of " + String.join(", ", opNames) + ", found "
                    + opNode.describe());
        } else {
            op = Operator.find(opNode.text()).filter(COUNT_OPERATORS::contains).orElse(null);
            if (op == null) {
                boolean exists = Operator.find(opNode.text()).isPresent();
                problems.add(opNode.at(), (exists ? "operator \"" + opNode.text() + "\" does not apply to an activity"
                        + " count" : "unknown count operator \"" + opNode.text() + "\""
                        + Suggestions.didYouMean(opNode.text(), opNames))
                        + "; count operators are: " + String.join(", ", opNames));
            }
        }
        Node valueNode = node.get("value");
        if (valueNode == null) {
            problems.add(misspelt.contains("value") ? null : node.at(), "\"count\" needs \"value\": "
                    + (op == Operator.BETWEEN ? "[low, high], two whole numbers >= 0" : "a whole number >= 0"));
            return null;
        }
        if (op == null) {
            return null;
        }
        if (op == Operator.BETWEEN) {
            if (!valueNode.isArray() || valueNode.json().size() != 2) {
                problems.add(valueNode.at(), "count \"between\" takes [low, high], two whole numbers >= 0, found "
                        + valueNode.describe());
                return null;
            }
            Long low = countValue(valueNode.elements().get(0));
            Long high = countValue(valueNode.elements().get(1));
            if (low == null || high == null) {
                return null;
            }
            if (low > high) {
                problems.add(valueNode.at(), "count \"between\" needs low <= high, found [" + low + ", " + high
                        + "]; swap them");
                return null;
            }
            return new CountComparison(op, low, high);
        }
        Long value = countValue(valueNode);
        return value == null ? null : CountComparison.of(op, value);
    }

    private Long countValue(Node node) {
        if (!node.json().isIntegralNumber() || !node.json().canConvertToLong() || node.json().longValue() < 0) {
            problems.add(node.at(), "a count takes a whole number >= 0, found " + node.describe());
            return null;
        }
        return node.json().longValue();
    }

    private static String eventTypes() {
        return Arrays.stream(EmailEventType.values()).map(EmailEventType::wireName).collect(Collectors.joining(", "));
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
}
