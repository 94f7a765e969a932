package dev.segments.bench.workload;

import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The single filters a marketer adds, grouped by how many contacts of {@link RealisticContacts} they keep: broad
 * (about half or more), medium (about a tenth to a half) and narrow (a few percent). Between them they use every
 * operator of every kind.
 */
final class SegmentLeaves {

    static final List<String> PLANS = List.of("free", "basic", "gold", "platinum");
    static final List<String> SOURCES = List.of("website", "webinar", "referral", "facebook-ads", "google-ads",
            "import", "linkedin", "organic-search", "trade-show", "partner");
    static final List<String> DOMAINS = List.of("@gmail.com", "@yahoo.com", "@outlook.com", "@hotmail.com",
            "@icloud.com", "@aol.com");
    static final List<String> TIMEZONES = List.of("America/Chicago", "America/New_York", "America/Los_Angeles",
            "America/Denver", "America/Phoenix");
    static final List<Duration> LENGTHS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(90));
    private static final LocalDate TODAY = LocalDate.ofInstant(Workload.START, ZoneOffset.UTC);

    private final Random random;
    private final TagVocabulary tags = new TagVocabulary();
    private final List<String> states = new Places().states();
    private final List<String> cities = new Places().cities();

    SegmentLeaves(Random random) {
        this.random = random;
    }

    Condition broad() {
        return switch (random.nextInt(16)) {
            case 0 -> text(ContactField.EMAIL_STATUS, Operator.EQUALS, "subscribed");
            case 1 -> field(ContactField.DND, FieldKind.BOOLEAN, Operator.EQUALS, new Operand.Bool(false));
            case 2 -> field(ContactField.DND, FieldKind.BOOLEAN, Operator.NOT_EQUALS, new Operand.Bool(true));
            case 3 -> random.nextBoolean() ? text(ContactField.COUNTRY, Operator.EQUALS, "US")
                    : texts(ContactField.COUNTRY, Operator.IN, List.of("US", "CA"));
            case 4 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.IS_NOT_EMPTY, new Operand.None());
            case 5 -> custom("score", FieldKind.NUMBER, Operator.GTE, number(10 + 5 * random.nextInt(4)));
            case 6 -> time(ContactField.CREATED_AT, Operator.MORE_THAN_AGO, length(30, 60, 90));
            case 7 -> time(ContactField.LAST_EMAIL_SENT_AT, Operator.WITHIN_LAST, length(14, 30));
            case 8 -> custom("trial", FieldKind.BOOLEAN, Operator.NOT_EQUALS, new Operand.Bool(true));
            case 9 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.NOT_CONTAINS,
                    new Operand.Text(random.nextBoolean() ? "do-not-call" : "cancelled"));
            case 10 -> texts(ContactField.SOURCE, Operator.NOT_IN, List.of("import", "partner"));
            case 11 -> text(ContactField.EMAIL_STATUS, Operator.NOT_EQUALS, "bounced");
            case 12 -> field(ContactField.PHONE, FieldKind.TEXT, Operator.IS_NOT_EMPTY, new Operand.None());
            case 13 -> text(ContactField.EMAIL, Operator.NOT_CONTAINS, random.nextBoolean() ? "test" : "noreply");
            case 14 -> activity(EmailEventType.CLICKED, 7, CountComparison.of(Operator.LTE, 1), Optional.empty());
            default -> activity(EmailEventType.SENT, 14, CountComparison.of(Operator.LT, 6), Optional.empty());
        };
    }

    Condition medium() {
        return switch (random.nextInt(28)) {
            case 0 -> texts(ContactField.STATE, Operator.IN, some(states.subList(0, 6), 2 + random.nextInt(3)));
            case 1 -> text(ContactField.STATE, Operator.EQUALS, states.get(random.nextInt(4)));
            case 2 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.CONTAINS,
                    new Operand.Text(tags.tag(random.nextInt(5))));
            case 3 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.CONTAINS_ANY,
                    new Operand.TextList(some(tags.tags().subList(0, 15), 2 + random.nextInt(2))));
            case 4 -> custom("plan", FieldKind.TEXT, Operator.IN, new Operand.TextList(List.of("gold", "platinum")));
            case 5 -> custom("plan", FieldKind.TEXT, Operator.EQUALS, new Operand.Text(random.nextBoolean() ? "free"
                    : "basic"));
            case 6 -> custom("seats", FieldKind.NUMBER, Operator.GT, number(2 + random.nextInt(10)));
            case 7 -> custom("seats", FieldKind.NUMBER, Operator.BETWEEN,
                    new Operand.NumberRange(BigDecimal.valueOf(5), BigDecimal.valueOf(50 + 50 * random.nextInt(3))));
            case 8 -> custom("score", FieldKind.NUMBER, Operator.BETWEEN,
                    new Operand.NumberRange(BigDecimal.valueOf(40), BigDecimal.valueOf(60 + 5 * random.nextInt(4))));
            case 9 -> custom("score", FieldKind.NUMBER, Operator.GT, number(60 + 5 * random.nextInt(4)));
            case 10 -> time(ContactField.LAST_EMAIL_OPENED_AT, Operator.WITHIN_LAST, length(7, 14));
            case 11 -> activity(EmailEventType.OPENED, 7, CountComparison.of(Operator.GTE, 2), Optional.empty());
            case 12 -> activity(EmailEventType.CLICKED, 14, CountComparison.AT_LEAST_ONE, Optional.empty());
            case 13 -> time(ContactField.CREATED_AT, Operator.WITHIN_LAST, length(180, 365));
            case 14 -> time(ContactField.CREATED_AT, Operator.AFTER, new TimePoint.OnDate(TODAY.minusDays(
                    200 + random.nextInt(200))));
            case 15 -> time(ContactField.DATE_OF_BIRTH, random.nextBoolean() ? Operator.BEFORE : Operator.AFTER,
                    new TimePoint.OnDate(LocalDate.of(1975 + 5 * random.nextInt(4), 1, 1)));
            case 16 -> text(ContactField.EMAIL, Operator.ENDS_WITH, random.nextBoolean() ? "@gmail.com" : "@yahoo.com");
            case 17 -> new Condition.FieldCondition(new Field.Standard(ContactField.EMAIL), FieldKind.TEXT,
                    Operator.MATCHES, new Operand.Pattern("(?i)@(yahoo|aol|hotmail)\\.com$"));
            case 18 -> texts(ContactField.SOURCE, Operator.IN, some(SOURCES.subList(0, 5), 2));
            case 19 -> text(ContactField.SOURCE, Operator.EQUALS, SOURCES.get(random.nextInt(3)));
            case 20 -> text(ContactField.TIMEZONE, Operator.EQUALS, TIMEZONES.get(random.nextInt(3)));
            case 21 -> time(ContactField.LAST_EMAIL_OPENED_AT, Operator.NOT_WITHIN_LAST, length(30, 60));
            case 22 -> field(ContactField.COMPANY_NAME, FieldKind.TEXT,
                    random.nextBoolean() ? Operator.IS_NOT_EMPTY : Operator.IS_EMPTY, new Operand.None());
            case 23 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.IS_EMPTY, new Operand.None());
            case 24 -> time(ContactField.LAST_EMAIL_CLICKED_AT, Operator.WITHIN_LAST, length(30));
            case 25 -> field(ContactField.DATE_OF_BIRTH, FieldKind.TIME, random.nextBoolean() ? Operator.IS_EMPTY
                    : Operator.IS_NOT_EMPTY, new Operand.None());
            case 26 -> custom("renewalDate", FieldKind.TIME, Operator.WITHIN_NEXT, length(90));
            default -> time(ContactField.LAST_EMAIL_SENT_AT, Operator.BETWEEN, new Operand.TimeRange(
                    new TimePoint.AtInstant(Workload.START.minus(Duration.ofDays(10))),
                    new TimePoint.AtInstant(Workload.START.minus(Duration.ofDays(3)))));
        };
    }

    Condition narrow() {
        return switch (random.nextInt(22)) {
            case 0 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.CONTAINS_ALL,
                    new Operand.TextList(some(tags.tags().subList(0, 8), 2)));
            case 1 -> field(ContactField.TAGS, FieldKind.TAGS, Operator.CONTAINS,
                    new Operand.Text(tags.tag(10 + random.nextInt(60))));
            case 2 -> text(ContactField.CITY, Operator.EQUALS, cities.get(random.nextInt(cities.size())));
            case 3 -> texts(ContactField.CITY, Operator.IN, some(cities, 3));
            case 4 -> activity(EmailEventType.CLICKED, 7, CountComparison.AT_LEAST_ONE,
                    Optional.of(Campaigns.ALL.get(random.nextInt(5)).id()));
            case 5 -> custom("plan", FieldKind.TEXT, Operator.EQUALS, new Operand.Text("platinum"));
            case 6 -> custom("renewalDate", FieldKind.TIME, Operator.WITHIN_NEXT, length(14, 30));
            case 7 -> custom("renewalDate", FieldKind.TIME, Operator.BEFORE, new TimePoint.OnDate(TODAY.plusDays(21)));
            case 8 -> field(ContactField.DND, FieldKind.BOOLEAN, Operator.EQUALS, new Operand.Bool(true));
            case 9 -> texts(ContactField.EMAIL_STATUS, Operator.IN, List.of("unsubscribed", "bounced"));
            case 10 -> time(ContactField.CREATED_AT, Operator.WITHIN_LAST, length(14, 30));
            case 11 -> text(ContactField.FIRST_NAME, Operator.STARTS_WITH, random.nextBoolean() ? "Jo" : "Ma");
            case 12 -> text(ContactField.LAST_NAME, Operator.EQUALS, People.LAST_NAMES.get(random.nextInt(10)));
            case 13 -> text(ContactField.POSTAL_CODE, Operator.STARTS_WITH, random.nextBoolean() ? "787" : "100");
            case 14 -> text(ContactField.COMPANY_NAME, Operator.CONTAINS, random.nextBoolean() ? "tech" : "Labs");
            case 15 -> time(ContactField.CREATED_AT, Operator.BETWEEN, new Operand.TimeRange(
                    new TimePoint.OnDate(TODAY.minusDays(120)), new TimePoint.OnDate(TODAY.minusDays(60))));
            case 16 -> activity(EmailEventType.OPENED, 30, new CountComparison(Operator.BETWEEN, 4, 6),
                    Optional.empty());
            case 17 -> custom("seats", FieldKind.NUMBER, random.nextBoolean() ? Operator.EQUALS : Operator.LT,
                    number(1));
            case 18 -> custom("score", FieldKind.NUMBER, Operator.LT, number(10 + 5 * random.nextInt(3)));
            case 19 -> new Condition.FieldCondition(new Field.Standard(ContactField.PHONE), FieldKind.TEXT,
                    Operator.MATCHES, new Operand.Pattern("^\\+1(512|737|214|713)"));
            case 20 -> custom("plan", FieldKind.TEXT, Operator.MATCHES, new Operand.Pattern("(?i)^plat"));
            default -> time(ContactField.LAST_EMAIL_CLICKED_AT, Operator.MORE_THAN_AGO, length(14, 60));
        };
    }

    /** A filter on custom fields that keeps about half of the contacts or more. */
    Condition customBroad() {
        return switch (random.nextInt(5)) {
            case 4 -> custom("renewalDate", FieldKind.TEXT, Operator.IS_EMPTY, new Operand.None());
            case 0 -> custom("plan", FieldKind.TEXT, Operator.NOT_EQUALS, new Operand.Text("free"));
            case 1 -> custom("seats", FieldKind.NUMBER, Operator.NOT_EQUALS, number(1));
            case 2 -> custom("score", FieldKind.NUMBER, Operator.LTE, number(50));
            default -> custom("plan", FieldKind.TEXT, Operator.NOT_IN, new Operand.TextList(List.of("free", "basic")));
        };
    }

    private Condition activity(EmailEventType type, int days, CountComparison count, Optional<String> campaign) {
        return new Condition.Activity(type, Duration.ofDays(days), count, campaign);
    }

    private static Condition text(ContactField field, Operator op, String value) {
        return field(field, FieldKind.TEXT, op, new Operand.Text(value));
    }

    private static Condition texts(ContactField field, Operator op, List<String> values) {
        return field(field, FieldKind.TEXT, op, new Operand.TextList(values));
    }

    private static Condition time(ContactField field, Operator op, TimePoint point) {
        return field(field, FieldKind.TIME, op, new Operand.Time(point));
    }

    private static Condition time(ContactField field, Operator op, Operand operand) {
        return field(field, FieldKind.TIME, op, operand);
    }

    private static Condition field(ContactField field, FieldKind kind, Operator op, Operand operand) {
        return new Condition.FieldCondition(new Field.Standard(field), kind, op, operand);
    }

    private static Condition custom(String name, FieldKind kind, Operator op, Operand operand) {
        return new Condition.FieldCondition(new Field.Custom(name), kind, op, operand);
    }

    private static Condition custom(String name, FieldKind kind, Operator op, TimePoint point) {
        return custom(name, kind, op, new Operand.Time(point));
    }

    private Operand length(int... days) {
        return new Operand.Length(Duration.ofDays(days[random.nextInt(days.length)]));
    }

    private static Operand number(int n) {
        return new Operand.Number(BigDecimal.valueOf(n));
    }

    private List<String> some(List<String> values, int n) {
        List<String> pool = new ArrayList<>(values);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }
}
