package dev.segments.definition.io;

import dev.segments.definition.Condition;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.ContactField;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.TimePoint;
import dev.segments.validation.Suggestions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code {"field": F, "op": OP, "value": V}}: the field must exist, the operator must exist and apply to the
 * field's kind, and the value must have the shape the operator takes on that kind (SPEC 4).
 *
 * <p>A custom field ({@code custom.<name>}) takes its kind from the operator and the value's JSON type:
 * {@code gt 10} is a number, {@code equals "gold"} text, {@code equals true} boolean, {@code before "2027-01-01"}
 * time, {@code between [1, 5]} number and {@code between ["2026-01-01", "2026-02-01"]} time. {@code isEmpty} and
 * {@code isNotEmpty} on a custom field are given the kind {@link FieldKind#TEXT}, but they apply to a value of any kind:
 * they test presence only.
 */
final class FieldConditionReader {

    private static final Set<Operator> RELATIVE = Set.of(Operator.WITHIN_LAST, Operator.NOT_WITHIN_LAST,
            Operator.MORE_THAN_AGO, Operator.WITHIN_NEXT);

    private static final List<String> FIELD_NAMES = Arrays.stream(ContactField.values())
            .map(ContactField::wireName).toList();

    private static final List<String> OPERATOR_NAMES = Arrays.stream(Operator.values())
            .map(Operator::wireName).toList();

    private final Problems problems;

    FieldConditionReader(Problems problems) {
        this.problems = problems;
    }

    /** @param misspelt keys the user misspelt (already reported), so their absence is not reported again */
    Condition read(Node node, Set<String> misspelt) {
        Field field = field(node.get("field"));
        Operator op = operator(node, field, misspelt);
        if (field == null || op == null) {
            return null;
        }
        Node value = node.get("value");
        FieldKind kind = kind(field, op, value, node, misspelt);
        if (kind == null) {
            return null;
        }
        String subject = "\"" + op.wireName() + "\" on " + describe(field, kind);
        if (op.takesNoValue()) {
            if (value != null) {
                problems.add(node.keyAt("value"), "operator \"" + op.wireName() + "\" takes no value; remove \"value\"");
                return null;
            }
            return new Condition.FieldCondition(field, kind, op, new Operand.None());
        }
        if (value == null) {
            problems.add(misspelt.contains("value") ? null : node.at(), subject + " needs a \"value\": " + expected(op, kind));
            return null;
        }
        Operand operand = operand(op, kind, value, subject);
        if (operand != null && field.equals(new Field.Standard(ContactField.EMAIL_STATUS))
                && !knownStatuses(op, value, subject)) {
            return null;
        }
        return operand == null ? null : new Condition.FieldCondition(field, kind, op, operand);
    }

    /** {@code emailStatus} compared whole ({@code equals}, {@code in}...) can only hold one of its three values. */
    private boolean knownStatuses(Operator op, Node value, String subject) {
        if (op != Operator.EQUALS && op != Operator.NOT_EQUALS && op != Operator.IN && op != Operator.NOT_IN) {
            return true;
        }
        List<String> statuses = Arrays.stream(EmailStatus.values()).map(EmailStatus::wireName).toList();
        boolean ok = true;
        for (Node v : value.isArray() ? value.elements() : List.of(value)) {
            String status = v.text().strip().toLowerCase(java.util.Locale.ROOT);
            if (!statuses.contains(status)) {
                problems.add(v.at(), subject + ": \"" + v.text() + "\" is not an email status"
                        + Suggestions.didYouMean(status, statuses) + "; statuses are: " + String.join(", ", statuses));
                ok = false;
            }
        }
        return ok;
    }

    private Field field(Node node) {
        if (!node.isString()) {
            problems.add(node.at(), "\"field\" takes a field name such as \"state\" or \"custom.plan\", found "
                    + node.describe());
            return null;
        }
        String name = node.text();
        if (name.startsWith(Field.Custom.PREFIX)) {
            String custom = name.substring(Field.Custom.PREFIX.length());
            if (custom.isBlank() || !custom.equals(custom.strip())) {
                problems.add(node.at(), "custom field \"" + name + "\" needs a name after \"custom.\" without "
                        + "leading or trailing spaces, e.g. \"custom.plan\"");
                return null;
            }
            return new Field.Custom(custom);
        }
        return ContactField.find(name).<Field>map(Field.Standard::new).orElseGet(() -> {
            problems.add(node.at(), "unknown field \"" + name + "\"" + Suggestions.didYouMean(name, FIELD_NAMES)
                    + "; fields are: " + String.join(", ", FIELD_NAMES) + ", or custom.<name> for a custom field");
            return null;
        });
    }

    private Operator operator(Node node, Field field, Set<String> misspelt) {
        Node opNode = node.get("op");
        String fieldName = field == null ? "" : " for field \"" + field.wireName() + "\"";
        if (opNode == null) {
            problems.add(misspelt.contains("op") ? null : node.at(), "missing \"op\"" + fieldName + "; " + allowedOperators(field));
            return null;
        }
        if (!opNode.isString()) {
            problems.add(opNode.at(), "\"op\" takes an operator name (a string), found " + opNode.describe() + "; "
                    + allowedOperators(field));
            return null;
        }
        String name = opNode.text();
        Operator op = Operator.find(name).orElse(null);
        if (op == null) {
            List<String> preferred = field instanceof Field.Standard s ? operatorNames(s.field().kind())
                    : OPERATOR_NAMES;
            String hint = Suggestions.closest(name, preferred).or(() -> Suggestions.closest(name, OPERATOR_NAMES))
                    .map(s -> " (did you mean \"" + s + "\"?)").orElse("");
            problems.add(opNode.at(), "unknown operator \"" + name + "\"" + fieldName + hint + "; "
                    + allowedOperators(field));
            return null;
        }
        if (field instanceof Field.Standard s && !op.appliesTo(s.field().kind())) {
            FieldKind kind = s.field().kind();
            problems.add(opNode.at(), "operator \"" + name + "\" does not apply to " + kind.wireName() + " field \""
                    + s.wireName() + "\"; " + kind.wireName() + " operators are: "
                    + String.join(", ", operatorNames(kind)));
            return null;
        }
        if (field instanceof Field.Custom c && (op == Operator.CONTAINS_ANY || op == Operator.CONTAINS_ALL)) {
            problems.add(opNode.at(), "operator \"" + name + "\" applies to tags only, not to custom field \""
                    + c.wireName() + "\" (a custom field holds one string, number or boolean); use \""
                    + (op == Operator.CONTAINS_ANY ? "in" : "contains") + "\" instead");
            return null;
        }
        return op;
    }

    private String allowedOperators(Field field) {
        if (field instanceof Field.Standard s) {
            FieldKind kind = s.field().kind();
            return kind.wireName() + " operators are: " + String.join(", ", operatorNames(kind));
        }
        return "operators are: " + String.join(", ", OPERATOR_NAMES);
    }

    private static List<String> operatorNames(FieldKind kind) {
        return Arrays.stream(Operator.values()).filter(o -> o.appliesTo(kind)).map(Operator::wireName).toList();
    }

    /** The field's kind; for a custom field inferred from the operator and the value's JSON type. */
    private FieldKind kind(Field field, Operator op, Node value, Node node, Set<String> misspelt) {
        if (field instanceof Field.Standard s) {
            return s.field().kind();
        }
        return switch (op) {
            case IS_EMPTY, IS_NOT_EMPTY -> FieldKind.TEXT;
            case EQUALS, NOT_EQUALS -> {
                if (value == null || value.isString()) {
                    yield FieldKind.TEXT;
                }
                if (value.json().isNumber()) {
                    yield FieldKind.NUMBER;
                }
                if (value.json().isBoolean()) {
                    yield FieldKind.BOOLEAN;
                }
                problems.add(value.at(), "\"" + op.wireName() + "\" on custom field \"" + field.wireName()
                        + "\" takes a string, a number or true/false, found " + value.describe());
                yield null;
            }
            case BETWEEN -> {
                if (value != null && value.isArray() && value.json().size() > 0) {
                    if (value.json().get(0).isNumber()) {
                        yield FieldKind.NUMBER;
                    }
                    if (value.json().get(0).isString()) {
                        yield FieldKind.TIME;
                    }
                }
                if (value == null) {
                    problems.add(misspelt.contains("value") ? null : node.at(), "\"between\" on custom field \"" + field.wireName() + "\" needs a "
                            + "\"value\": [low, high] of two numbers, or of two ISO-8601 instants or dates");
                } else {
                    problems.add(value.at(), "\"between\" on custom field \"" + field.wireName() + "\" takes [low, "
                            + "high] of two numbers, or of two ISO-8601 instants or dates, found " + value.describe());
                }
                yield null;
            }
            default -> op.kinds().stream().filter(k -> k != FieldKind.TAGS).findFirst().orElseThrow();
        };
    }

    private Operand operand(Operator op, FieldKind kind, Node value, String subject) {
        return switch (kind) {
            case TEXT -> switch (op) {
                case IN, NOT_IN -> textList(value, subject, op, kind);
                case MATCHES -> pattern(value, subject);
                default -> text(value, subject, op, kind);
            };
            case NUMBER -> op == Operator.BETWEEN ? numberRange(value, subject) : number(value, subject);
            case BOOLEAN -> {
                if (!value.json().isBoolean()) {
                    problems.add(value.at(), subject + " takes true or false, found " + value.describe());
                    yield null;
                }
                yield new Operand.Bool(value.json().booleanValue());
            }
            case TIME -> {
                if (op == Operator.BETWEEN) {
                    yield timeRange(value, subject);
                }
                if (RELATIVE.contains(op)) {
                    yield length(value, subject);
                }
                TimePoint point = time(value, subject);
                yield point == null ? null : new Operand.Time(point);
            }
            case TAGS -> switch (op) {
                case CONTAINS_ANY, CONTAINS_ALL -> textList(value, subject, op, kind);
                default -> {
                    if (value.isArray()) {
                        problems.add(value.at(), subject + " takes one tag (a string), found an array; use "
                                + "\"containsAny\" or \"containsAll\" for several tags");
                        yield null;
                    }
                    yield text(value, subject, op, kind);
                }
            };
        };
    }

    private Operand text(Node value, String subject, Operator op, FieldKind kind) {
        if (!value.isString()) {
            problems.add(value.at(), subject + " takes " + expected(op, kind) + ", found " + value.describe());
            return null;
        }
        if (kind == FieldKind.TAGS && value.text().isBlank()) {
            problems.add(value.at(), subject + " takes a tag, found a blank string; use \"isEmpty\" for no tags");
            return null;
        }
        return new Operand.Text(value.text());
    }

    private Operand textList(Node value, String subject, Operator op, FieldKind kind) {
        if (!value.isArray() || value.json().isEmpty()) {
            problems.add(value.at(), subject + " takes " + expected(op, kind) + ", found "
                    + (value.isArray() ? "an empty array" : value.describe())
                    + (value.isString() ? "; write [\"" + value.text() + "\"]" : ""));
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (Node element : value.elements()) {
            if (!element.isString() || (kind == FieldKind.TAGS && element.text().isBlank())) {
                problems.add(element.at(), subject + " takes " + (kind == FieldKind.TAGS ? "tags" : "strings")
                        + " in its array, found " + element.describe());
                ok = false;
            } else {
                values.add(element.text());
            }
        }
        return ok ? new Operand.TextList(values) : null;
    }

    private Operand pattern(Node value, String subject) {
        if (!value.isString()) {
            problems.add(value.at(), subject + " takes a regular expression (a string), found " + value.describe());
            return null;
        }
        try {
            com.google.re2j.Pattern.compile(value.text());
        } catch (com.google.re2j.PatternSyntaxException e) {
            problems.add(value.at(), "invalid regular expression for \"matches\": " + e.getMessage()
                    + "; write RE2 syntax (no backreferences or look-around)");
            return null;
        }
        return new Operand.Pattern(value.text());
    }

    private Operand number(Node value, String subject) {
        BigDecimal n = decimal(value, subject);
        return n == null ? null : new Operand.Number(n);
    }

    private BigDecimal decimal(Node value, String subject) {
        if (!value.json().isNumber()) {
            problems.add(value.at(), subject + " takes a number, found " + value.describe()
                    + (value.isString() ? "; write it without quotes" : ""));
            return null;
        }
        if ((value.json().isDouble() || value.json().isFloat()) && !Double.isFinite(value.json().doubleValue())) {
            problems.add(value.at(), subject + " takes a finite number, found " + value.json());
            return null;
        }
        return value.json().decimalValue();
    }

    private Operand numberRange(Node value, String subject) {
        if (!value.isArray() || value.json().size() != 2) {
            problems.add(value.at(), subject + " takes [low, high]: an array of two numbers, found "
                    + describeArray(value));
            return null;
        }
        BigDecimal low = decimal(value.elements().get(0), subject);
        BigDecimal high = decimal(value.elements().get(1), subject);
        if (low == null || high == null) {
            return null;
        }
        if (low.compareTo(high) > 0) {
            problems.add(value.at(), subject + " needs low <= high, found [" + low + ", " + high + "]; swap them");
            return null;
        }
        return new Operand.NumberRange(low, high);
    }

    private TimePoint time(Node value, String subject) {
        if (!value.isString()) {
            problems.add(value.at(), subject + " takes an ISO-8601 instant or date such as \"2026-01-31\" or "
                    + "\"2026-01-31T09:00:00Z\", found " + value.describe());
            return null;
        }
        return IsoTime.parse(value.text()).orElseGet(() -> {
            problems.add(value.at(), subject + ": " + IsoTime.problem(value.text()));
            return null;
        });
    }

    private Operand timeRange(Node value, String subject) {
        if (!value.isArray() || value.json().size() != 2) {
            problems.add(value.at(), subject + " takes [from, to]: an array of two ISO-8601 instants or dates, found "
                    + describeArray(value));
            return null;
        }
        TimePoint low = time(value.elements().get(0), subject);
        TimePoint high = time(value.elements().get(1), subject);
        if (low == null || high == null) {
            return null;
        }
        if (low.resolve(ZoneOffset.UTC).isAfter(high.resolve(ZoneOffset.UTC))) {
            problems.add(value.at(), subject + " needs from <= to, found [" + low + ", " + high + "]; swap them");
            return null;
        }
        return new Operand.TimeRange(low, high);
    }

    private Operand length(Node value, String subject) {
        if (!value.isString()) {
            problems.add(value.at(), subject + " takes a duration such as \"P7D\" or \"PT12H\", found "
                    + value.describe());
            return null;
        }
        Duration d = Durations.parse(value.text(), m -> problems.add(value.at(), subject + ": " + m)).orElse(null);
        return d == null ? null : new Operand.Length(d);
    }

    private static String describeArray(Node value) {
        return value.isArray() ? "an array of " + value.json().size() : value.describe();
    }

    private static String describe(Field field, FieldKind kind) {
        return kind.wireName() + " field \"" + field.wireName() + "\"";
    }

    /** What the operator takes on that kind, for "needs a value" messages. */
    static String expected(Operator op, FieldKind kind) {
        return switch (kind) {
            case TEXT -> switch (op) {
                case IN, NOT_IN -> "a non-empty array of strings";
                case MATCHES -> "a regular expression (a string)";
                default -> "a string";
            };
            case NUMBER -> op == Operator.BETWEEN ? "[low, high]: an array of two numbers" : "a number";
            case BOOLEAN -> "true or false";
            case TIME -> op == Operator.BETWEEN ? "[from, to]: an array of two ISO-8601 instants or dates"
                    : RELATIVE.contains(op) ? "a duration such as \"P7D\" or \"PT12H\""
                    : "an ISO-8601 instant or date such as \"2026-01-31\" or \"2026-01-31T09:00:00Z\"";
            case TAGS -> op == Operator.CONTAINS_ANY || op == Operator.CONTAINS_ALL
                    ? "a non-empty array of tags (strings)" : "a tag (a string)";
        };
    }

}
