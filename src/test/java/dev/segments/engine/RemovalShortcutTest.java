package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.drl.DrlGenerator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Each case runs with rules in a package of their own, whose lists are marked by walking them, and in the generated
 * package, whose facts are tested against the constraints instead.
 */
public class RemovalShortcutTest { // public: the rules import its facts

    public record Item(int n, String label) {
        // Getters, so that Drools knows both as properties and an update can name one of them alone.
        public int getN() {
            return n;
        }

        public String getLabel() {
            return label;
        }
    }

    public record Tag(String rule, int n) {
    }

    private static final String RULES = """
            package %s;
            import %s;
            import %s;
            rule "even" @Propagation(LAZY) when Item( n %% 2 == 0, $n : n ) then insertLogical(new Tag("even", $n)); end
            rule "small" @Propagation(LAZY) when Item( n < 10, $n : n ) then insertLogical(new Tag("small", $n)); end
            rule "big" when Item( n >= 90, $n : n ) then insertLogical(new Tag("big", $n)); end
            """;

    /** Runs a case in a package of its own (marked by walking the lists) and in the generated one (by constraints). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest
    @ValueSource(strings = {"shortcut", DrlGenerator.PACKAGE})
    @interface InBothPackages {
    }

    private String pkg;
    private KieBase base;
    private KieSession session;
    private RuleChanges changes;
    private final List<FactHandle> items = new ArrayList<>();

    private void startWithAHundredItems(String pkg) {
        this.pkg = pkg;
        String rules = RULES.formatted(pkg, Item.class.getCanonicalName(), Tag.class.getCanonicalName());
        base = new KieHelper().addContent(rules, ResourceType.DRL).build();
        session = base.newKieSession();
        for (int n = 0; n < 100; n++) {
            items.add(session.insert(new Item(n, "")));
        }
        session.fireAllRules();
        changes = new RuleChanges((InternalWorkingMemory) session, (InternalRuleBase) base, rule -> Optional.empty(),
                Optional.empty());
        base.addEventListener(changes);
        changes.begin(true, false);
    }

    @AfterEach
    void dispose() {
        if (session != null) {
            session.dispose();
        }
    }

    @InBothPackages
    void removingARuleSkipsTheFactsWithoutItsMatchesAndRetractsWhatItJustified(String pkg) {
        startWithAHundredItems(pkg);

        base.removeRule(pkg, "big");
        session.fireAllRules();

        assertThat(changes.removals().marking()).isEqualTo(pkg.equals(DrlGenerator.PACKAGE)
                ? RemovalShortcut.Marking.CONSTRAINTS
                : RemovalShortcut.Marking.MATCH_LISTS);
        assertThat(changes.removals().listsMarkedClean()).as("items below 90 hold no match of \"big\"").isEqualTo(90);
        assertThat(changes.removals().listsSkipped()).as("Drools' removal walk passed over them").isEqualTo(90);
        assertThat(changes.removals().listsNarrowed()).as("and saw only the match of \"big\" in the others")
                .isEqualTo(10);
        assertThat(tags("big")).isZero();
        assertThat(tags("even")).isEqualTo(50);
        assertThat(tags("small")).isEqualTo(10);
    }

    @InBothPackages
    void afterTheRemovalEveryFactStillEndsItsMatchesAndANewRuleSeesEveryFact(String pkg) {
        startWithAHundredItems(pkg);

        base.removeRule(pkg, "small");
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

    @InBothPackages
    void removingARuleThatSharesItsInputWalksEveryFactTheInputHolds(String pkg) {
        startWithAHundredItems(pkg);
        addRule("""
                rule "even again" @Propagation(LAZY) when Item( n % 2 == 0, $n : n )
                then insertLogical(new Tag("even again", $n)); end
                """);
        session.fireAllRules();
        changes.end();
        changes.begin(true, false);

        base.removeRule(pkg, "even");
        session.fireAllRules();

        assertThat(changes.removals().listsMarkedClean()).as("only the odd items pass the shared input").isEqualTo(50);
        assertThat(changes.removals().listsNarrowed()).isEqualTo(50);
        assertThat(tags("even")).isZero();
        assertThat(tags("even again")).as("the rule sharing the input keeps its matches").isEqualTo(50);
        items.forEach(session::delete);
        session.fireAllRules();
        assertThat(session.getObjects()).isEmpty();
    }

    @Test
    void aFactChangedWithoutTellingTheRulesIsMarkedByItsMatches() {
        startWithAHundredItems(DrlGenerator.PACKAGE);
        // 5 becomes 95 while Drools hears only of the label: "small" keeps its match, which its constraint denies
        session.update(items.get(5), new Item(95, "renamed"), "label");
        session.fireAllRules();
        changes.end();
        changes.begin(false, false);

        base.removeRule(pkg, "small");
        session.fireAllRules();

        assertThat(changes.removals().marking()).isEqualTo(RemovalShortcut.Marking.MATCH_LISTS);
        assertThat(changes.removals().listsMarkedClean()).isEqualTo(90);
        assertThat(tags("small")).as("the match that stayed went with its rule").isZero();
    }

    private void addRule(String rule) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        String drl = "package " + pkg + ";\nimport " + Item.class.getCanonicalName() + ";\nimport "
                + Tag.class.getCanonicalName() + ";\n" + rule;
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes()), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        ((InternalKnowledgeBase) base).addPackages(builder.getKnowledgePackages());
    }

    private long tags(String rule) {
        return session.getObjects(o -> o instanceof Tag tag && tag.rule().equals(rule)).size();
    }
}
