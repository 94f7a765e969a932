package dev.segments.bench.sql;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQL baseline computes the spec's memberships: random segments and contacts, compared with
 * {@link ReferenceEvaluator} after the load, after every change (the changed contact) and every few changes (all),
 * after the clock moves and after a segment is replaced; change counts are compared too.
 */
class SqlSubjectMatchesReferenceTest {

    private static final Instant START = RandomContacts.BASE;
    private static final List<String> CAMPAIGNS = List.of("nov-promo", "welcome", "Nov-Promo");

    @ParameterizedTest(name = "{0}, seed {1}, {2}")
    @CsvSource({"h2, 1, UTC", "h2, 2, America/Chicago", "h2, 3, UTC",
            "postgres, 1, UTC", "postgres, 2, America/Chicago"})
    void matchesTheReference(String database, long seed, String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        List<SegmentDefinition> segments = new RandomSegments(seed).segments(30);
        RandomContacts random = new RandomContacts(seed + 100);
        List<ContactData> loaded = random.contacts(400);
        List<EmailEvent> events = random.events(loaded, 1500).stream().filter(e -> !e.at().isAfter(START)).toList();

        try (SqlSubject subject = TestDatabases.open(database, segments, zone, START)) {
            World world = new World(new ReferenceEvaluator(segments, zone), zone, subject.inexactSegments());
            world.segmentIds = new TreeSet<>(segments.stream().map(SegmentDefinition::id).toList());
            loaded.forEach(c -> world.contacts.put(c.id(), c));
            events.forEach(world::record);
            System.out.println(database + " seed " + seed + ": " + subject.inexactSegments().size()
                    + " segment(s) left out of the comparison: " + subject.inexactSegments());

            subject.load(loaded, events);
            world.check(subject, "after load");

            Random r = new Random(seed);
            for (int i = 0; i < 120; i++) {
                Change change = world.randomChange(r, random);
                world.apply(change);
                subject.apply(change);
                world.checkContact(subject, change.contactId(), "after change " + i + " " + change.kind());
                if (i % 30 == 29) {
                    world.check(subject, "after " + (i + 1) + " changes");
                }
            }

            for (Duration step : List.of(Duration.ofMillis(1), Duration.ofHours(1), Duration.ofHours(11),
                    Duration.ofDays(2).minusMillis(1), Duration.ofDays(9))) {
                Map<String, Set<String>> before = world.expected();
                world.now = world.now.plus(step);
                long changed = subject.advanceTo(world.now);
                world.check(subject, "at " + world.now);
                assertThat(changed).as("changes reported at " + world.now)
                        .isEqualTo(world.difference(before, world.expected()));
            }

            int index = 12;
            SegmentDefinition old = segments.get(index);
            SegmentDefinition replacement = new SegmentDefinition(old.id(), old.name(), old.description(),
                    new RandomSegments(seed + 7).condition(index, 0), old.at());
            Map<String, Set<String>> before = world.expected();
            List<SegmentDefinition> replaced = new ArrayList<>(segments);
            replaced.set(index, replacement);
            world.reference = new ReferenceEvaluator(replaced, zone);
            long changed = subject.replaceSegment(replacement);
            world.inexact = subject.inexactSegments();
            world.check(subject, "after replacing " + old.id());
            assertThat(changed).as("changes reported by replaceSegment")
                    .isEqualTo(world.difference(before, world.expected()));
        }
    }

    /** The reference's view: contacts, events, clock. */
    private static final class World {
        ReferenceEvaluator reference;
        final ZoneId zone;
        Map<String, String> inexact;
        final Map<String, ContactData> contacts = new LinkedHashMap<>();
        final Map<String, List<EmailEvent>> events = new LinkedHashMap<>();
        Instant now = START;
        Set<String> segmentIds = Set.of();

        World(ReferenceEvaluator reference, ZoneId zone, Map<String, String> inexact) {
            this.reference = reference;
            this.zone = zone;
            this.inexact = inexact;
        }

        void record(EmailEvent e) {
            contacts.put(e.contactId(), ReferenceEvaluator.applyEvent(contacts.get(e.contactId()), e, zone));
            events.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e);
        }

        void apply(Change change) {
            if (change instanceof Change.Edit edit) {
                contacts.put(edit.contactId(), edit.after());
            } else if (change instanceof Change.Event event) {
                record(event.event());
            }
        }

        Change randomChange(Random r, RandomContacts random) {
            List<ContactData> all = new ArrayList<>(contacts.values());
            ContactData before = all.get(r.nextInt(all.size()));
            ContactData other = random.contact(before.id());
            return switch (r.nextInt(5)) {
                case 0 -> new Change.Edit(before, other, "contact replaced");
                case 1 -> new Change.Edit(before, other.tags().isEmpty() ? before
                        : before.toBuilder().addTag(other.tags().iterator().next()).build(), "tag added");
                case 2 -> new Change.Edit(before, before.tags().isEmpty() ? before
                        : before.toBuilder().removeTag(before.tags().iterator().next()).build(), "tag removed");
                case 3 -> new Change.Edit(before, before.toBuilder().state(other.state()).custom(other.custom())
                        .lastEmailOpenedAt(other.lastEmailOpenedAt()).build(), "field changed");
                default -> new Change.Event(new EmailEvent(before.id(),
                        EmailEventType.values()[r.nextInt(EmailEventType.values().length)], now,
                        r.nextBoolean() ? Optional.of(CAMPAIGNS.get(r.nextInt(CAMPAIGNS.size()))) : Optional.empty(),
                        Optional.empty()));
            };
        }

        Map<String, Set<String>> expected() {
            return reference.memberships(contacts.values(), events, now);
        }

        long difference(Map<String, Set<String>> before, Map<String, Set<String>> after) {
            long n = 0;
            for (String id : after.keySet()) {
                if (inexact.containsKey(id)) {
                    continue;
                }
                Set<String> a = before.getOrDefault(id, Set.of());
                Set<String> b = after.get(id);
                n += a.stream().filter(x -> !b.contains(x)).count() + b.stream().filter(x -> !a.contains(x)).count();
            }
            return n;
        }

        void check(SqlSubject subject, String when) {
            Map<String, Set<String>> expected = expected();
            SortedMap<String, Set<String>> actual = subject.memberships();
            SortedMap<String, Integer> counts = subject.counts();
            assertThat(actual.keySet()).as(when).isEqualTo(expected.keySet());
            assertThat(counts.keySet()).as(when).isEqualTo(expected.keySet());
            for (String id : expected.keySet()) {
                if (inexact.containsKey(id)) {
                    continue;
                }
                Set<String> missing = new TreeSet<>(expected.get(id));
                missing.removeAll(actual.get(id));
                Set<String> extra = new TreeSet<>(actual.get(id));
                extra.removeAll(expected.get(id));
                assertThat(missing).as(id + " " + when + ": members missing").isEmpty();
                assertThat(extra).as(id + " " + when + ": members too many").isEmpty();
                assertThat(counts.get(id)).as("count of " + id + " " + when).isEqualTo(expected.get(id).size());
            }
        }

        void checkContact(SqlSubject subject, String contactId, String when) {
            Set<String> expected = new TreeSet<>();
            for (String id : segmentIds) {
                if (!inexact.containsKey(id) && reference.isMember(id, contacts.get(contactId),
                        events.getOrDefault(contactId, List.of()), now)) {
                    expected.add(id);
                }
            }
            Set<String> actual = new HashSet<>(subject.segmentsOf(contactId));
            actual.removeAll(inexact.keySet());
            assertThat(new TreeSet<>(actual)).as(contactId + " " + when).isEqualTo(expected);
        }
    }
}
