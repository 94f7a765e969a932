package dev.segments.reference;

import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Location;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random segment definitions {@code r0}, {@code r1}, ...: condition trees up to {@link #MAX_DEPTH} levels of
 * {@code all} / {@code any} / {@code not}, every operator of every kind, {@code activity} counts, and {@code memberOf}
 * only to segments with a smaller index (so there are no cycles). Values come from the vocabularies of
 * {@link RandomContacts}, in other cases and with spaces, so that conditions match some contacts and not others.
 * Every definition is one the loader would accept (value shapes right, {@code between} ranges in order).
 */
public final class RandomSegments {

    public static final int MAX_DEPTH = 4;

    static final Location RANDOM = Location.unknown("random");
    static final List<Duration> LENGTHS = List.of(Duration.ofHours(1), Duration.ofHours(12), Duration.ofDays(1),
            Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(10));
    static final List<BigDecimal> NUMBERS = List.of(new BigDecimal("0"), new BigDecimal("1"), new BigDecimal("5"),
            new BigDecimal("10"), new BigDecimal("11.99"), new BigDecimal("12"), new BigDecimal("12.0"),
            new BigDecimal("12.5"), new BigDecimal("-3"), new BigDecimal("100"));
    static final List<String> PATTERNS = List.of("^[A-Z]", "(?i)^tx$", "x", "^\\S+$", "\\d", "(?i)new", "a.*e",
            "^ ", "@example\\.com$", "(?i)^(gold|platinum)", "^2026-1[12]", "Z$", "\\s");
    static final Map<ContactField, List<String>> TEXT_VALUES = Map.ofEntries(
            Map.entry(ContactField.EMAIL, RandomContacts.EMAILS),
            Map.entry(ContactField.FIRST_NAME, RandomContacts.FIRST_NAMES),
            Map.entry(ContactField.LAST_NAME, RandomContacts.LAST_NAMES),
            Map.entry(ContactField.PHONE, RandomContacts.PHONES),
            Map.entry(ContactField.COMPANY_NAME, RandomContacts.COMPANIES),
            Map.entry(ContactField.CITY, RandomContacts.CITIES),
            Map.entry(ContactField.STATE, RandomContacts.STATES),
            Map.entry(ContactField.COUNTRY, RandomContacts.COUNTRIES),
            Map.entry(ContactField.POSTAL_CODE, RandomContacts.POSTAL_CODES),
            Map.entry(ContactField.TIMEZONE, RandomContacts.TIMEZONES),
            Map.entry(ContactField.SOURCE, RandomContacts.SOURCES),
            Map.entry(ContactField.EMAIL_STATUS, List.of("subscribed", "Unsubscribed", " bounced ")));
    static final List<String> CUSTOM_NAMES = List.of("plan", "seats", "trial", "renewalDate", "nickname");

    private final Random random;
    private final RandomContacts times;

    public RandomSegments(Random random) {
        this.random = random;
        this.times = new RandomContacts(random);
    }

    public RandomSegments(long seed) {
        this(new Random(seed));
    }

    /** Segments {@code r0} .. {@code r(n-1)}; {@code ri} refers with {@code memberOf} only to {@code rj}, j < i. */
    public List<SegmentDefinition> segments(int n) {
        List<SegmentDefinition> segments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            segments.add(new SegmentDefinition("r" + i, "Random segment " + i, Optional.empty(), condition(i, 0),
                    RANDOM));
        }
        return segments;
    }

    /** A random condition tree for segment number {@code index}, starting at {@code depth}. */
    public Condition condition(int index, int depth) {
        boolean leaf = depth >= MAX_DEPTH || random.nextDouble() < 0.25 + 0.2 * depth;
        if (leaf) {
            return leaf(index);
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> new Condition.All(children(index, depth));
            case 2, 3 -> new Condition.Any(children(index, depth));
            default -> new Condition.Not(condition(index, depth + 1));
        };
    }

    private List<Condition> children(int index, int depth) {
        int n = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(condition(index, depth + 1));
        }
        return children;
    }

    private Condition leaf(int index) {
        int roll = random.nextInt(20);
        if (roll < 2 && index > 0) {
            return new Condition.MemberOf("r" + random.nextInt(index), RANDOM);
        }
        if (roll < 4) {
            return activity();
        }
        return roll < 8 ? customCondition() : standardCondition();
    }

    private Condition activity() {
        CountComparison count = switch (random.nextInt(9)) {
            case 0, 1, 2 -> CountComparison.AT_LEAST_ONE;
            case 3 -> new CountComparison(Operator.BETWEEN, 1 + random.nextInt(2), 2 + random.nextInt(2));
            default -> CountComparison.of(pick(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GT, Operator.GTE,
                    Operator.LT, Operator.LTE)), random.nextInt(4));
        };
        Duration within = random.nextInt(4) == 0 ? Duration.ofDays(30) : pick(LENGTHS);
        Optional<String> campaign = random.nextInt(3) == 0 ? Optional.of(pick(RandomContacts.CAMPAIGNS))
                : Optional.empty();
        return new Condition.Activity(pick(Arrays.asList(EmailEventType.values())), within, count, campaign);
    }

    private Condition standardCondition() {
        ContactField field = pick(Arrays.asList(ContactField.values()));
        Operator op = operatorFor(field.kind());
        Operand value = switch (field.kind()) {
            case TEXT -> textOperand(op, TEXT_VALUES.get(field));
            case TAGS -> tagsOperand(op);
            default -> operand(field.kind(), op);
        };
        return new Condition.FieldCondition(new Field.Standard(field), field.kind(), op, value);
    }

    /** A custom field condition, usually of the field's usual kind, sometimes of another (so absent for it). */
    private Condition customCondition() {
        String name = pick(CUSTOM_NAMES);
        FieldKind usual = switch (name) {
            case "seats" -> FieldKind.NUMBER;
            case "trial" -> FieldKind.BOOLEAN;
            case "renewalDate" -> FieldKind.TIME;
            default -> FieldKind.TEXT;
        };
        FieldKind kind = random.nextInt(4) == 0
                ? pick(List.of(FieldKind.TEXT, FieldKind.NUMBER, FieldKind.BOOLEAN, FieldKind.TIME)) : usual;
        Operator op = operatorFor(kind);
        List<String> texts = switch (name) {
            case "plan" -> RandomContacts.PLANS;
            case "renewalDate" -> List.of("2026-11-30", "2026-12", "2026-11-28T", "Z", "soon");
            default -> List.of("12", "true", "many", "gold");
        };
        Operand value = kind == FieldKind.TEXT ? textOperand(op, texts) : operand(kind, op);
        return new Condition.FieldCondition(new Field.Custom(name), kind, op, value);
    }

    private Operator operatorFor(FieldKind kind) {
        List<Operator> ops = Arrays.stream(Operator.values()).filter(op -> op.appliesTo(kind)).toList();
        return pick(ops);
    }

    private Operand textOperand(Operator op, List<String> vocabulary) {
        return switch (op) {
            case IS_EMPTY, IS_NOT_EMPTY -> new Operand.None();
            case EQUALS, NOT_EQUALS -> new Operand.Text(variant(pick(vocabulary)));
            case IN, NOT_IN -> new Operand.TextList(texts(vocabulary));
            case CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH -> new Operand.Text(piece(pick(vocabulary), op));
            case MATCHES -> new Operand.Pattern(random.nextBoolean() ? pick(PATTERNS) : "\\Q" + pick(vocabulary).trim() + "\\E");
            default -> throw new IllegalStateException(op + " on text");
        };
    }

    private Operand tagsOperand(Operator op) {
        return switch (op) {
            case IS_EMPTY, IS_NOT_EMPTY -> new Operand.None();
            case CONTAINS, NOT_CONTAINS -> new Operand.Text(variant(pick(RandomContacts.TAGS)));
            case CONTAINS_ANY, CONTAINS_ALL -> new Operand.TextList(texts(RandomContacts.TAGS));
            default -> throw new IllegalStateException(op + " on tags");
        };
    }

    private Operand operand(FieldKind kind, Operator op) {
        if (op.takesNoValue()) {
            return new Operand.None();
        }
        return switch (kind) {
            case NUMBER -> {
                if (op == Operator.BETWEEN) {
                    BigDecimal a = pick(NUMBERS);
                    BigDecimal b = pick(NUMBERS);
                    yield a.compareTo(b) <= 0 ? new Operand.NumberRange(a, b) : new Operand.NumberRange(b, a);
                }
                yield new Operand.Number(pick(NUMBERS));
            }
            case BOOLEAN -> new Operand.Bool(random.nextBoolean());
            case TIME -> switch (op) {
                case BEFORE, AFTER -> new Operand.Time(timePoint());
                case BETWEEN -> {
                    TimePoint a = timePoint();
                    TimePoint b = timePoint();
                    yield a.resolve(ZoneOffset.UTC).isAfter(b.resolve(ZoneOffset.UTC))
                            ? new Operand.TimeRange(b, a) : new Operand.TimeRange(a, b);
                }
                default -> new Operand.Length(pick(LENGTHS));
            };
            default -> throw new IllegalStateException(kind + " " + op);
        };
    }

    private TimePoint timePoint() {
        Instant t = times.instant();
        return random.nextInt(3) == 0 ? new TimePoint.OnDate(LocalDate.ofInstant(t, ZoneOffset.UTC))
                : new TimePoint.AtInstant(t);
    }

    private List<String> texts(List<String> vocabulary) {
        int n = 1 + random.nextInt(3);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(variant(pick(vocabulary)));
        }
        return values;
    }

    /** The value, sometimes in another case or with spaces around it. */
    private String variant(String v) {
        return switch (random.nextInt(6)) {
            case 0 -> v.toUpperCase(Locale.ROOT);
            case 1 -> v.toLowerCase(Locale.ROOT);
            case 2 -> " " + v + " ";
            default -> v;
        };
    }

    /** A non-empty piece of the value for contains / startsWith / endsWith, sometimes with a space that matters. */
    private String piece(String value, Operator op) {
        String v = value.trim();
        int from = 0;
        int to = v.length();
        if (op == Operator.STARTS_WITH) {
            to = 1 + random.nextInt(v.length());
        } else if (op == Operator.ENDS_WITH) {
            from = random.nextInt(v.length());
        } else {
            from = random.nextInt(v.length());
            to = from + 1 + random.nextInt(v.length() - from);
        }
        String piece = v.substring(from, to);
        return switch (random.nextInt(8)) {
            case 0 -> piece + " ";
            case 1 -> " " + piece;
            case 2 -> piece.toUpperCase(Locale.ROOT);
            default -> piece;
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
