package dev.segments.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.reteoo.Tuple;
import org.drools.core.rule.consequence.InternalMatch;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.drools.kiesession.consequence.DefaultKnowledgeHelper;
import org.drools.kiesession.factory.KnowledgeHelperFactory;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemKnowledgeHelper;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;

/**
 * The helper Drools fires each match with, able to fire the plain matches of {@link LeanMatches}: once a session has
 * inserted a fact logically, drools-tms' helper takes every match it fires for a truth-maintenance one, to set aside
 * the facts it justified. A plain match justifies nothing, so it is fired as a session without truth maintenance
 * fires it. Registered like {@link LeanMatches}, above drools-tms' factory.
 */
public final class LeanMatchHelpers implements KnowledgeHelperFactory {

    @Override
    public int servicePriority() {
        return 1;
    }

    @Override
    public KnowledgeHelper createKnowledgeHelper(ReteEvaluator evaluator) {
        return evaluator.isTMSEnabled() ? new Helper(evaluator) : new DefaultKnowledgeHelper(evaluator);
    }

    static final class Helper extends TruthMaintenanceSystemKnowledgeHelper<SimpleMode> {

        private static final VarHandle TUPLE;

        static {
            try {
                TUPLE = MethodHandles.privateLookupIn(DefaultKnowledgeHelper.class, MethodHandles.lookup())
                        .findVarHandle(DefaultKnowledgeHelper.class, "tuple", Tuple.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Helper(ReteEvaluator evaluator) {
            super(evaluator);
        }

        @Override
        public void setActivation(InternalMatch match) {
            if (match instanceof TruthMaintenanceSystemInternalMatch) {
                super.setActivation(match);
                return;
            }
            // DefaultKnowledgeHelper.setActivation, which the truth-maintenance helper overrides
            this.internalMatch = match;
            TUPLE.set(this, match.getTuple());
        }

        @Override
        public void restoreActivationOnConsequenceFailure(InternalMatch match) {
            if (match instanceof TruthMaintenanceSystemInternalMatch) {
                super.restoreActivationOnConsequenceFailure(match);
            }
        }
    }
}
