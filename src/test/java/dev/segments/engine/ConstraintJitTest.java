package dev.segments.engine;

import static dev.segments.engine.Definitions.any;
import static dev.segments.engine.Definitions.not;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.Operator;
import java.lang.reflect.Field;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.mvel.MVELConditionEvaluator;
import org.drools.mvel.MVELConstraint;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Drools compiles a constraint to bytecode after its first evaluations, from the types MVEL saw in them. A text
 * operator on a field that was empty in all of them must still be compiled, not left to MVEL's interpreter (see
 * {@link NullSafeText}).
 */
class ConstraintJitTest {

    @Test
    void textConstraintsAreCompiledEvenWhenTheFieldWasEmptyInTheirFirstEvaluations() throws Exception {
        RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.OBSERVED);
        List<SegmentDefinition> segments = new ArrayList<>(List.of(
                segment("company", any(
                        text("companyName", Operator.CONTAINS, "labs"),
                        text("companyName", Operator.NOT_CONTAINS, "tech"),
                        text("companyName", Operator.STARTS_WITH, "acme"))),
                segment("email", any(
                        text("email", Operator.ENDS_WITH, "@example.com"),
                        not(text("email", Operator.STARTS_WITH, "info@")),
                        not(text("email", Operator.ENDS_WITH, ".org"))))));
        List<Operator> operators = List.of(Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH);
        for (Operator op : operators) {
            segments.add(segment(op.wireName(), text("city", op, "x")));
            segments.add(segment("not-" + op.wireName(), not(text("city", op, "x"))));
        }
        CompiledRules rules = compiler.compile(RuleSources.of(segments));
        KieBase base = compiler.kie().newKieContainer(rules.releaseId()).getKieBase();
        KieSession session = base.newKieSession();
        try {
            for (int i = 0; i < 100; i++) {
                ContactData empty = ContactData.of("c-" + i);
                session.insert(new Contact(0, empty, NormalizedContact.of(empty, ZoneOffset.UTC), Set.of(), Map.of()));
                session.fireAllRules();
            }
            List<MVELConstraint> constraints = textConstraints(base);
            assertThat(constraints).hasSizeGreaterThanOrEqualTo(2 + 2 * operators.size());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (interpreted(constraints) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(constraints).allSatisfy(c -> assertThat(evaluator(c)).as(c.getExpression())
                    .isNotInstanceOf(MVELConditionEvaluator.class));
        } finally {
            session.dispose();
            compiler.discard(rules.releaseId());
        }
    }

    private static List<MVELConstraint> textConstraints(KieBase base) {
        List<MVELConstraint> found = new ArrayList<>();
        for (ObjectTypeNode node : ((InternalRuleBase) base).getRete().getObjectTypeNodes()) {
            collect(node, found);
        }
        found.removeIf(c -> !c.getExpression().matches("(?s).*\\btext(Contains|StartsWith|EndsWith)\\(.*"));
        return found;
    }

    private static void collect(ObjectSource source, List<MVELConstraint> found) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                AlphaNodeFieldConstraint constraint = alpha.getConstraint();
                if (constraint instanceof MVELConstraint mvel) {
                    found.add(mvel);
                }
                collect(alpha, found);
            }
        }
    }

    private static long interpreted(List<MVELConstraint> constraints) {
        return constraints.stream().filter(c -> evaluator(c) instanceof MVELConditionEvaluator).count();
    }

    /** Drools keeps the evaluator private: the interpreter ({@link MVELConditionEvaluator}) or a compiled class. */
    private static Object evaluator(MVELConstraint constraint) {
        try {
            Field field = MVELConstraint.class.getDeclaredField("conditionEvaluator");
            field.setAccessible(true);
            return field.get(constraint);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
