package dev.segments.engine;

import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static dev.segments.engine.Definitions.textList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.workflow.WorkflowRunner;
import dev.segments.workflow.WorkflowSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.drools.core.common.InternalFactHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The targeted walk ({@link TargetedUpdates}) against Drools' own ({@link ContactWalk#DROOLS}): the same memberships
 * and the same changes after every step, with hand-written rules that read contacts through their own inputs (handled
 * as Drools' walk would) and as a join's right input (whose changes get Drools' walk), and with rule edits between the
 * steps, after which both must also hold what an engine started afresh with the edited rules holds.
 */
class TargetedUpdatesTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    /** A hand-written segment joining on a contact's own input, and one reading contacts as a join's right input. */
    static final DrlFile HAND_WRITTEN = new DrlFile("rules/hand-written.drl", """
            package segments.handwritten;
            import dev.segments.engine.Contact;
            import dev.segments.engine.SegmentMembership;

            rule "austin-vips" when
                $c : Contact( city == "austin" )
                SegmentMembership( segmentId == "vip", contactId == $c.id )
            then insertLogical(new SegmentMembership("austin-vips", $c.getId())); end

            rule "texan-partners" when
                SegmentMembership( segmentId == "partner", $id : contactId )
                $c : Contact( id == $id, state == "tx" )
            then insertLogical(new SegmentMembership("texan-partners", $c.getId())); end
            """);

    final List<SegmentEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(SegmentEngine::close);
    }

    private SegmentEngine start(RuleSources sources, ContactWalk walk) {
        SegmentEngine engine = SegmentEngine.start(sources, EngineOptions.startingAt(T0).withContactWalk(walk));
        engines.add(engine);
        return engine;
    }

    /**
     * A match added by the targeted walk goes at the end of the fact's list, out of network order when its input
     * comes before another the fact holds. Drools' walk then reads the list (a change of the state, which a join's
     * right input reads): it must find the list in order, or it drops the match it does not meet where it expects it.
     * Each order of the two segments' rules puts one of the two matches out of order.
     */
    @ParameterizedTest(name = "tags rule first: {0}")
    @ValueSource(booleans = {true, false})
    void droolsWalkAfterAMatchAddedOutOfOrderKeepsEveryMatch(boolean tagsRuleFirst) {
        SegmentDefinition tagged = segment("tagged", tags(Operator.CONTAINS, "x"));
        SegmentDefinition texans = segment("texans", textList("state", Operator.IN, "TX", "NY"));
        RuleSources sources = new RuleSources(tagsRuleFirst ? List.of(tagged, texans) : List.of(texans, tagged),
                List.of(HAND_WRITTEN));
        SegmentEngine engine = start(sources, ContactWalk.TARGETED);
        ContactData texan = ContactData.builder("c-1").state("TX").build();
        ContactData tagger = ContactData.builder("c-1").addTag("x").build();

        engine.upsert(tagsRuleFirst ? texan : tagger);
        engine.upsert(texan.toBuilder().addTag("x").build());
        assertThat(engine.segmentsOf("c-1")).containsExactly("tagged", "texans");

        assertThat(engine.upsert(texan.toBuilder().state("NY").addTag("x").build())).isEmpty();
        assertThat(engine.segmentsOf("c-1")).containsExactly("tagged", "texans");
        assertThat(engine.upsert(texan.toBuilder().state("CA").addTag("x").build()))
                .containsExactly(new MembershipChange(T0, MembershipChange.Kind.EXITED, "texans", "c-1"));
        assertThat(engine.segmentsOf("c-1")).containsExactly("tagged");
    }

    /** Random changes of contacts and rule edits: both walks report the same changes and keep the same members. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void theTargetedWalkAgreesWithDroolsAfterEveryStep(long seed) {
        Random random = new Random(seed);
        List<SegmentDefinition> segments = RandomSegmentEdits.segments(random, 24);
        RuleSources sources = new RuleSources(segments, List.of(HAND_WRITTEN));
        SegmentEngine targeted = start(sources, ContactWalk.TARGETED);
        SegmentEngine drools = start(sources, ContactWalk.DROOLS);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "c-" + i).toList();

        Map<String, ContactData> written = new HashMap<>();
        for (int step = 0; step < 600; step++) {
            String what;
            if (step % 150 == 149) {
                segments = RandomSegmentEdits.edited(random, segments);
                RuleSources edited = new RuleSources(segments, List.of(HAND_WRITTEN));
                what = "rule edit";
                assertThat(Set.copyOf(targeted.updateRules(edited))).as("step %d, %s", step, what)
                        .isEqualTo(Set.copyOf(drools.updateRules(edited)));
                try (SegmentEngine fresh = SegmentEngine.start(edited, EngineOptions.startingAt(T0))) {
                    written.values().forEach(fresh::upsert);
                    for (String id : written.keySet()) {
                        assertThat(drools.segmentsOf(id)).as("step %d, %s: %s", step, what, id)
                                .isEqualTo(fresh.segmentsOf(id));
                    }
                }
            } else {
                ContactData contact = RandomSegmentEdits.contact(random, ids.get(random.nextInt(ids.size())));
                what = "upsert " + contact;
                written.put(contact.id(), contact);
                assertThat(Set.copyOf(targeted.upsert(contact))).as("step %d, %s", step, what)
                        .isEqualTo(Set.copyOf(drools.upsert(contact)));
            }
            for (String id : ids) {
                assertThat(targeted.segmentsOf(id)).as("step %d, %s: %s", step, what, id)
                        .isEqualTo(drools.segmentsOf(id));
            }
        }
        long firedTargeted = targeted.ruleFirings().values().stream().mapToLong(Long::longValue).sum();
        long firedDrools = drools.ruleFirings().values().stream().mapToLong(Long::longValue).sum();
        assertThat(firedTargeted).as("matches that still hold are not fired again").isLessThan(firedDrools);
    }

    @Test
    void changesThatKeepOrEndMatchesFireNothing() {
        SegmentEngine engine = start(RuleSources.of(List.of(segment("vip", tags(Operator.CONTAINS, "vip")),
                segment("texans", text("state", Operator.EQUALS, "TX")))), ContactWalk.TARGETED);
        ContactData ann = ContactData.builder("c-1").state("TX").addTag("vip").build();
        engine.upsert(ann);
        Map<String, Long> fired = engine.ruleFirings();

        engine.upsert(ann.toBuilder().addTag("lead").firstName("Ann").build());
        engine.upsert(ann.toBuilder().state("CA").build());
        assertThat(engine.ruleFirings()).isEqualTo(fired);
        assertThat(engine.segmentsOf("c-1")).containsExactly("vip");
    }

    /**
     * A match the constraints say the contact holds but its list of matches lacks (the network and the list disagree)
     * is refused loudly: left alone, the membership could never end.
     */
    @Test
    void aMatchMissingFromTheFactsListIsRefusedNotLeft() {
        RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of());
        ContactOrdinals ordinals = new ContactOrdinals();
        try (RuleSession session = new RuleSession(compiler, compiler.compile(RuleSources.of(List.of(
                segment("texans", text("state", Operator.EQUALS, "TX"))))), T0,
                new WorkflowRunner(WorkflowSettings.defaults()), ordinals,
                ContactWalk.TARGETED)) {
            Contact fact = contactFact(ordinals, "TX");
            FactHandle handle = session.insert(fact);
            session.fire(T0);
            InternalFactHandle internal = (InternalFactHandle) handle;
            MatchLists.repairedListOf(internal);
            internal.removeLeftTuple(MatchLists.firstLeftOf(internal)); // the list loses the match

            Contact next = contactFact(ordinals, "CA");
            assertThatThrownBy(() -> session.change(handle, fact, next, ChangedProperties.between(fact, next)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no match");
        }
    }

    private static Contact contactFact(ContactOrdinals ordinals, String state) {
        ContactData data = ContactData.builder("c-1").state(state).build();
        return new Contact(ordinals.of("c-1"), data, NormalizedContact.of(data, ZoneOffset.UTC), Set.of(),
                Map.of());
    }
}
