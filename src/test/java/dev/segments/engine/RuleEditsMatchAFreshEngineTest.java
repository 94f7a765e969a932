package dev.segments.engine;

import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segments replaced in place keep rules of the same names, which Drools removes silently while it merges the changed
 * package, before it announces any rule change: a running engine's memberships must still follow its contacts
 * afterwards, as an engine started afresh with the edited rules and the same contacts.
 */
class RuleEditsMatchAFreshEngineTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void membershipsFollowContactsAfterEdits(long seed) {
        Random random = new Random(seed);
        List<SegmentDefinition> segments = RandomSegmentEdits.segments(random, 24);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "c-" + i).toList();
        Map<String, ContactData> written = new HashMap<>();
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(T0))) {
            for (int step = 0; step < 600; step++) {
                if (step % 150 == 149) {
                    segments = RandomSegmentEdits.edited(random, segments);
                    engine.updateRules(RuleSources.of(segments));
                } else {
                    ContactData contact = RandomSegmentEdits.contact(random, ids.get(random.nextInt(ids.size())));
                    written.put(contact.id(), contact);
                    engine.upsert(contact);
                }
                if (step % 25 == 24 || step % 150 == 149) {
                    assertSameMembershipsAsAFreshEngine(engine, RuleSources.of(segments), written, step);
                }
            }
        }
    }

    /**
     * The same with hand-written segments next to the generated ones, edited too (a change of a hand-written file
     * starts the session afresh, {@link CompiledRules#changeStartsAfresh}): of the shapes generated rules use, and with
     * {@code exists}; in one engine and in two partitions (each changes its session its own way; they share the rules).
     */
    @ParameterizedTest(name = "{0}, seed {1}, {2} partition(s)")
    @CsvSource({"PATTERNS_AND_NOT, 1, 1", "PATTERNS_AND_NOT, 2, 1", "PATTERNS_AND_NOT, 3, 1", "PATTERNS_AND_NOT, 4, 1",
            "WITH_EXISTS, 1, 1", "WITH_EXISTS, 2, 1", "PATTERNS_AND_NOT, 7, 2", "WITH_EXISTS, 4, 2"})
    void membershipsFollowContactsAfterEditsOfHandWrittenRules(RandomHandWrittenRules.Shapes shapes, long seed,
            int partitions) {
        playRandomEdits(shapes, seed, partitions, true);
    }

    /** Segment edits alone, made in place, next to hand-written rules that share their inputs and stay as they are. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void membershipsFollowContactsAfterSegmentEditsNextToHandWrittenRules(long seed) {
        playRandomEdits(RandomHandWrittenRules.Shapes.WITH_EXISTS, seed, 1, false);
    }

    private static void playRandomEdits(RandomHandWrittenRules.Shapes shapes, long seed, int partitions,
            boolean editHandWritten) {
        Random random = new Random(seed);
        List<SegmentDefinition> segments = RandomSegmentEdits.segments(random, 12);
        TreeMap<String, String> handWritten = RandomHandWrittenRules.rules(random, 8, shapes);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "c-" + i).toList();
        Map<String, ContactData> written = new HashMap<>();
        try (Segments engine = PartitionedSegments.start(sources(segments, handWritten),
                EngineOptions.startingAt(T0), partitions)) {
            for (int step = 0; step < 500; step++) {
                if (step % 100 == 99) {
                    if (!editHandWritten || random.nextBoolean()) {
                        segments = RandomSegmentEdits.edited(random, segments);
                    }
                    if (editHandWritten) {
                        handWritten = RandomHandWrittenRules.edited(random, handWritten, shapes);
                    }
                    engine.updateRules(sources(segments, handWritten));
                } else {
                    ContactData contact = RandomSegmentEdits.contact(random, ids.get(random.nextInt(ids.size())));
                    written.put(contact.id(), contact);
                    engine.upsert(contact);
                }
                if (step % 25 == 24 || step % 100 == 99) {
                    assertSameMembershipsAsAFreshEngine(engine, sources(segments, handWritten), written, step);
                }
            }
        }
    }

    /** Every contact written is in the segments an engine started afresh on {@code rules} puts it in. */
    private static void assertSameMembershipsAsAFreshEngine(Segments engine, RuleSources rules,
            Map<String, ContactData> written, int step) {
        try (SegmentEngine fresh = SegmentEngine.start(rules, EngineOptions.startingAt(T0))) {
            written.values().forEach(fresh::upsert);
            for (String id : written.keySet()) {
                assertThat(engine.segmentsOf(id)).as("step %d: %s", step, id).isEqualTo(fresh.segmentsOf(id));
            }
        }
    }

    private static RuleSources sources(List<SegmentDefinition> segments, TreeMap<String, String> handWritten) {
        return new RuleSources(segments, RandomHandWrittenRules.files(handWritten));
    }

    /**
     * The same for two hand-written rules of one pattern with the same constraints, on the VIPs' membership facts or on
     * the contacts, the first replaced: changed in place, Drools lost the edited rule's matches (an
     * {@code AlphaTerminalNode}'s peers) or failed to remove it (the memberships it justified retracted while it walked
     * them); the change now starts the session afresh. The VIPs then leave and come back.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SegmentMembership( segmentId == \"vip\" )", "Contact( tags contains \"vip\" )"})
    void handWrittenSingleConditionRulesFollowTheirFactsAfterAnEdit(String pattern) {
        List<SegmentDefinition> vip = List.of(segment("vip", tags(Operator.CONTAINS, "vip")));
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> "c-" + i).toList();
        RuleSources edited = new RuleSources(vip, List.of(seenRules(pattern, "edited")));
        try (SegmentEngine engine = SegmentEngine.start(new RuleSources(vip, List.of(seenRules(pattern, "first"))),
                EngineOptions.startingAt(T0))) {
            ids.forEach(id -> engine.upsert(ContactData.builder(id).addTag("vip").build()));
            assertThat(engine.updateRules(edited)).isEmpty();
            assertThat(engine.members("seen-first")).containsExactlyElementsOf(engine.members("vip"));

            ids.forEach(id -> engine.upsert(ContactData.builder(id).build()));
            for (String id : ids) {
                assertThat(engine.segmentsOf(id)).as(id).isEmpty();
            }
            ids.forEach(id -> engine.upsert(ContactData.builder(id).addTag("vip").build()));
            try (SegmentEngine fresh = SegmentEngine.start(edited, EngineOptions.startingAt(T0))) {
                ids.forEach(id -> fresh.upsert(ContactData.builder(id).addTag("vip").build()));
                for (String id : ids) {
                    assertThat(engine.segmentsOf(id)).as(id).isEqualTo(fresh.segmentsOf(id))
                            .containsExactly("seen-first", "seen-second", "vip");
                }
            }
        }
    }

    /**
     * Segment edits next to hand-written rules that read facts through {@code accumulate} and {@code collect}: Drools
     * changes only the generated package, so those rules keep their matches in place (their consequences, counted,
     * do not run again, as they would in a session started afresh) and still follow the contacts.
     */
    @ParameterizedTest(name = "{0} contacts")
    @ValueSource(ints = {3, 40})
    void segmentEditsLeaveHandWrittenAccumulateAndCollectRulesInPlace(int contactCount) {
        DrlFile crowds = new DrlFile("rules/crowds.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;

                rule "crowded-state" when
                    $c : Contact( $s : state, state != null )
                    Number( intValue >= 2 ) from accumulate( Contact( state == $s ), count( 1 ) )
                then dev.segments.engine.RuleCalls.COUNT.incrementAndGet();
                    insertLogical(new SegmentMembership("crowded-state", $c.getId()));
                end

                rule "among-vips" when
                    $c : Contact( )
                    java.util.List( size >= 2 ) from collect( SegmentMembership( segmentId == "vip" ) )
                then dev.segments.engine.RuleCalls.COUNT.incrementAndGet();
                    insertLogical(new SegmentMembership("among-vips", $c.getId()));
                end
                """);
        SegmentDefinition vip = segment("vip", tags(Operator.CONTAINS, "vip"));
        List<String> states = List.of("TX", "CA", "NY");
        List<ContactData> contacts = IntStream.range(0, contactCount).mapToObj(i -> {
            ContactData.Builder contact = ContactData.builder("c-" + i).state(states.get(i % states.size()));
            return (i % 2 == 0 ? contact.addTag("vip") : contact).build();
        }).toList();
        Map<String, ContactData> written = new HashMap<>();
        contacts.forEach(contact -> written.put(contact.id(), contact));
        List<List<SegmentDefinition>> versions = List.of(
                List.of(vip, segment("texans", Definitions.text("state", Operator.EQUALS, "TX"))),
                List.of(vip, segment("texans", Definitions.text("state", Operator.EQUALS, "CA"))),
                List.of(vip, segment("partners", tags(Operator.CONTAINS, "partner"))));
        try (SegmentEngine engine = SegmentEngine.start(new RuleSources(versions.get(0), List.of(crowds)),
                EngineOptions.startingAt(T0))) {
            contacts.forEach(engine::upsert);
            int step = 0;
            for (List<SegmentDefinition> version : versions.subList(1, versions.size())) {
                RuleSources sources = new RuleSources(version, List.of(crowds));
                int callsBefore = RuleCalls.COUNT.get();
                engine.updateRules(sources);
                assertThat(RuleCalls.COUNT.get()).as("hand-written consequences run again").isEqualTo(callsBefore);
                assertSameMembershipsAsAFreshEngine(engine, sources, written, step++);

                ContactData moved = ContactData.builder("c-0").state("NY").build(); // leaves the VIPs too
                written.put(moved.id(), moved);
                engine.upsert(moved);
                assertSameMembershipsAsAFreshEngine(engine, sources, written, step++);
            }
            assertThat(engine.members("crowded-state")).isNotEmpty();
        }
    }

    /** "seen-first" and "seen-second": the same single condition, each deriving a segment of its own. */
    private static DrlFile seenRules(String pattern, String version) {
        String id = pattern.startsWith("Contact") ? "$f.getId()" : "$f.getContactId()";
        return new DrlFile("rules/seen.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;

                rule "seen-first" when
                    $f : %1$s
                then insertLogical(new SegmentMembership("seen-first", %2$s)); // %3$s
                end

                rule "seen-second" when
                    $f : %1$s
                then insertLogical(new SegmentMembership("seen-second", %2$s));
                end
                """.formatted(pattern, id, version));
    }
}
