package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.EmailEvent;
import dev.segments.contact.io.ContactJson;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.engine.MembershipChange.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Relative-time conditions and activity windows change membership exactly at their boundary instants when the clock
 * moves (SPEC 4: closed at the start, open at the end; each change stamped with its own instant).
 */
class TimeBoundaryTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Duration MS = Duration.ofMillis(1);

    SegmentEngine engine;
    final List<MembershipChange> heard = new ArrayList<>();

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void staysInWithinLastUntilTheLastMillisecondAndExitsExactlySevenDaysAfterTheOpen() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"));
        Instant opened = T0.plus(hours(3));
        assertThat(engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + opened + "'}"))).isEmpty();

        assertThat(engine.advanceTo(opened.minus(MS))).isEmpty();
        assertThat(engine.advanceTo(opened)).containsExactly(entered(opened, "recent", "c-1"));
        Instant exit = opened.plus(days(7));
        assertThat(engine.advanceTo(exit.minus(MS))).isEmpty();
        assertThat(engine.members("recent")).containsExactly("c-1");

        assertThat(engine.advanceTo(exit.plus(days(30)))).containsExactly(exited(exit, "recent", "c-1"));
        assertThat(engine.members("recent")).isEmpty();
        assertThat(engine.now()).isEqualTo(exit.plus(days(30)));
        assertThat(heard).containsExactly(entered(opened, "recent", "c-1"), exited(exit, "recent", "c-1"));
    }

    @Test
    void theExitIsStampedAtTheBoundaryEvenWhenTheClockJumpsAYearPastIt() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"));
        assertThat(engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + T0 + "'}")))
                .containsExactly(entered(T0, "recent", "c-1"));
        assertThat(engine.nextTimeChange()).contains(T0.plus(days(7)));

        assertThat(engine.advanceTo(T0.plus(days(365)))).containsExactly(exited(T0.plus(days(7)), "recent", "c-1"));
    }

    @Test
    void landingExactlyOnTheBoundaryAlreadyExits() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'PT12H'}"));
        engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + T0 + "'}"));

        assertThat(engine.advanceTo(T0.plus(hours(12)))).containsExactly(exited(T0.plus(hours(12)), "recent", "c-1"));
        assertThat(engine.members("recent")).isEmpty();
    }

    @Test
    void notWithinLastEntersAtTheInstantWithinLastExits() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"),
                segment("stale", "{'field': 'lastEmailOpenedAt', 'op': 'notWithinLast', 'value': 'P7D'}"));
        Instant opened = T0.plus(hours(1));
        assertThat(engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + opened + "'}")))
                .containsExactly(entered(T0, "stale", "c-1"));

        List<MembershipChange> changes = engine.advanceTo(T0.plus(days(30)));
        assertThat(changes).containsExactlyInAnyOrder(
                exited(opened, "stale", "c-1"), entered(opened, "recent", "c-1"),
                exited(opened.plus(days(7)), "recent", "c-1"), entered(opened.plus(days(7)), "stale", "c-1"));
        assertThat(changes).isSortedAccordingTo(Comparator.comparing(MembershipChange::at));
    }

    @Test
    void moreThanAgoEntersAtExactlyTheFieldPlusTheDuration() {
        start(segment("cold", "{'field': 'lastEmailSentAt', 'op': 'moreThanAgo', 'value': 'P3D'}"));
        Instant sent = T0.plus(hours(5));
        engine.upsert(contact("{'id': 'c-1', 'lastEmailSentAt': '" + sent + "'}"));

        assertThat(engine.advanceTo(sent.plus(days(3)).minus(MS))).isEmpty();
        assertThat(engine.members("cold")).isEmpty();
        assertThat(engine.advanceTo(sent.plus(days(10)))).containsExactly(entered(sent.plus(days(3)), "cold", "c-1"));
        assertThat(engine.members("cold")).containsExactly("c-1");
    }

    @Test
    void withinNextEntersAtTheFieldMinusTheDurationAndExitsAtTheField() {
        start(segment("ending", "{'field': 'custom.trialEnds', 'op': 'withinNext', 'value': 'P2D'}"));
        Instant ends = T0.plus(days(10)).plus(hours(5));
        engine.upsert(contact("{'id': 'c-1', 'custom': {'trialEnds': '" + ends + "'}}"));

        Instant enters = ends.minus(days(2));
        assertThat(engine.advanceTo(enters.minus(MS))).isEmpty();
        assertThat(engine.advanceTo(enters)).containsExactly(entered(enters, "ending", "c-1"));
        assertThat(engine.advanceTo(ends.minus(MS))).isEmpty();
        assertThat(engine.members("ending")).containsExactly("c-1");
        assertThat(engine.advanceTo(ends)).containsExactly(exited(ends, "ending", "c-1"));
    }

    @Test
    void withinNextOnADateOnlyValueCountsFromMidnightUtcAndBothChangesComeFromOneAdvance() {
        start(segment("renewing", "{'field': 'custom.renewalDate', 'op': 'withinNext', 'value': 'P7D'}"));
        engine.upsert(contact("{'id': 'c-1', 'custom': {'renewalDate': '2026-12-01'}}"));

        assertThat(engine.advanceTo(Instant.parse("2027-06-01T00:00:00Z"))).containsExactly(
                entered(Instant.parse("2026-11-24T00:00:00Z"), "renewing", "c-1"),
                exited(Instant.parse("2026-12-01T00:00:00Z"), "renewing", "c-1"));
    }

    @Test
    void anActivityCountDropsAtExactlyTheOldestEventPlusTheWindow() {
        start(segment("active", "{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'gte', 'value': 2}}"),
                segment("quiet", "{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'lt', 'value': 1}}"));
        assertThat(engine.upsert(contact("{'id': 'c-1'}"))).containsExactly(entered(T0, "quiet", "c-1"));
        assertThat(engine.record(new EmailEvent("c-1", EmailEventType.OPENED, T0)))
                .containsExactly(exited(T0, "quiet", "c-1"));
        Instant second = T0.plus(days(1));
        engine.advanceTo(second);
        assertThat(engine.record(new EmailEvent("c-1", EmailEventType.OPENED, second)))
                .containsExactly(entered(second, "active", "c-1"));

        Instant drop = T0.plus(days(30));
        assertThat(engine.advanceTo(drop.minus(MS))).isEmpty();
        assertThat(engine.advanceTo(drop)).containsExactly(exited(drop, "active", "c-1"));
        assertThat(engine.advanceTo(T0.plus(days(90)))).containsExactly(
                entered(second.plus(days(30)), "quiet", "c-1"));
    }

    @Test
    void anActivityWindowForOneCampaignIgnoresTheOthersAsTheyAge() {
        start(segment("nov-openers", "{'activity': 'email.opened', 'within': 'P7D', 'campaignId': 'nov'}"));
        engine.upsert(contact("{'id': 'c-1'}"));
        engine.record(new EmailEvent("c-1", EmailEventType.OPENED, T0, Optional.of("nov"), Optional.empty()));
        engine.advanceTo(T0.plus(days(3)));
        engine.record(new EmailEvent("c-1", EmailEventType.OPENED, T0.plus(days(3)), Optional.of("dec"),
                Optional.empty()));

        assertThat(engine.advanceTo(T0.plus(days(20)))).containsExactly(
                exited(T0.plus(days(7)), "nov-openers", "c-1"));
    }

    @Test
    void anEventRecordedAheadOfTheClockCountsFromItsOwnInstant() {
        start(segment("opened-today", "{'activity': 'email.opened', 'within': 'P1D'}"));
        engine.upsert(contact("{'id': 'c-1'}"));
        Instant at = T0.plus(hours(2));
        assertThat(engine.record(new EmailEvent("c-1", EmailEventType.OPENED, at))).isEmpty();

        assertThat(engine.advanceTo(at.minus(MS))).isEmpty();
        assertThat(engine.advanceTo(T0.plus(days(5)))).containsExactly(
                entered(at, "opened-today", "c-1"), exited(at.plus(days(1)), "opened-today", "c-1"));
    }

    @Test
    void severalContactsCrossTheirBoundariesInTimeOrderWithinOneAdvance() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"),
                segment("dormant", "{'field': 'lastEmailOpenedAt', 'op': 'moreThanAgo', 'value': 'P10D'}"),
                segment("renewing", "{'field': 'custom.renewalDate', 'op': 'withinNext', 'value': 'P3D'}"));
        engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + T0.minus(days(1)) + "'}"));
        engine.upsert(contact("{'id': 'c-2', 'lastEmailOpenedAt': '" + T0.minus(days(3)) + "'}"));
        engine.upsert(contact("{'id': 'c-3', 'custom': {'renewalDate': '2026-11-06'}}"));
        engine.upsert(contact("{'id': 'c-4', 'lastEmailOpenedAt': '" + T0.plus(hours(12)) + "'}"));
        heard.clear();

        List<MembershipChange> changes = engine.advanceTo(T0.plus(days(30)));
        assertThat(changes).containsExactly(
                entered(T0.plus(hours(12)), "recent", "c-4"),
                entered(T0.plus(days(2)), "renewing", "c-3"),
                exited(T0.plus(days(4)), "recent", "c-2"),
                exited(T0.plus(days(5)), "renewing", "c-3"),
                exited(T0.plus(days(6)), "recent", "c-1"),
                entered(T0.plus(days(7)), "dormant", "c-2"),
                exited(T0.plus(days(7)).plus(hours(12)), "recent", "c-4"),
                entered(T0.plus(days(9)), "dormant", "c-1"),
                entered(T0.plus(days(10)).plus(hours(12)), "dormant", "c-4"));
        assertThat(heard).isEqualTo(changes);
        assertThat(engine.members("dormant")).containsExactly("c-1", "c-2", "c-4");
    }

    @Test
    void aBoundaryMovesWithTheFieldItDependsOn() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"));
        engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + T0 + "'}"));
        engine.advanceTo(T0.plus(days(5)));
        engine.record(new EmailEvent("c-1", EmailEventType.OPENED, T0.plus(days(5))));

        assertThat(engine.advanceTo(T0.plus(days(30)))).containsExactly(
                exited(T0.plus(days(12)), "recent", "c-1"));
    }

    @Test
    void aDeletedContactLeavesNoBoundaryBehind() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"));
        engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + T0 + "'}"));
        engine.delete("c-1");

        assertThat(engine.advanceTo(T0.plus(days(30)))).isEmpty();
    }

    @Test
    void theClockCannotGoBack() {
        start(segment("recent", "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}"));
        engine.upsert(contact("{'id': 'c-1', 'lastEmailOpenedAt': '" + T0 + "'}"));
        Instant later = T0.plus(days(1));
        engine.advanceTo(later);

        assertThatThrownBy(() -> engine.advanceTo(later.minus(MS))).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.now()).isEqualTo(later);
        assertThat(engine.members("recent")).containsExactly("c-1");
        assertThat(engine.advanceTo(later)).isEmpty();
        assertThat(engine.advanceTo(T0.plus(days(8)))).containsExactly(exited(T0.plus(days(7)), "recent", "c-1"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    void start(SegmentDefinition... segments) {
        engine = SegmentEngine.start(RuleSources.of(List.of(segments)), EngineOptions.startingAt(T0));
        engine.addListener(heard::addAll);
    }

    static SegmentDefinition segment(String id, String condition) {
        return SegmentFileReader.read("rules/segments/" + id + ".json",
                ("{'id': '" + id + "', 'match': " + condition + "}").replace('\'', '"'));
    }

    static dev.segments.contact.ContactData contact(String singleQuotedJson) {
        return ContactJson.parse(singleQuotedJson.replace('\'', '"'));
    }

    static MembershipChange entered(Instant at, String segment, String contact) {
        return new MembershipChange(at, Kind.ENTERED, segment, contact);
    }

    static MembershipChange exited(Instant at, String segment, String contact) {
        return new MembershipChange(at, Kind.EXITED, segment, contact);
    }

    static Duration days(long n) {
        return Duration.ofDays(n);
    }

    static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
