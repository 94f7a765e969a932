package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule changes must leave every contact's matches reachable (Drools 10.2 loses some, see {@link MatchLists}): after a
 * series of updates, deleting each contact must end exactly the memberships it had.
 */
class RuleEditsKeepMatchesTest {

    static final Instant START = RandomContacts.BASE.minus(Duration.ofDays(3));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void afterUpdatesThatEachAddOneRuleADeletedContactLeavesEveryOneOfItsSegments(long seed) {
        List<SegmentDefinition> segments = new RandomSegments(new Random(seed * 31)).segments(12);
        List<ContactData> contacts = new RandomContacts(new Random(seed * 17)).contacts(60);
        List<String> constraints = List.of("state == \"tx\"", "firstName != null", "email != null", "dnd == false",
                "city != null", "state != \"ca\"");
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(START))) {
            contacts.forEach(engine::upsert);
            List<DrlFile> rules = new ArrayList<>();
            for (int i = 0; i < constraints.size(); i++) {
                rules.add(new DrlFile("rules/extra-" + i + ".drl", """
                        package segments.handwritten;
                        import dev.segments.engine.Contact;
                        import dev.segments.engine.SegmentMembership;
                        rule "extra %d" when $c : Contact( %s )
                        then insertLogical(new SegmentMembership("extra-%d", $c.getId())); end
                        """.formatted(i, constraints.get(i), i)));
                engine.updateRules(new RuleSources(segments, rules));
            }
            assertEveryMembershipEndsOnDelete(engine, contacts);
        }
    }

    /** Most of these seeds lose matches without {@link MatchLists}; each replaces nine segments in three updates. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void afterEditsADeletedContactLeavesEveryOneOfItsSegments(long seed) {
        editThreeTimesThenDeleteEveryone(seed, false);
    }

    /** A load gives every contact a list that survives rule changes before any edit (SegmentEngine#load). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void afterALoadAndEditsADeletedContactLeavesEveryOneOfItsSegments(long seed) {
        editThreeTimesThenDeleteEveryone(seed, true);
    }

    /** Three rounds of three segments replaced at random, then every contact deleted. */
    private static void editThreeTimesThenDeleteEveryone(long seed, boolean loaded) {
        Random random = new Random(seed);
        List<SegmentDefinition> segments = new ArrayList<>(new RandomSegments(new Random(seed * 31)).segments(12));
        List<ContactData> contacts = new RandomContacts(new Random(seed * 17)).contacts(60);
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(START))) {
            if (loaded) {
                engine.load(contacts, List.of());
                contacts.subList(0, contacts.size() / 3).forEach(contact -> engine.upsert(contact.toBuilder()
                        .dnd(!Boolean.TRUE.equals(contact.dnd())).build()));
            } else {
                contacts.forEach(engine::upsert);
            }
            for (int edit = 0; edit < 3; edit++) {
                List<SegmentDefinition> fresh = new RandomSegments(new Random(seed * 1000 + edit)).segments(12);
                for (int k = 0; k < 3; k++) {
                    int i = random.nextInt(segments.size());
                    SegmentDefinition replacement = fresh.get(i);
                    segments.set(i, replacement);
                }
                engine.updateRules(RuleSources.of(segments));
            }
            assertEveryMembershipEndsOnDelete(engine, contacts);
        }
    }

    private static void assertEveryMembershipEndsOnDelete(SegmentEngine engine, List<ContactData> contacts) {
        for (ContactData contact : contacts) {
            SortedSet<String> before = engine.segmentsOf(contact.id());
            SortedSet<String> exited = new TreeSet<>();
            engine.delete(contact.id()).forEach(change -> exited.add(change.segmentId()));
            assertThat(exited).as(contact.id()).isEqualTo(before);
        }
        assertThat(engine.counts().values()).allMatch(count -> count == 0);
    }
}
