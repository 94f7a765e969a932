package dev.segments.engine;

import static dev.segments.engine.TimeBoundaryTest.T0;
import static dev.segments.engine.TimeBoundaryTest.contact;
import static dev.segments.engine.TimeBoundaryTest.days;
import static dev.segments.engine.TimeBoundaryTest.entered;
import static dev.segments.engine.TimeBoundaryTest.exited;
import static dev.segments.engine.TimeBoundaryTest.hours;
import static dev.segments.engine.TimeBoundaryTest.segment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Editing a segment's relative or activity window moves every contact's time state to the new windows: the edited
 * segment is right at once and at every later boundary, and segments whose windows did not change report nothing.
 */
class WindowEditTest {

    static final SegmentDefinition RECENT_7 = segment("recent",
            "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}");
    static final SegmentDefinition RECENT_14 = segment("recent",
            "{'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P14D'}");
    static final SegmentDefinition RECENT_TEXANS = segment("recent-texans",
            "{'all': [{'memberOf': 'recent'}, {'field': 'state', 'op': 'equals', 'value': 'TX'}]}");
    static final SegmentDefinition ACTIVE_30 = segment("active",
            "{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'gte', 'value': 1}}");
    static final SegmentDefinition ACTIVE_3 = segment("active",
            "{'activity': 'email.opened', 'within': 'P3D', 'count': {'op': 'gte', 'value': 1}}");
    static final SegmentDefinition CREATED_LATELY = segment("created-lately",
            "{'field': 'createdAt', 'op': 'withinLast', 'value': 'P30D'}");

    final List<SegmentEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(SegmentEngine::close);
    }

    @Test
    void aWiderWindowTakesInWhoItCoversAtOnceAndLetsThemGoAtItsOwnEnd() {
        SegmentEngine engine = started(List.of(RECENT_7, RECENT_TEXANS, CREATED_LATELY));
        engine.load(contacts(), events());
        Instant now = T0.plus(days(10));
        engine.advanceTo(now);
        assertThat(engine.members("recent")).containsExactly("opened-day-9");

        List<MembershipChange> edit = engine.updateRules(RuleSources.of(List.of(RECENT_14, RECENT_TEXANS,
                CREATED_LATELY)));

        assertThat(edit).containsExactlyInAnyOrder(entered(now, "recent", "opened-day-1"),
                entered(now, "recent-texans", "opened-day-1"));
        assertSameAsFreshEngine(engine, List.of(RECENT_14, RECENT_TEXANS, CREATED_LATELY));
        // The 7-day window's next change for opened-day-9 (day 16) is still scheduled; it must change nothing.
        assertThat(engine.advanceTo(T0.plus(days(16)).plus(hours(1)))).containsExactly(
                exited(T0.plus(days(15)), "recent", "opened-day-1"),
                exited(T0.plus(days(15)), "recent-texans", "opened-day-1"));
        assertThat(engine.advanceTo(T0.plus(days(24)))).containsExactly(
                exited(T0.plus(days(23)), "recent", "opened-day-9"));
        assertSameAsFreshEngine(engine, List.of(RECENT_14, RECENT_TEXANS, CREATED_LATELY));
    }

    @Test
    void aNarrowerActivityWindowLetsGoWhoItNoLongerCoversAndBackAgain() {
        SegmentEngine engine = started(List.of(ACTIVE_30, RECENT_7));
        engine.load(contacts(), events());
        Instant now = T0.plus(days(10));
        engine.advanceTo(now);
        assertThat(engine.members("active")).containsExactly("opened-day-1", "opened-day-9");

        assertThat(engine.updateRules(RuleSources.of(List.of(ACTIVE_3, RECENT_7))))
                .containsExactly(exited(now, "active", "opened-day-1"));
        assertSameAsFreshEngine(engine, List.of(ACTIVE_3, RECENT_7));
        assertThat(engine.advanceTo(T0.plus(days(13)))).containsExactly(
                exited(T0.plus(days(12)), "active", "opened-day-9"));

        assertThat(engine.updateRules(RuleSources.of(List.of(ACTIVE_30, RECENT_7)))).containsExactlyInAnyOrder(
                entered(T0.plus(days(13)), "active", "opened-day-1"),
                entered(T0.plus(days(13)), "active", "opened-day-9"));
        assertSameAsFreshEngine(engine, List.of(ACTIVE_30, RECENT_7));
    }

    private SegmentEngine started(List<SegmentDefinition> segments) {
        SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(T0));
        engines.add(engine);
        return engine;
    }

    /** Every segment's members equal those of an engine started with the same rules, contacts and clock. */
    private void assertSameAsFreshEngine(SegmentEngine engine, List<SegmentDefinition> segments) {
        SegmentEngine fresh = started(segments);
        fresh.load(contacts(), events());
        fresh.advanceTo(engine.now());
        for (SegmentDefinition segment : segments) {
            assertThat(engine.members(segment.id())).as(segment.id()).isEqualTo(fresh.members(segment.id()));
        }
        assertThat(engine.nextTimeChange()).isPresent();
    }

    private static List<ContactData> contacts() {
        return List.of(
                contact("{'id': 'opened-day-1', 'state': 'TX', 'createdAt': '" + T0 + "', 'lastEmailOpenedAt': '"
                        + T0.plus(days(1)) + "'}"),
                contact("{'id': 'opened-day-9', 'state': 'CA', 'createdAt': '" + T0 + "', 'lastEmailOpenedAt': '"
                        + T0.plus(days(9)) + "'}"),
                contact("{'id': 'never-opened', 'state': 'TX', 'createdAt': '" + T0 + "'}"));
    }

    private static List<EmailEvent> events() {
        return List.of(opened("opened-day-1", T0.plus(days(1))), opened("opened-day-9", T0.plus(days(9))));
    }

    private static EmailEvent opened(String contactId, Instant at) {
        return new EmailEvent(contactId, EmailEventType.OPENED, at, Optional.empty(), Optional.empty());
    }
}
