package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/**
 * Removing a rule from a running session skips exactly the facts holding no match of it, and nothing else: what the
 * removed rule justified goes, other rules keep and end their matches, and a rule added afterwards matches every fact.
 */
public class RemovalShortcutTest { // public: the rules import its facts

    public record Item(int n) {
    }

    public record Tag(String rule, int n) {
    }

    private static final String RULES = """
            package shortcut;
            import %s;
            import %s;
            rule "even" @Propagation(LAZY) when Item( n %% 2 == 0, $n : n ) then insertLogical(new Tag("even", $n)); end
            rule "small" @Propagation(LAZY) when Item( n < 10, $n : n ) then insertLogical(new Tag("small", $n)); end
            rule "big" when Item( n >= 90, $n : n ) then insertLogical(new Tag("big", $n)); end
            """.formatted(Item.class.getCanonicalName(), Tag.class.getCanonicalName());

    private KieBase base;
    private KieSession session;
    private RuleChanges changes;
    private final List<FactHandle> items = new ArrayList<>();

    @BeforeEach
    void startWithAHundredItems() {
        base = new KieHelper().addContent(RULES, ResourceType.DRL).build();
        session = base.newKieSession();
        for (int n = 0; n < 100; n++) {
            items.add(session.insert(new Item(n)));
        }
        session.fireAllRules();
        changes = new RuleChanges((InternalWorkingMemory) session, (InternalRuleBase) base);
        base.addEventListener(changes);
        changes.begin();
    }

    @AfterEach
    void dispose() {
        session.dispose();
    }

    @Test
    void removingARuleSkipsTheFactsWithoutItsMatchesAndRetractsWhatItJustified() {
        base.removeRule("shortcut", "big");
        session.fireAllRules();

        assertThat(changes.removals().listsMarkedClean()).as("items below 90 hold no match of \"big\"").isEqualTo(90);
        assertThat(changes.removals().listsSkipped()).as("Drools' removal walk passed over them").isEqualTo(90);
        assertThat(tags("big")).isZero();
        assertThat(tags("even")).isEqualTo(50);
        assertThat(tags("small")).isEqualTo(10);
    }

    @Test
    void afterTheRemovalEveryFactStillEndsItsMatchesAndANewRuleSeesEveryFact() {
        base.removeRule("shortcut", "small");
        session.fireAllRules();
        assertThat(changes.removals().listsMarkedClean()).isEqualTo(90);

        addRule("""
                rule "even again" @Propagation(LAZY) when Item( n % 2 == 0, $n : n )
                then insertLogical(new Tag("even again", $n)); end
                """);
        session.fireAllRules();
        assertThat(tags("even again")).as("shares its input with \"even\": Drools walks every item to add it")
                .isEqualTo(50);

        items.forEach(session::delete);
        session.fireAllRules();
        assertThat(session.getObjects()).as("every item deleted ends what its matches justified").isEmpty();
    }

    @Test
    void removingARuleThatSharesItsInputWalksEveryFactTheInputHolds() {
        addRule("""
                rule "even again" @Propagation(LAZY) when Item( n % 2 == 0, $n : n )
                then insertLogical(new Tag("even again", $n)); end
                """);
        session.fireAllRules();
        changes.end();
        changes.begin();

        base.removeRule("shortcut", "even");
        session.fireAllRules();

        assertThat(changes.removals().listsMarkedClean()).as("only the odd items pass the shared input").isEqualTo(50);
        assertThat(tags("even")).isZero();
        assertThat(tags("even again")).as("the rule sharing the input keeps its matches").isEqualTo(50);
        items.forEach(session::delete);
        session.fireAllRules();
        assertThat(session.getObjects()).isEmpty();
    }

    private void addRule(String rule) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        String drl = "package shortcut;\nimport " + Item.class.getCanonicalName() + ";\nimport "
                + Tag.class.getCanonicalName() + ";\n" + rule;
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes()), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        ((InternalKnowledgeBase) base).addPackages(builder.getKnowledgePackages());
    }

    private long tags(String rule) {
        return session.getObjects(o -> o instanceof Tag tag && tag.rule().equals(rule)).size();
    }
}
