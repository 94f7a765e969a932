package dev.segments.engine;

import static dev.segments.engine.Definitions.empty;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;

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

/** What the rule network of the contact type listens to, read from Drools' masks, generated and hand-written rules. */
class ListenedPropertiesTest {

    private static final List<SegmentDefinition> SEGMENTS = List.of(segment("texas", text("state", Operator.EQUALS, "TX")),
            segment("vip", tags(Operator.CONTAINS, "vip")), segment("untagged", empty("tags", FieldKind.TAGS, true)));

    @Test
    void generatedRulesListenToWhatTheyRead() {
        withListened(new RuleSources(SEGMENTS, List.of()), listened -> {
            assertThat(listened.anyOf(new String[] {"state"})).isTrue();
            assertThat(listened.anyOf(new String[] {PropertyParts.tags("vip")})).isTrue();
            assertThat(listened.anyOf(new String[] {"tagsEmpty"})).isTrue();
            assertThat(listened.anyOf(new String[] {"dnd", "data", "tags", "city", "firstName"})).isFalse();
            assertThat(listened.anyOf(new String[] {"city", "state"})).isTrue();
            assertThat(listened.anyOf(new String[0])).isFalse();
        });
    }

    @Test
    void aHandWrittenRuleAddsWhatItsConstraintsRead() {
        DrlFile readsData = handwritten("reads-data", "$c : Contact( data != null, tags.size() > 2 )");
        withListened(new RuleSources(SEGMENTS, List.of(readsData)), listened -> {
            assertThat(listened.anyOf(new String[] {"data"})).isTrue();
            assertThat(listened.anyOf(new String[] {"tags"})).isTrue();
            assertThat(listened.anyOf(new String[] {"dnd", "city"})).isFalse();
        });
    }

    @Test
    void aContactJoinedFromAnotherFactListensToWhatTheJoinReads() {
        DrlFile joined = handwritten("joined",
                "SegmentMembership( segmentId == \"vip\", $id : contactId )\n    $c : Contact( id == $id, city == \"austin\" )");
        withListened(new RuleSources(SEGMENTS, List.of(joined)), listened -> {
            assertThat(listened.anyOf(new String[] {"city"})).isTrue();
            assertThat(listened.anyOf(new String[] {"id"})).isTrue();
            assertThat(listened.anyOf(new String[] {"dnd"})).isFalse();
        });
    }

    @Test
    void aPatternWatchingEverythingListensToEveryProperty() {
        DrlFile watchesAll = handwritten("watches-all", "$c : Contact( ) @watch( * )");
        withListened(new RuleSources(SEGMENTS, List.of(watchesAll)), listened -> {
            assertThat(listened.anyOf(new String[] {"dnd"})).isTrue();
            assertThat(listened.anyOf(new String[] {"firstName"})).isTrue();
        });
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

    private static void withListened(RuleSources sources, Consumer<ListenedProperties> check) {
        RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.OBSERVED);
        CompiledRules rules = compiler.compile(sources);
        try {
            InternalRuleBase base = (InternalRuleBase) compiler.kie().newKieContainer(rules.releaseId()).getKieBase();
            check.accept(ListenedProperties.of(base));
        } finally {
            compiler.discard(rules.releaseId());
        }
    }
}
