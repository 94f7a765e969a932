package dev.segments.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.bench.Change;
import dev.segments.bench.workload.ChangeStream;
import dev.segments.bench.workload.SegmentEdits;
import dev.segments.bench.workload.Workload;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.ReferenceEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The floor against {@link ReferenceEvaluator} on the realistic workload: load, changes, a clock move, an edit. */
class FloorOnRealisticWorkloadTest {

    @Test
    void floorAgreesWithTheReferenceOnTheRealisticWorkload() {
        Workload w = Workload.generate(11, 2000, 10, 60);
        List<SegmentDefinition> segments = new ArrayList<>(w.segments());
        Map<String, ContactData> contacts = new LinkedHashMap<>();
        w.contacts().forEach(c -> contacts.put(c.id(), c));
        Map<String, List<EmailEvent>> events = new LinkedHashMap<>();
        w.events().forEach(e -> events.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e));
        Instant now = Workload.START;

        try (FloorSubject floor = new FloorSubject(segments, ZoneOffset.UTC, now)) {
            floor.load(w.contacts(), w.events());
            assertMatches(floor, segments, contacts, events, now, "after load");

            for (Change change : new ChangeStream(11).changes(w.contacts(), now, 300)) {
                floor.apply(change);
                contacts.put(change.contactId(), ChangeStream.after(contacts.get(change.contactId()), change));
                if (change instanceof Change.Event e) {
                    events.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e.event());
                }
            }
            assertMatches(floor, segments, contacts, events, now, "after 300 changes");

            now = now.plus(Duration.ofDays(2).plusHours(5));
            floor.advanceTo(now);
            assertMatches(floor, segments, contacts, events, now, "after two days");

            SegmentEdits edits = new SegmentEdits(11);
            for (int i : new int[] {0, 7, 31}) {
                SegmentDefinition edited = edits.edited(segments.get(i));
                segments.set(i, edited);
                floor.replaceSegment(edited);
            }
            assertMatches(floor, segments, contacts, events, now, "after edits");
        }
    }

    private static void assertMatches(FloorSubject floor, List<SegmentDefinition> segments,
            Map<String, ContactData> contacts, Map<String, List<EmailEvent>> events, Instant now, String label) {
        Map<String, Set<String>> expected = new ReferenceEvaluator(segments, ZoneOffset.UTC)
                .memberships(contacts.values(), events, now);
        for (SegmentDefinition s : segments) {
            assertThat(floor.members(s.id())).as(label + ": members of " + s.id()).isEqualTo(expected.get(s.id()));
            assertThat(floor.counts().get(s.id())).isEqualTo(expected.get(s.id()).size());
        }
    }
}
