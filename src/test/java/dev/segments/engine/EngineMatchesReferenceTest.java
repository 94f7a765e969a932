package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.io.ContactJson;
import dev.segments.contact.io.EmailEventJson;
import dev.segments.definition.Condition;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import dev.segments.engine.MembershipChange.Kind;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import dev.segments.reference.ReferenceEvaluator;
import dev.segments.reference.ReferenceJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine against {@link ReferenceEvaluator}, SPEC 4 evaluated directly: random segments, random contacts, and a
 * random sequence of upserts, deletes, email events (now and in the past), clock moves (milliseconds to days, often
 * exactly onto a boundary such as an event's {@code at} plus a window) and segment edits. After every operation every
 * segment's members must be the reference's at the engine clock, and the listener's change stream must replay to the
 * same memberships: no entry of a member, no exit of a non-member, no change without net effect, each stamped inside
 * the operation's time span. Every step of a clock move is checked on its own: it is stamped at an instant where the
 * reference's answer flips, and the memberships after it are the reference's at that instant.
 *
 * <p>A failure names the seed and the operation; rerun that one seed to reproduce it.
 */
class EngineMatchesReferenceTest {

    static final int SEGMENTS = 40;
    static final int CONTACTS = 70;
    static final int OPERATIONS = 220;
    static final int FULL_CHECK_EVERY = 10;
    static final Instant START = RandomContacts.BASE.minus(Duration.ofDays(8));
    static final List<Duration> LENGTHS = List.of(Duration.ofHours(1), Duration.ofHours(12), Duration.ofDays(1),
            Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(10), Duration.ofDays(30));
    static final List<String> CAMPAIGNS = List.of("nov-promo", "welcome", "Nov-Promo");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Both ways of keeping memberships: facts only where rules observe them (the default), and facts for all; and both
     * ways a change reaches the rules, the targeted walk (the default) and Drools' own.
     */
    @ParameterizedTest(name = "seed {0} in {1}, {2} membership facts, {3} walk")
    @CsvSource({
        "1, UTC, OBSERVED, TARGETED", "2, UTC, OBSERVED, TARGETED", "3, America/Chicago, OBSERVED, TARGETED",
        "4, UTC, OBSERVED, TARGETED", "5, Asia/Kolkata, OBSERVED, TARGETED", "6, UTC, OBSERVED, TARGETED",
        "7, America/Chicago, OBSERVED, TARGETED", "8, UTC, OBSERVED, TARGETED",
        "1, UTC, ALL, TARGETED", "2, UTC, ALL, TARGETED", "3, America/Chicago, ALL, TARGETED", "4, UTC, ALL, TARGETED",
        "5, Asia/Kolkata, ALL, TARGETED", "6, UTC, ALL, TARGETED", "7, America/Chicago, ALL, TARGETED",
        "8, UTC, ALL, TARGETED",
        "1, UTC, OBSERVED, DROOLS", "3, America/Chicago, ALL, DROOLS", "5, Asia/Kolkata, OBSERVED, DROOLS"})
    void theEngineAgreesWithTheReferenceAfterEveryOperation(long seed, String zone, MembershipFacts facts,
            ContactWalk walk) {
        try (Run run = new Run(seed, ZoneId.of(zone), facts, walk)) {
            run.play();
        }
    }

    /** One seeded run: the engine, the harness's own copy of the contacts and events, and the listener's view. */
    static final class Run implements AutoCloseable {
        final long seed;
        final ZoneId zone;
        final Random random;
        final RandomContacts randomContacts;
        final RandomSegments editedSegments;
        List<SegmentDefinition> segments;
        final Map<String, SegmentDefinition> segmentsById = new LinkedHashMap<>();
        ReferenceEvaluator reference;
        final SegmentEngine engine;
        final Map<String, ContactData> contacts = new TreeMap<>();
        final Map<String, List<EmailEvent>> events = new HashMap<>();
        final Map<String, Set<String>> heardMembers = new TreeMap<>();
        final List<List<MembershipChange>> heard = new ArrayList<>();
        final Deque<String> log = new ArrayDeque<>();
        Instant now = START;
        int operation;
        int nextNewId;

        Run(long seed, ZoneId zone, MembershipFacts facts, ContactWalk walk) {
            this.seed = seed;
            this.zone = zone;
            this.random = new Random(seed);
            this.randomContacts = new RandomContacts(new Random(seed * 31 + 7));
            this.segments = new RandomSegments(new Random(seed * 17 + 3)).segments(SEGMENTS);
            this.editedSegments = new RandomSegments(new Random(seed * 13 + 5));
            segments.forEach(s -> segmentsById.put(s.id(), s));
            this.reference = new ReferenceEvaluator(segments, zone);
            this.engine = SegmentEngine.start(RuleSources.of(segments), new EngineOptions(zone, START)
                    .withMembershipFacts(facts).withContactWalk(walk));
            segments.forEach(s -> heardMembers.put(s.id(), new TreeSet<>()));
            engine.addListener(changes -> heard.add(List.copyOf(changes)));
        }

        void play() {
            assertThat(engine.segmentIds()).as(where()).containsAll(segmentsById.keySet());
            for (ContactData c : randomContacts.contacts(CONTACTS)) {
                if (random.nextInt(10) < 6) {
                    upsert(c);
                }
            }
            for (EmailEvent e : randomContacts.events(List.copyOf(contacts.values()), 60)) {
                if (!e.at().isAfter(now)) {
                    record(e);
                }
            }
            for (operation = 1; operation <= OPERATIONS; operation++) {
                int roll = random.nextInt(100);
                if (roll < 22 && !contacts.isEmpty()) {
                    String id = pick(List.copyOf(contacts.keySet()));
                    upsert(changed(contacts.get(id)));
                } else if (roll < 30) {
                    upsert(randomContacts.contact(newId()));
                } else if (roll < 35 && !contacts.isEmpty()) {
                    delete(pick(List.copyOf(contacts.keySet())));
                } else if (roll < 60 && !contacts.isEmpty()) {
                    record(event(pick(List.copyOf(contacts.keySet()))));
                } else if (roll < 64) {
                    editSegments();
                } else {
                    advanceTo(nextInstant());
                }
            }
            assertContactsAreTheHarnesss(contacts.keySet());
        }

        // ---- operations ----

        void upsert(ContactData contact) {
            note("upsert " + ContactJson.toJsonString(contact));
            if (!contacts.containsKey(contact.id())) {
                events.remove(contact.id());
            }
            contacts.put(contact.id(), contact);
            List<MembershipChange> changes = engine.upsert(contact);
            checkStep(changes, now, now, Set.of(contact.id()));
        }

        void delete(String id) {
            note("delete " + id);
            contacts.remove(id);
            events.remove(id);
            List<MembershipChange> changes = engine.delete(id);
            checkStep(changes, now, now, Set.of(id));
        }

        void record(EmailEvent event) {
            note("record " + EmailEventJson.toJsonString(event));
            contacts.put(event.contactId(), ReferenceEvaluator.applyEvent(contacts.get(event.contactId()), event));
            events.computeIfAbsent(event.contactId(), id -> new ArrayList<>()).add(event);
            List<MembershipChange> changes = engine.record(event);
            checkStep(changes, now, now, Set.of(event.contactId()));
        }

        /**
         * A rule author's edit: one to three segments get new random conditions under the same ids (a {@code memberOf}
         * still names only segments before it), which may add or remove time windows and memberOf chains.
         */
        void editSegments() {
            List<SegmentDefinition> next = new ArrayList<>(segments);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int index = random.nextInt(next.size());
                SegmentDefinition old = next.get(index);
                next.set(index, new SegmentDefinition(old.id(), old.name(), old.description(),
                        editedSegments.condition(index, 0), old.at()));
            }
            note("edit " + next.stream().filter(segment -> !segments.contains(segment)).map(SegmentDefinition::id)
                    .toList());
            segments = next;
            next.forEach(segment -> segmentsById.put(segment.id(), segment));
            reference = new ReferenceEvaluator(next, zone);
            List<MembershipChange> changes = engine.updateRules(RuleSources.of(next));
            checkStep(changes, now, now, contacts.keySet());
        }

        void advanceTo(Instant target) {
            note("advanceTo " + target + " (+" + Duration.between(now, target) + ")");
            Instant from = now;
            now = target;
            List<MembershipChange> changes = engine.advanceTo(target);
            checkStep(changes, from, target, Set.of());
        }

        // ---- checks ----

        /**
         * Everything one operation must satisfy: the returned changes are what the listener heard; each step's
         * changes are stamped inside the operation's span and replay consistently; a clock step flips the
         * reference's answer at its instant and leaves the reference's memberships there; at the end the engine's
         * members are the listener's and the reference's.
         */
        void checkStep(List<MembershipChange> returned, Instant from, Instant to, Set<String> touched) {
            List<MembershipChange> all = new ArrayList<>();
            heard.forEach(all::addAll);
            assertThat(returned).as(where() + ": the returned changes are the ones the listeners heard")
                    .isEqualTo(all);
            assertThat(engine.now()).as(where() + ": engine clock").isEqualTo(to);
            boolean clockMove = !from.equals(to) || touched.isEmpty();
            Instant previousStep = from;
            for (List<MembershipChange> step : heard) {
                assertThat(step).as(where() + ": a step with no changes is not reported").isNotEmpty();
                Instant at = step.get(0).at();
                Set<String> seen = new HashSet<>();
                for (MembershipChange change : step) {
                    String what = where() + ": " + change;
                    assertThat(change.at()).as(what + " has its step's instant").isEqualTo(at);
                    assertThat(seen.add(change.segmentId() + "/" + change.contactId()))
                            .as(what + " is the only change of its pair in its step (net changes only)").isTrue();
                    Set<String> members = heardMembers.get(change.segmentId());
                    assertThat(members).as(what + " is for a known segment").isNotNull();
                    if (change.kind() == Kind.ENTERED) {
                        assertThat(members.add(change.contactId())).as(what + " enters a non-member").isTrue();
                    } else {
                        assertThat(members.remove(change.contactId())).as(what + " exits a member").isTrue();
                    }
                }
                if (clockMove) {
                    assertThat(at).as(where() + ": a clock step is inside (" + from + ", " + to + "] and after the "
                            + "previous one").isAfter(previousStep).isBeforeOrEqualTo(to);
                    previousStep = at;
                    for (MembershipChange change : step) {
                        checkFlip(change);
                    }
                    checkMemberships(at, heardMembers, contacts.keySet(),
                            "the listener's members after the step at " + at);
                } else {
                    assertThat(at).as(where() + ": a write's changes are stamped with the clock").isEqualTo(now);
                    assertThat(step).as(where() + ": a write changes only its contact")
                            .allSatisfy(c -> assertThat(touched).contains(c.contactId()));
                }
            }
            heard.clear();
            Map<String, Set<String>> engineMembers = new TreeMap<>();
            for (String id : segmentsById.keySet()) {
                engineMembers.put(id, engine.members(id));
            }
            assertThat(engineMembers).as(where() + ": engine members equal the listener's").isEqualTo(heardMembers);
            // A write at a fixed instant can change only its own contact (checked above); all contacts are
            // compared after every clock move and every few writes.
            Set<String> compared = touched.isEmpty() || operation % FULL_CHECK_EVERY == 0 ? contacts.keySet()
                    : touched;
            checkMemberships(now, engineMembers, compared, "the engine's members");
            assertContactsAreTheHarnesss(touched);
            assertThat(engine.counts()).as(where() + ": counts")
                    .containsAllEntriesOf(sizes(engineMembers));
        }

        /** A clock step at {@code at}: the reference's answer for that pair is different one millisecond before. */
        void checkFlip(MembershipChange change) {
            ContactData c = contacts.get(change.contactId());
            assertThat(c).as(where() + ": " + change + " is for an existing contact").isNotNull();
            List<EmailEvent> es = events.getOrDefault(c.id(), List.of());
            boolean before = reference.isMember(change.segmentId(), c, es, change.at().minusMillis(1));
            boolean after = reference.isMember(change.segmentId(), c, es, change.at());
            if (before == after || after != (change.kind() == Kind.ENTERED)) {
                fail(where() + ": " + change + " but the reference says member=" + before + " at at-1ms and member="
                        + after + " at at\n" + explain(change.segmentId(), change.contactId(), change.at()));
            }
        }

        /** The memberships of the contacts {@code ids} in {@code members} are the reference's at {@code at}. */
        void checkMemberships(Instant at, Map<String, Set<String>> members, Set<String> ids, String whose) {
            List<ContactData> compared = ids.stream().map(contacts::get).filter(Objects::nonNull).toList();
            Map<String, Set<String>> expected = reference.memberships(compared, events, at);
            Map<String, Set<String>> actual = new TreeMap<>();
            members.forEach((segment, set) -> {
                Set<String> kept = new TreeSet<>(set);
                kept.retainAll(ids);
                actual.put(segment, kept);
            });
            if (expected.equals(actual)) {
                return;
            }
            StringBuilder message = new StringBuilder(where() + ": " + whose + " differ from the reference at " + at);
            int shown = 0;
            for (String segment : expected.keySet()) {
                Set<String> missing = new TreeSet<>(expected.get(segment));
                missing.removeAll(actual.getOrDefault(segment, Set.of()));
                Set<String> extra = new TreeSet<>(actual.getOrDefault(segment, Set.of()));
                extra.removeAll(expected.get(segment));
                for (String id : missing) {
                    if (shown++ < 3) {
                        message.append("\n- ").append(id).append(" should be in ").append(segment).append('\n')
                                .append(explain(segment, id, at));
                    }
                }
                for (String id : extra) {
                    if (shown++ < 3) {
                        message.append("\n- ").append(id).append(" should not be in ").append(segment).append('\n')
                                .append(explain(segment, id, at));
                    }
                }
            }
            message.append("\n(").append(shown).append(" differences)");
            fail(message.toString());
        }

        void assertContactsAreTheHarnesss(Set<String> ids) {
            for (String id : ids) {
                assertThat(engine.contact(id)).as(where() + ": the engine's copy of " + id)
                        .isEqualTo(Optional.ofNullable(contacts.get(id)));
                SortedSet<String> expected = new TreeSet<>();
                heardMembers.forEach((segment, members) -> {
                    if (members.contains(id)) {
                        expected.add(segment);
                    }
                });
                assertThat(engine.segmentsOf(id)).as(where() + ": segmentsOf(" + id + ")").isEqualTo(expected);
            }
        }

        static Map<String, Integer> sizes(Map<String, Set<String>> members) {
            Map<String, Integer> sizes = new TreeMap<>();
            members.forEach((id, set) -> sizes.put(id, set.size()));
            return sizes;
        }

        // ---- random inputs ----

        /** The contact replaced whole, with some of its fields taken from a fresh random contact. */
        ContactData changed(ContactData current) {
            ContactData fresh = randomContacts.contact(current.id());
            if (random.nextInt(6) == 0) {
                return fresh;
            }
            ContactData.Builder b = current.toBuilder();
            List<BiConsumer<ContactData.Builder, ContactData>> fields = List.of(
                    (x, f) -> x.email(f.email()), (x, f) -> x.firstName(f.firstName()),
                    (x, f) -> x.lastName(f.lastName()), (x, f) -> x.phone(f.phone()),
                    (x, f) -> x.companyName(f.companyName()), (x, f) -> x.city(f.city()), (x, f) -> x.state(f.state()),
                    (x, f) -> x.country(f.country()), (x, f) -> x.postalCode(f.postalCode()),
                    (x, f) -> x.timezone(f.timezone()), (x, f) -> x.source(f.source()),
                    (x, f) -> x.createdAt(f.createdAt()), (x, f) -> x.dateOfBirth(f.dateOfBirth()),
                    (x, f) -> x.tags(f.tags()), (x, f) -> x.dnd(f.dnd()), (x, f) -> x.emailStatus(f.emailStatus()),
                    (x, f) -> x.lastEmailSentAt(f.lastEmailSentAt()),
                    (x, f) -> x.lastEmailOpenedAt(f.lastEmailOpenedAt()),
                    (x, f) -> x.lastEmailClickedAt(f.lastEmailClickedAt()),
                    (x, f) -> x.lastEmailOpenedAt(f.lastEmailOpenedAt() == null ? null : at(now)),
                    (x, f) -> x.custom(f.custom()),
                    (x, f) -> f.custom().forEach(x::custom));
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                pick(fields).accept(b, fresh);
            }
            if (random.nextInt(5) == 0) {
                Set<String> tags = new LinkedHashSet<>(current.tags());
                tags.add(pick(List.of("vip", " VIP", "Active Client", "new ", "lead", "  ")));
                b.tags(tags);
            }
            return b.build();
        }

        String newId() {
            List<String> absent = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                if (!contacts.containsKey("c-" + i)) {
                    absent.add("c-" + i);
                }
            }
            return absent.isEmpty() || random.nextInt(4) == 0 ? "n-" + nextNewId++ : pick(absent);
        }

        /** An event now, or in the past (a millisecond to twelve days back), sometimes on a whole hour. */
        EmailEvent event(String contactId) {
            EmailEventType type = pick(List.of(EmailEventType.SENT, EmailEventType.DELIVERED, EmailEventType.OPENED,
                    EmailEventType.OPENED, EmailEventType.CLICKED, EmailEventType.CLICKED, EmailEventType.BOUNCED,
                    EmailEventType.UNSUBSCRIBED));
            Instant at = now;
            switch (random.nextInt(6)) {
                case 0 -> at = now.minusMillis(1 + random.nextInt(1000));
                case 1 -> at = now.minus(Duration.ofHours(1 + random.nextInt(24 * 12)));
                case 2 -> at = now.minusMillis(1 + (long) random.nextInt(1000 * 3600 * 24) * 12);
                default -> {
                }
            }
            Optional<String> campaign = random.nextInt(10) < 6 ? Optional.of(pick(CAMPAIGNS)) : Optional.empty();
            return new EmailEvent(contactId, type, at, campaign, Optional.empty());
        }

        /** Where the clock goes next: a random distance, or exactly onto (or just before) a boundary. */
        Instant nextInstant() {
            int roll = random.nextInt(100);
            if (roll < 18) {
                return now.plusMillis(1 + random.nextInt(1000));
            } else if (roll < 36) {
                return now.plusMillis(1000 + random.nextInt(3_600_000));
            } else if (roll < 54) {
                return now.plusMillis(3_600_000 + (long) random.nextInt(23 * 3_600_000));
            } else if (roll < 59) {
                return now.plus(Duration.ofDays(1 + random.nextInt(3))).plusMillis(random.nextInt(86_400_000));
            } else if (roll < 62) {
                return now;
            } else if (roll < 72) {
                Optional<Instant> next = engine.nextTimeChange();
                if (next.isPresent()) {
                    Instant t = random.nextInt(3) == 0 ? next.get().minusMillis(1) : next.get();
                    return t.isBefore(now) ? now : t;
                }
                return now.plus(Duration.ofHours(1));
            }
            List<Instant> boundaries = boundaries();
            if (boundaries.isEmpty()) {
                return now.plus(Duration.ofHours(1));
            }
            Instant t = random.nextBoolean() ? boundaries.get(0)
                    : boundaries.get(random.nextInt(Math.min(boundaries.size(), 40)));
            if (random.nextInt(4) == 0) {
                t = t.minusMillis(1);
            }
            return t.isBefore(now) ? now : t;
        }

        /** Instants after now at which some relative-time condition may change: t, t + D, t - D, event + D. */
        List<Instant> boundaries() {
            TreeSet<Instant> found = new TreeSet<>();
            for (ContactData c : contacts.values()) {
                List<Instant> times = new ArrayList<>();
                for (TimePoint p : Arrays.asList(c.createdAt(), c.dateOfBirth(), c.lastEmailSentAt(),
                        c.lastEmailOpenedAt(), c.lastEmailClickedAt())) {
                    if (p != null) {
                        times.add(p.resolve(zone));
                    }
                }
                for (CustomValue v : c.custom().values()) {
                    if (v instanceof CustomValue.Text text) {
                        parseTime(text.value().strip()).ifPresent(times::add);
                    }
                }
                for (Instant t : times) {
                    found.add(t);
                    for (Duration d : LENGTHS) {
                        found.add(t.plus(d));
                        found.add(t.minus(d));
                    }
                }
                for (EmailEvent e : events.getOrDefault(c.id(), List.of())) {
                    for (Duration d : LENGTHS) {
                        found.add(e.at().plus(d));
                    }
                }
            }
            return List.copyOf(found.tailSet(now, false));
        }

        Optional<Instant> parseTime(String s) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return Optional.of(LocalDate.parse(s).atStartOfDay(zone).toInstant());
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }

        static TimePoint at(Instant instant) {
            return new TimePoint.AtInstant(instant);
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        // ---- failure messages ----

        void note(String line) {
            log.addLast("#" + operation + " at " + now + ": " + line);
            if (log.size() > 8) {
                log.removeFirst();
            }
        }

        String where() {
            return "seed " + seed + " (" + zone + "), operation " + operation + " [" + log.peekLast() + "]";
        }

        /** The segment (and those it refers to), the contact and its events, and the last operations. */
        String explain(String segmentId, String contactId, Instant at) {
            StringBuilder s = new StringBuilder();
            Set<String> shown = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(segmentId));
            while (!todo.isEmpty()) {
                String id = todo.removeFirst();
                if (shown.add(id)) {
                    SegmentDefinition segment = segmentsById.get(id);
                    s.append("  segment ").append(JSON.writeValueAsString(ReferenceJson.toJson(segment))).append('\n');
                    memberOfs(segment.match(), todo);
                }
            }
            ContactData c = contacts.get(contactId);
            s.append("  contact ").append(c == null ? "(deleted)" : ContactJson.toJsonString(c)).append('\n');
            for (EmailEvent e : events.getOrDefault(contactId, List.of())) {
                s.append("  event ").append(EmailEventJson.toJsonString(e)).append('\n');
            }
            s.append("  at ").append(at).append(", engine now ").append(engine.now()).append('\n');
            s.append("  last operations:\n");
            log.forEach(line -> s.append("    ").append(line).append('\n'));
            return s.toString();
        }

        static void memberOfs(Condition c, Deque<String> into) {
            if (c instanceof Condition.MemberOf m) {
                into.add(m.segmentId());
            } else if (c instanceof Condition.All all) {
                all.children().forEach(child -> memberOfs(child, into));
            } else if (c instanceof Condition.Any any) {
                any.children().forEach(child -> memberOfs(child, into));
            } else if (c instanceof Condition.Not not) {
                memberOfs(not.child(), into);
            }
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
