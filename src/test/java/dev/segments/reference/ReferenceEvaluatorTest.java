package dev.segments.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final ReferenceEvaluator UTC = new ReferenceEvaluator(List.of());

    static Condition.FieldCondition cond(ContactField f, Operator op, Operand v) {
        return new Condition.FieldCondition(new Field.Standard(f), f.kind(), op, v);
    }

    static Condition.FieldCondition custom(String name, FieldKind kind, Operator op, Operand v) {
        return new Condition.FieldCondition(new Field.Custom(name), kind, op, v);
    }

    static Operand text(String s) {
        return new Operand.Text(s);
    }

    static Operand none() {
        return new Operand.None();
    }

    static boolean holds(Condition c, ContactData contact) {
        return UTC.holds(c, contact, List.of(), NOW);
    }

    static SegmentDefinition segment(String id, Condition match) {
        return new SegmentDefinition(id, id, Optional.empty(), match, Location.unknown("test"));
    }

    @Test
    void withinLastExitsExactlyAtTheOpenPlusTheDuration() {
        Condition openedThisWeek = cond(ContactField.LAST_EMAIL_OPENED_AT, Operator.WITHIN_LAST,
                new Operand.Length(Duration.ofDays(7)));
        ContactData c = ContactData.builder("c-1").lastEmailOpenedAt(new TimePoint.AtInstant(NOW)).build();

        assertThat(UTC.holds(openedThisWeek, c, List.of(), NOW)).isTrue();
        assertThat(UTC.holds(openedThisWeek, c, List.of(), NOW.plus(Duration.ofDays(7)).minusMillis(1))).isTrue();
        assertThat(UTC.holds(openedThisWeek, c, List.of(), NOW.plus(Duration.ofDays(7)))).isFalse();
        assertThat(UTC.holds(openedThisWeek, c, List.of(), NOW.minusMillis(1))).as("a future open").isFalse();
    }

    @Test
    void notWithinLastIsTheComplementIncludingAbsentAndFuture() {
        Condition notThisWeek = cond(ContactField.LAST_EMAIL_OPENED_AT, Operator.NOT_WITHIN_LAST,
                new Operand.Length(Duration.ofDays(7)));
        assertThat(holds(notThisWeek, ContactData.of("c-1"))).isTrue();
        assertThat(holds(notThisWeek, ContactData.builder("c-1")
                .lastEmailOpenedAt(new TimePoint.AtInstant(NOW.plusSeconds(1))).build())).isTrue();
        assertThat(holds(notThisWeek, ContactData.builder("c-1")
                .lastEmailOpenedAt(new TimePoint.AtInstant(NOW.minusSeconds(1))).build())).isFalse();
    }

    @Test
    void moreThanAgoAndWithinNextBoundaries() {
        Operand day = new Operand.Length(Duration.ofDays(1));
        Condition moreThanADayAgo = cond(ContactField.CREATED_AT, Operator.MORE_THAN_AGO, day);
        Condition inTheNextDay = cond(ContactField.CREATED_AT, Operator.WITHIN_NEXT, day);
        ContactData c = ContactData.builder("c-1").createdAt(new TimePoint.AtInstant(NOW.minus(Duration.ofDays(1)))).build();

        assertThat(UTC.holds(moreThanADayAgo, c, List.of(), NOW)).isTrue();
        assertThat(UTC.holds(moreThanADayAgo, c, List.of(), NOW.minusMillis(1))).isFalse();
        assertThat(UTC.holds(inTheNextDay, c, List.of(), NOW.minus(Duration.ofDays(2)))).isTrue();
        assertThat(UTC.holds(inTheNextDay, c, List.of(), NOW.minus(Duration.ofDays(2)).minusMillis(1))).isFalse();
        assertThat(UTC.holds(inTheNextDay, c, List.of(), NOW.minus(Duration.ofDays(1)))).as("t == now").isFalse();
        assertThat(holds(moreThanADayAgo, ContactData.of("c-2"))).isFalse();
    }

    @Test
    void textIgnoresCaseAndSurroundingSpacesOfTheContactValue() {
        ContactData c = ContactData.builder("c-1").state(" tx ").city("New York").build();

        assertThat(holds(cond(ContactField.STATE, Operator.EQUALS, text(" TX")), c)).isTrue();
        assertThat(holds(cond(ContactField.STATE, Operator.IN, new Operand.TextList(List.of("ca", "Tx "))), c)).isTrue();
        assertThat(holds(cond(ContactField.STATE, Operator.NOT_IN, new Operand.TextList(List.of("ca", "Tx "))), c)).isFalse();
        assertThat(holds(cond(ContactField.STATE, Operator.STARTS_WITH, text("T")), c)).isTrue();
        assertThat(holds(cond(ContactField.STATE, Operator.ENDS_WITH, text("x ")), c)).as("value used as written").isFalse();
        assertThat(holds(cond(ContactField.CITY, Operator.CONTAINS, text("W y")), c)).isTrue();
        assertThat(holds(cond(ContactField.CITY, Operator.CONTAINS, text("new ")), c)).isTrue();
        assertThat(holds(cond(ContactField.CITY, Operator.CONTAINS, text(" new")), c)).isFalse();
    }

    @Test
    void matchesIsCaseSensitiveOnTheTrimmedValueUnlessThePatternSaysOtherwise() {
        ContactData c = ContactData.builder("c-1").state(" tx ").build();

        assertThat(holds(cond(ContactField.STATE, Operator.MATCHES, new Operand.Pattern("^tx$")), c)).isTrue();
        assertThat(holds(cond(ContactField.STATE, Operator.MATCHES, new Operand.Pattern("TX")), c)).isFalse();
        assertThat(holds(cond(ContactField.STATE, Operator.MATCHES, new Operand.Pattern("(?i)TX")), c)).isTrue();
        assertThat(holds(cond(ContactField.EMAIL, Operator.MATCHES, new Operand.Pattern(".*")), c)).as("absent").isFalse();
    }

    @Test
    void absentAndBlankTextOnlySatisfyTheNegativeOperatorsAndIsEmpty() {
        for (ContactData c : List.of(ContactData.of("c-1"), ContactData.builder("c-2").state("   ").build())) {
            assertThat(holds(cond(ContactField.STATE, Operator.IS_EMPTY, none()), c)).isTrue();
            assertThat(holds(cond(ContactField.STATE, Operator.IS_NOT_EMPTY, none()), c)).isFalse();
            assertThat(holds(cond(ContactField.STATE, Operator.NOT_EQUALS, text("TX")), c)).isTrue();
            assertThat(holds(cond(ContactField.STATE, Operator.NOT_CONTAINS, text("")), c)).isTrue();
            assertThat(holds(cond(ContactField.STATE, Operator.CONTAINS, text("")), c)).isFalse();
            assertThat(holds(cond(ContactField.STATE, Operator.NOT_IN, new Operand.TextList(List.of("TX"))), c)).isTrue();
        }
    }

    @Test
    void dndAndEmailStatusAreNeverEmpty() {
        ContactData c = ContactData.of("c-1");
        assertThat(holds(cond(ContactField.DND, Operator.IS_EMPTY, none()), c)).isFalse();
        assertThat(holds(cond(ContactField.EMAIL_STATUS, Operator.IS_EMPTY, none()), c)).isFalse();
        assertThat(holds(cond(ContactField.EMAIL_STATUS, Operator.EQUALS, text("Subscribed")), c)).isTrue();
        assertThat(holds(cond(ContactField.DND, Operator.EQUALS, new Operand.Bool(false)), c)).isTrue();
    }

    @Test
    void tagsAreTrimmedAndCaseInsensitive() {
        ContactData c = ContactData.builder("c-1").tags(Set.of(" Active Client", "VIP")).build();

        assertThat(holds(cond(ContactField.TAGS, Operator.CONTAINS, text("active client ")), c)).isTrue();
        assertThat(holds(cond(ContactField.TAGS, Operator.CONTAINS_ALL, new Operand.TextList(List.of("vip", "active client"))), c)).isTrue();
        assertThat(holds(cond(ContactField.TAGS, Operator.CONTAINS_ALL, new Operand.TextList(List.of("vip", "new"))), c)).isFalse();
        assertThat(holds(cond(ContactField.TAGS, Operator.CONTAINS_ANY, new Operand.TextList(List.of("vip", "new"))), c)).isTrue();
        assertThat(holds(cond(ContactField.TAGS, Operator.IS_EMPTY, none()), ContactData.of("c-2"))).isTrue();
        assertThat(holds(cond(ContactField.TAGS, Operator.NOT_CONTAINS, text("vip")), ContactData.of("c-2"))).isTrue();
    }

    @Test
    void customValuesOfAnotherKindCountAsAbsent() {
        ContactData c = ContactData.builder("c-1")
                .custom("seats", new CustomValue.Number(new BigDecimal("12.0")))
                .custom("plan", new CustomValue.Text("12"))
                .custom("renewalDate", new CustomValue.Text("2026-11-30"))
                .custom("note", new CustomValue.Text("  "))
                .build();
        Operand twelve = new Operand.Number(new BigDecimal("12"));

        assertThat(holds(custom("seats", FieldKind.NUMBER, Operator.EQUALS, twelve), c)).isTrue();
        assertThat(holds(custom("seats", FieldKind.TEXT, Operator.EQUALS, text("12")), c)).isFalse();
        assertThat(holds(custom("seats", FieldKind.TEXT, Operator.NOT_EQUALS, text("12")), c)).isTrue();
        assertThat(holds(custom("plan", FieldKind.NUMBER, Operator.EQUALS, twelve), c)).isFalse();
        assertThat(holds(custom("plan", FieldKind.NUMBER, Operator.BETWEEN,
                new Operand.NumberRange(BigDecimal.ONE, BigDecimal.TEN)), c)).isFalse();
        assertThat(holds(custom("renewalDate", FieldKind.TIME, Operator.WITHIN_NEXT,
                new Operand.Length(Duration.ofDays(2))), c)).isTrue();
        assertThat(holds(custom("renewalDate", FieldKind.TEXT, Operator.STARTS_WITH, text("2026-11")), c)).isTrue();
        assertThat(holds(custom("plan", FieldKind.TIME, Operator.IS_NOT_EMPTY, none()), c)).as("any kind").isTrue();
        assertThat(holds(custom("note", FieldKind.TEXT, Operator.IS_EMPTY, none()), c)).isTrue();
        assertThat(holds(custom("missing", FieldKind.NUMBER, Operator.IS_EMPTY, none()), c)).isTrue();
    }

    @Test
    void dateOnlyValuesAreMidnightInTheEngineZone() {
        ContactData c = ContactData.builder("c-1").dateOfBirth(new TimePoint.OnDate(LocalDate.of(1990, 4, 2))).build();
        Condition bornBeforeUtcMidnightPlus3h = cond(ContactField.DATE_OF_BIRTH, Operator.BEFORE,
                new Operand.Time(new TimePoint.AtInstant(Instant.parse("1990-04-02T03:00:00Z"))));
        Condition between = cond(ContactField.DATE_OF_BIRTH, Operator.BETWEEN, new Operand.TimeRange(
                new TimePoint.OnDate(LocalDate.of(1990, 4, 2)), new TimePoint.OnDate(LocalDate.of(1990, 4, 2))));
        ReferenceEvaluator chicago = new ReferenceEvaluator(List.of(), ZoneId.of("America/Chicago"));

        assertThat(UTC.holds(bornBeforeUtcMidnightPlus3h, c, List.of(), NOW)).isTrue();
        assertThat(chicago.holds(bornBeforeUtcMidnightPlus3h, c, List.of(), NOW)).as("05:00Z in Chicago").isFalse();
        assertThat(chicago.holds(between, c, List.of(), NOW)).isTrue();
    }

    @Test
    void activityCountsEventsOfTheTypeAndCampaignInsideTheWindow() {
        Condition threeOpens = new Condition.Activity(EmailEventType.OPENED, Duration.ofDays(30),
                CountComparison.of(Operator.GTE, 3), Optional.empty());
        Condition promoOpen = new Condition.Activity(EmailEventType.OPENED, Duration.ofDays(30),
                CountComparison.AT_LEAST_ONE, Optional.of("nov-promo"));
        ContactData c = ContactData.of("c-1");
        List<EmailEvent> events = List.of(
                new EmailEvent("c-1", EmailEventType.OPENED, NOW.minus(Duration.ofDays(30))), // just outside
                new EmailEvent("c-1", EmailEventType.OPENED, NOW.minus(Duration.ofDays(2)), Optional.of("nov-promo"), Optional.empty()),
                new EmailEvent("c-1", EmailEventType.OPENED, NOW),
                new EmailEvent("c-1", EmailEventType.CLICKED, NOW),
                new EmailEvent("c-1", EmailEventType.OPENED, NOW.plusMillis(1))); // not yet

        assertThat(UTC.holds(threeOpens, c, events, NOW)).isFalse();
        assertThat(UTC.holds(threeOpens, c, events, NOW.plusMillis(1))).isTrue();
        assertThat(UTC.holds(threeOpens, c, events, NOW.minusMillis(1)))
                .as("the open 30 days before NOW is still inside, the one at NOW not yet").isFalse();
        assertThat(UTC.holds(new Condition.Activity(EmailEventType.OPENED, Duration.ofDays(30),
                CountComparison.of(Operator.EQUALS, 2), Optional.empty()), c, events, NOW.minusMillis(1))).isTrue();
        assertThat(UTC.holds(promoOpen, c, events, NOW)).isTrue();
        assertThat(UTC.holds(promoOpen, c, events, NOW.plus(Duration.ofDays(28)))).isFalse();
    }

    @Test
    void theSpecExampleAndMemberOf() {
        Condition seed = new Condition.Any(List.of(
                new Condition.All(List.of(
                        cond(ContactField.TAGS, Operator.CONTAINS, text("Active Client")),
                        cond(ContactField.LAST_EMAIL_OPENED_AT, Operator.WITHIN_LAST, new Operand.Length(Duration.ofDays(7))))),
                cond(ContactField.STATE, Operator.EQUALS, text("TX"))));
        Condition outsideTexas = new Condition.All(List.of(
                new Condition.MemberOf("engaged-texas-clients", Location.unknown("test")),
                new Condition.Not(cond(ContactField.STATE, Operator.EQUALS, text("TX")))));
        ReferenceEvaluator evaluator = new ReferenceEvaluator(List.of(
                segment("engaged-texas-clients", seed), segment("engaged-elsewhere", outsideTexas),
                segment("nobody", new Condition.Any(List.of())), segment("everybody", new Condition.All(List.of()))));
        List<ContactData> contacts = List.of(
                ContactData.builder("texan").state("tx").build(),
                ContactData.builder("engaged").state("CA").tags(Set.of("active client"))
                        .lastEmailOpenedAt(new TimePoint.AtInstant(NOW.minus(Duration.ofDays(1)))).build(),
                ContactData.builder("lapsed").tags(Set.of("Active Client"))
                        .lastEmailOpenedAt(new TimePoint.AtInstant(NOW.minus(Duration.ofDays(8)))).build());

        assertThat(evaluator.memberships(contacts, Map.of(), NOW)).isEqualTo(Map.of(
                "engaged-texas-clients", Set.of("texan", "engaged"),
                "engaged-elsewhere", Set.of("engaged"),
                "nobody", Set.of(),
                "everybody", Set.of("texan", "engaged", "lapsed")));
    }

    @Test
    void eventsMoveLastEmailTimesForwardOnlyAndSetTheEmailStatus() {
        ContactData c = ContactData.builder("c-1").lastEmailOpenedAt(new TimePoint.AtInstant(NOW)).build();

        ContactData older = ReferenceEvaluator.applyEvent(c, new EmailEvent("c-1", EmailEventType.OPENED, NOW.minusSeconds(5)));
        ContactData newer = ReferenceEvaluator.applyEvent(c, new EmailEvent("c-1", EmailEventType.OPENED, NOW.plusSeconds(5)));
        ContactData sent = ReferenceEvaluator.applyEvent(c, new EmailEvent("c-1", EmailEventType.SENT, NOW));
        ContactData bounced = ReferenceEvaluator.applyEvent(c, new EmailEvent("c-1", EmailEventType.BOUNCED, NOW));
        ContactData unsubscribed = ReferenceEvaluator.applyEvent(bounced, new EmailEvent("c-1", EmailEventType.UNSUBSCRIBED, NOW));
        ContactData delivered = ReferenceEvaluator.applyEvent(c, new EmailEvent("c-1", EmailEventType.DELIVERED, NOW));

        assertThat(older).isEqualTo(c);
        assertThat(newer.lastEmailOpenedAt()).isEqualTo(new TimePoint.AtInstant(NOW.plusSeconds(5)));
        assertThat(sent.lastEmailSentAt()).isEqualTo(new TimePoint.AtInstant(NOW));
        assertThat(bounced.emailStatus()).isEqualTo(EmailStatus.BOUNCED);
        assertThat(unsubscribed.emailStatus()).isEqualTo(EmailStatus.UNSUBSCRIBED);
        assertThat(delivered).isEqualTo(c);
        assertThat(ReferenceEvaluator.applyEvent(ContactData.builder("c-1")
                .lastEmailClickedAt(new TimePoint.OnDate(LocalDate.of(2026, 11, 28))).build(),
                new EmailEvent("c-1", EmailEventType.CLICKED, NOW), ZoneOffset.UTC).lastEmailClickedAt())
                .isEqualTo(new TimePoint.AtInstant(NOW));
    }
}
