package dev.segments.engine;

import static dev.segments.engine.Definitions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.engine.MembershipChange.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Memberships kept from rule matches ({@link MatchedMemberships}): exact across rule replacement in place (changed,
 * removed and added rules, a segment moving between facts and matches) and contact deletion, in both modes.
 */
class MatchKeptMembershipsTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    static final SegmentDefinition TEXAS_OR_VIP = segment("s",
            any(text("state", Operator.EQUALS, "TX"), all(tags(Operator.CONTAINS, "vip"), memberOf("gold"))));
    static final SegmentDefinition GOLD = segment("gold", text("custom.plan", Operator.EQUALS, "gold"));

    SegmentEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    SegmentEngine start(MembershipFacts facts, RuleSources sources) {
        engine = SegmentEngine.start(sources, EngineOptions.startingAt(T0).withMembershipFacts(facts));
        return engine;
    }

    static MembershipChange entered(String segment, String contact) {
        return new MembershipChange(T0, Kind.ENTERED, segment, contact);
    }

    static MembershipChange exited(String segment, String contact) {
        return new MembershipChange(T0, Kind.EXITED, segment, contact);
    }

    static dev.segments.contact.ContactData.Builder contact(String id) {
        return dev.segments.contact.ContactData.builder(id);
    }

    static dev.segments.contact.ContactData.Builder gold(String id) {
        return contact(id).custom("plan", new dev.segments.contact.CustomValue.Text("gold"));
    }

    @Test
    void onlySegmentsNoRuleObservesAreKeptFromMatches() {
        DrlFile handwritten = new DrlFile("rules/watch.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "watch" when SegmentMembership( segmentId == "watched", $id : contactId )
                then insertLogical(new SegmentMembership("seen", $id)); end
                """);
        RuleSources sources = new RuleSources(List.of(TEXAS_OR_VIP, GOLD,
                segment("watched", text("city", Operator.EQUALS, "Austin")),
                segment("plain", text("city", Operator.EQUALS, "Dallas"))), List.of(handwritten));
        RuleCompiler observed = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.OBSERVED);
        CompiledRules rules = observed.compile(sources);
        assertThat(rules.matchKept()).containsExactlyInAnyOrder("s", "plain");
        assertThat(rules.generated().stream().filter(g -> g.id().equals("plain")).findFirst().orElseThrow().drl())
                .contains("rule \"plain\" @Propagation(LAZY) @segment(\"plain\")").doesNotContain("insertLogical");
        observed.discard(rules.releaseId());

        RuleCompiler all = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.ALL);
        CompiledRules facts = all.compile(sources);
        assertThat(facts.matchKept()).isEmpty();
        all.discard(facts.releaseId());
    }

    @ParameterizedTest
    @EnumSource(MembershipFacts.class)
    void aHandWrittenPatternSeesAGeneratedSegment(MembershipFacts facts) {
        DrlFile handwritten = new DrlFile("rules/watch.drl", """
                package segments.handwritten;
                import dev.segments.engine.SegmentMembership;
                rule "watch" when SegmentMembership( segmentId == "texas", $id : contactId )
                then insertLogical(new SegmentMembership("texas-seen", $id)); end
                """);
        start(facts, new RuleSources(List.of(segment("texas", text("state", Operator.EQUALS, "TX"))),
                List.of(handwritten)));
        assertThat(engine.upsert(contact("c-1").state("TX").build()))
                .containsExactlyInAnyOrder(entered("texas", "c-1"), entered("texas-seen", "c-1"));
        assertThat(engine.upsert(contact("c-1").state("CA").build()))
                .containsExactlyInAnyOrder(exited("texas", "c-1"), exited("texas-seen", "c-1"));
    }

    @ParameterizedTest
    @EnumSource(MembershipFacts.class)
    void changedRemovedAndAddedRulesEmitExactlyTheNetDifference(MembershipFacts facts) {
        SegmentDefinition texasOrCalifornia = segment("s", any(text("state", Operator.EQUALS, "TX"),
                text("city", Operator.EQUALS, "Fresno")));
        start(facts, RuleSources.of(List.of(TEXAS_OR_VIP, GOLD)));
        engine.upsert(contact("c-1").state("TX").build());
        engine.upsert(gold("c-2").addTag("vip").build());
        engine.upsert(gold("c-3").state("TX").addTag("vip").build());
        engine.upsert(contact("c-4").city("Fresno").build());
        assertThat(engine.members("s")).containsExactly("c-1", "c-2", "c-3");

        // The second branch changes: c-2 leaves, c-3 stays by the first branch, c-4 comes in.
        assertThat(engine.updateRules(RuleSources.of(List.of(texasOrCalifornia, GOLD))))
                .containsExactlyInAnyOrder(exited("s", "c-2"), entered("s", "c-4"));
        assertThat(engine.members("s")).containsExactly("c-1", "c-3", "c-4");

        // Nothing changes: nothing is emitted.
        assertThat(engine.updateRules(RuleSources.of(List.of(texasOrCalifornia, GOLD)))).isEmpty();

        assertThat(engine.updateRules(RuleSources.of(List.of(GOLD))))
                .containsExactlyInAnyOrder(exited("s", "c-1"), exited("s", "c-3"), exited("s", "c-4"));
        assertThat(engine.updateRules(RuleSources.of(List.of(GOLD, TEXAS_OR_VIP))))
                .containsExactlyInAnyOrder(entered("s", "c-1"), entered("s", "c-2"), entered("s", "c-3"));

        // Later changes still flow: the re-added rules' matches are tracked.
        assertThat(engine.upsert(contact("c-1").build())).containsExactly(exited("s", "c-1"));
        assertThat(engine.upsert(contact("c-3").state("TX").build())).containsExactly(exited("gold", "c-3"));
        assertThat(engine.counts()).containsExactly(Map.entry("gold", 1), Map.entry("s", 2));
    }

    @ParameterizedTest
    @EnumSource(MembershipFacts.class)
    void aSegmentThatBecomesObservedKeepsItsMembersWithoutChanges(MembershipFacts facts) {
        SegmentDefinition texas = segment("texas", text("state", Operator.EQUALS, "TX"));
        SegmentDefinition vipTexans = segment("vip-texans", all(memberOf("texas"), tags(Operator.CONTAINS, "vip")));
        start(facts, RuleSources.of(List.of(texas)));
        engine.upsert(contact("c-1").state("TX").addTag("vip").build());
        engine.upsert(contact("c-2").state("TX").build());

        assertThat(engine.updateRules(RuleSources.of(List.of(texas, vipTexans))))
                .containsExactly(entered("vip-texans", "c-1"));
        assertThat(engine.updateRules(RuleSources.of(List.of(texas))))
                .containsExactly(exited("vip-texans", "c-1"));
        assertThat(engine.members("texas")).containsExactly("c-1", "c-2");
        assertThat(engine.upsert(contact("c-2").build())).containsExactly(exited("texas", "c-2"));
    }

    @ParameterizedTest
    @EnumSource(MembershipFacts.class)
    void aDeletedContactsOrdinalGoesToTheNextContactWithoutItsMemberships(MembershipFacts facts) {
        start(facts, RuleSources.of(List.of(TEXAS_OR_VIP, GOLD)));
        engine.upsert(gold("c-1").state("TX").addTag("vip").build());
        engine.upsert(contact("c-2").state("TX").build());
        assertThat(engine.delete("c-1")).containsExactlyInAnyOrder(exited("s", "c-1"), exited("gold", "c-1"));

        assertThat(engine.upsert(contact("c-3").build())).isEmpty();
        assertThat(engine.segmentsOf("c-3")).isEmpty();
        assertThat(engine.segmentsOf("c-1")).isEmpty();
        assertThat(engine.members("s")).containsExactly("c-2");
        assertThat(engine.upsert(gold("c-3").addTag("vip").build()))
                .containsExactlyInAnyOrder(entered("gold", "c-3"), entered("s", "c-3"));
        assertThat(engine.upsert(contact("c-1").state("TX").build())).containsExactly(entered("s", "c-1"));
        assertThat(engine.members("s")).containsExactly("c-1", "c-2", "c-3");
    }

    /** Drools' walk fires a match again when the contact changes a property its rule reads; the targeted one not. */
    @ParameterizedTest
    @CsvSource({"OBSERVED, DROOLS, 2", "ALL, DROOLS, 2", "OBSERVED, TARGETED, 1", "ALL, TARGETED, 1"})
    void aMatchThatFiresAgainOnAnUpdateChangesNothing(MembershipFacts facts, ContactWalk walk, long firedAfterUpdate) {
        engine = SegmentEngine.start(RuleSources.of(List.of(segment("texans", all(text("state", Operator.EQUALS, "TX"),
                text("city", Operator.NOT_EQUALS, "Waco"))))),
                EngineOptions.startingAt(T0).withMembershipFacts(facts).withContactWalk(walk));
        engine.upsert(contact("c-1").state("TX").city("Austin").build());
        assertThat(engine.upsert(contact("c-1").state("tx").city("Dallas").build())).isEmpty();
        assertThat(engine.ruleFirings()).containsEntry("texans", firedAfterUpdate);
        assertThat(engine.upsert(contact("c-1").state("TX").city("Waco").build())).containsExactly(exited("texans", "c-1"));
        assertThat(engine.upsert(contact("c-1").state("TX").city("Austin").build()))
                .containsExactly(entered("texans", "c-1"));
        assertThat(engine.ruleFirings()).containsEntry("texans", firedAfterUpdate + 1);
    }
}
