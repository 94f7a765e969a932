package dev.segments.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.bench.Change;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import dev.segments.reference.ReferenceEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The floor against {@link ReferenceEvaluator} on random segments and contacts: after loading, after each of a random
 * sequence of contact edits, email events and clock moves, and after segment replacements, every segment's members
 * are the reference's, and the reported number of membership changes is the true one.
 */
class FloorMatchesReferenceTest {

    private static final int SEGMENTS = 40;
    private static final int CONTACTS = 100;
    private static final int STEPS = 50;

    @ParameterizedTest(name = "seed {0}, zone {1}")
    @CsvSource({"1, UTC", "2, America/Chicago", "3, UTC", "4, Asia/Kolkata"})
    void floorMembershipsAreTheReferences(long seed, String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Random random = new Random(seed);
        List<SegmentDefinition> segments = new ArrayList<>(new RandomSegments(seed).segments(SEGMENTS));
        RandomContacts randomContacts = new RandomContacts(seed);
        Instant now = RandomContacts.BASE;
        Instant start = now;
        List<ContactData> initial = randomContacts.contacts(CONTACTS);
        List<EmailEvent> past = randomContacts.events(initial, 600).stream().filter(e -> !e.at().isAfter(start))
                .toList();
        Model model = new Model(initial, zone);
        past.forEach(model::record);

        try (FloorSubject floor = new FloorSubject(segments, zone, now)) {
            floor.load(initial, past);
            assertMatches(floor, segments, model, now, zone, "after load");

            for (int step = 0; step < STEPS; step++) {
                String label = "step " + step;
                int roll = random.nextInt(10);
                if (roll < 4) {
                    ContactData before = model.contacts.get("c-" + random.nextInt(CONTACTS));
                    ContactData after = randomContacts.contact(before.id());
                    model.contacts.put(after.id(), after);
                    floor.apply(new Change.Edit(before, after, "edit"));
                } else if (roll < 7) {
                    EmailEvent event = new EmailEvent("c-" + random.nextInt(CONTACTS),
                            EmailEventType.values()[random.nextInt(EmailEventType.values().length)],
                            now.minus(Duration.ofHours(random.nextInt(3))),
                            random.nextBoolean() ? Optional.of("nov-promo") : Optional.empty(), Optional.empty());
                    model.record(event);
                    floor.apply(new Change.Event(event));
                } else {
                    Map<String, Set<String>> before = reference(segments, model, now, zone);
                    now = now.plus(random.nextBoolean() ? Duration.ofHours(1 + random.nextInt(30))
                            : Duration.ofMinutes(random.nextInt(90)));
                    long changed = floor.advanceTo(now);
                    assertThat(changed).as(label + ": changes reported").isEqualTo(
                            difference(before, reference(segments, model, now, zone)));
                }
                assertMatches(floor, segments, model, now, zone, label);
            }

            RandomSegments replacements = new RandomSegments(seed + 1000);
            for (int i = 0; i < 6; i++) {
                int index = random.nextInt(SEGMENTS);
                Map<String, Set<String>> before = reference(segments, model, now, zone);
                SegmentDefinition replacement = new SegmentDefinition("r" + index, "replaced", Optional.empty(),
                        replacements.condition(index, 0), segments.get(index).at());
                segments.set(index, replacement);
                long changed = floor.replaceSegment(replacement);
                assertThat(changed).as("replace r" + index + ": changes reported").isEqualTo(
                        difference(before, reference(segments, model, now, zone)));
                assertMatches(floor, segments, model, now, zone, "after replacing r" + index);
            }
        }
    }

    private static void assertMatches(FloorSubject floor, List<SegmentDefinition> segments, Model model, Instant now,
            ZoneId zone, String label) {
        Map<String, Set<String>> expected = reference(segments, model, now, zone);
        SortedMap<String, Integer> expectedCounts = new TreeMap<>();
        expected.forEach((id, members) -> expectedCounts.put(id, members.size()));
        assertThat(floor.counts()).as(label + ": counts").isEqualTo(expectedCounts);
        for (SegmentDefinition s : segments) {
            assertThat(floor.members(s.id())).as(label + ": members of " + s.id()).isEqualTo(expected.get(s.id()));
        }
    }

    private static Map<String, Set<String>> reference(List<SegmentDefinition> segments, Model model, Instant now,
            ZoneId zone) {
        return new ReferenceEvaluator(segments, zone).memberships(model.contacts.values(), model.events, now);
    }

    private static long difference(Map<String, Set<String>> before, Map<String, Set<String>> after) {
        long changed = 0;
        for (String id : before.keySet()) {
            changed += before.get(id).stream().filter(c -> !after.get(id).contains(c)).count();
            changed += after.get(id).stream().filter(c -> !before.get(id).contains(c)).count();
        }
        return changed;
    }

    /** The contacts and events as the spec says they are after each change. */
    private static final class Model {
        final Map<String, ContactData> contacts = new LinkedHashMap<>();
        final Map<String, List<EmailEvent>> events = new LinkedHashMap<>();
        final ZoneId zone;

        Model(List<ContactData> contacts, ZoneId zone) {
            contacts.forEach(c -> this.contacts.put(c.id(), c));
            this.zone = zone;
        }

        void record(EmailEvent e) {
            contacts.put(e.contactId(), ReferenceEvaluator.applyEvent(contacts.get(e.contactId()), e, zone));
            events.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e);
        }
    }
}
