package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.bench.workload.RealisticSegments;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.util.bitmask.AllSetMask;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * Every constraint of a generated rule names the properties it reads, so that an update wakes only the rules reading
 * what changed. Drools makes a constraint it cannot analyse listen to every property (class reactive): a rule with one
 * re-evaluates and re-fires on every change of every contact. Hundreds of segments of every operator kind are checked.
 */
class GeneratedRulesReactivityTest {

    @Test
    void noGeneratedConstraintListensToEveryProperty() {
        RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.OBSERVED);
        CompiledRules rules = compiler.compile(RuleSources.of(new RealisticSegments(42).segments(300)));
        try {
            KieBase base = compiler.kie().newKieContainer(rules.releaseId()).getKieBase();
            List<AlphaNode> alphaNodes = new ArrayList<>();
            for (ObjectTypeNode node : ((InternalRuleBase) base).getRete().getObjectTypeNodes()) {
                if (node.getObjectType().isAssignableFrom(Contact.class)) {
                    collect(node, alphaNodes);
                }
            }
            assertThat(alphaNodes).hasSizeGreaterThan(300);
            assertThat(alphaNodes).allSatisfy(alpha -> assertThat(alpha.getDeclaredMask())
                    .as(alpha.getConstraint().toString()).isNotInstanceOf(AllSetMask.class));
        } finally {
            compiler.discard(rules.releaseId());
        }
    }

    private static void collect(ObjectSource source, List<AlphaNode> found) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                found.add(alpha);
                collect(alpha, found);
            }
        }
    }
}
