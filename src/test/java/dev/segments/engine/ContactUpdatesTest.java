package dev.segments.engine;

import static dev.segments.engine.Definitions.empty;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.definition.FieldKind;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.drl.PropertyParts;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.Test;

/**
 * Which contact changes reach the rule network: what the network of the contact type listens to, read from Drools'
 * masks, for generated and hand-written rules.
 */
class ContactUpdatesTest {

    private static final List<SegmentDefinition> SEGMENTS = List.of(segment("texas", text("state", Operator.EQUALS, "TX")),
            segment("vip", tags(Operator.CONTAINS, "vip")), segment("untagged", empty("tags", FieldKind.TAGS, true)));

    @Test
    void generatedRulesListenToWhatTheyRead() {
        withUpdates(new RuleSources(SEGMENTS, List.of()), updates -> {
            assertThat(updates.heard(new String[] {"state"})).isTrue();
            assertThat(updates.heard(new String[] {PropertyParts.tags("vip")})).isTrue();
            assertThat(updates.heard(new String[] {"tagsEmpty"})).isTrue();
            assertThat(updates.heard(new String[] {"dnd", "data", "tags", "city", "firstName"})).isFalse();
            assertThat(updates.heard(new String[] {"city", "state"})).isTrue();
            assertThat(updates.heard(new String[0])).isFalse();
        });
    }

    @Test
    void aHandWrittenRuleAddsWhatItsConstraintsRead() {
        DrlFile readsData = handwritten("reads-data", "$c : Contact( data != null, tags.size() > 2 )");
        withUpdates(new RuleSources(SEGMENTS, List.of(readsData)), updates -> {
            assertThat(updates.heard(new String[] {"data"})).isTrue();
            assertThat(updates.heard(new String[] {"tags"})).isTrue();
            assertThat(updates.heard(new String[] {"dnd", "city"})).isFalse();
        });
    }

    @Test
    void aContactJoinedFromAnotherFactListensToWhatTheJoinReads() {
        DrlFile joined = handwritten("joined",
                "SegmentMembership( segmentId == \"vip\", $id : contactId )\n    $c : Contact( id == $id, city == \"austin\" )");
        withUpdates(new RuleSources(SEGMENTS, List.of(joined)), updates -> {
            assertThat(updates.heard(new String[] {"city"})).isTrue();
            assertThat(updates.heard(new String[] {"id"})).isTrue();
            assertThat(updates.heard(new String[] {"dnd"})).isFalse();
        });
    }

    @Test
    void aPatternWatchingEverythingListensToEveryProperty() {
        DrlFile watchesAll = handwritten("watches-all", "$c : Contact( ) @watch( * )");
        withUpdates(new RuleSources(SEGMENTS, List.of(watchesAll)), updates -> {
            assertThat(updates.heard(new String[] {"dnd"})).isTrue();
            assertThat(updates.heard(new String[] {"firstName"})).isTrue();
        });
    }

    @Test
    void aPropertyTheContactDoesNotHaveIsRefused() {
        withUpdates(new RuleSources(SEGMENTS, List.of()), updates -> assertThatThrownBy(
                () -> updates.heard(new String[] {"state", "tagsPart99"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tagsPart99"));
    }

    private static DrlFile handwritten(String id, String when) {
        return new DrlFile("rules/" + id + ".drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "%s" when
                    %s
                then insertLogical(new SegmentMembership("%s", $c.getId())); end
                """.formatted(id, when, id));
    }

    private static void withUpdates(RuleSources sources, Consumer<ContactUpdates> check) {
        RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.OBSERVED);
        CompiledRules rules = compiler.compile(sources);
        try {
            InternalRuleBase base = (InternalRuleBase) compiler.kie().newKieContainer(rules.releaseId()).getKieBase();
            check.accept(ContactUpdates.of(base, ContactWalk.TARGETED));
        } finally {
            compiler.discard(rules.releaseId());
        }
    }
}
