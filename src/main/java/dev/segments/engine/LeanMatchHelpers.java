package dev.segments.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.reteoo.RuleTerminalNodeLeftTuple;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.drools.core.util.LinkedList;
import org.drools.kiesession.consequence.DefaultKnowledgeHelper;
import org.drools.kiesession.factory.KnowledgeHelperFactory;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemKnowledgeHelper;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.simple.SimpleLogicalDependency;
import org.kie.api.runtime.rule.Match;

/**
 * The helper Drools fires matches with, able to block and unblock {@link LeanMatch}es: drools-tms' helper does all
 * else through the truth-maintenance interface, but these two through drools-tms' own class of match. Only a
 * declarative agenda blocks, which the engine never turns on; the helper is here for other sessions in the same JVM,
 * since {@link LeanMatches} makes their matches too. Registered like it, above drools-tms' factory.
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

    /** drools-tms' helper, its two methods on blocking written against the interface its other methods use. */
    static final class Helper extends TruthMaintenanceSystemKnowledgeHelper<SimpleMode> {

        private static final VarHandle PREVIOUS_BLOCKED;

        static {
            try {
                PREVIOUS_BLOCKED = MethodHandles.privateLookupIn(TruthMaintenanceSystemKnowledgeHelper.class,
                        MethodHandles.lookup()).findVarHandle(TruthMaintenanceSystemKnowledgeHelper.class,
                        "previousBlocked", LinkedList.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Helper(ReteEvaluator evaluator) {
            super(evaluator);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void blockMatch(Match act) {
            var target = (RuleTerminalNodeLeftTuple & TruthMaintenanceSystemInternalMatch<SimpleMode>) act;
            var blocker = (TruthMaintenanceSystemInternalMatch<SimpleMode>) internalMatch;
            var previous = (LinkedList<LogicalDependency<SimpleMode>>) PREVIOUS_BLOCKED
                    .get((TruthMaintenanceSystemKnowledgeHelper<?>) this);
            LogicalDependency<SimpleMode> dep = null;
            if (previous != null) { // blocked by this match's last firing too: keep that dependency
                for (dep = previous.getFirst(); dep != null; dep = dep.getNext()) {
                    if (dep.getJustified() == target) {
                        previous.remove(dep);
                        break;
                    }
                }
            }
            if (dep == null) {
                SimpleMode mode = new SimpleMode();
                dep = new SimpleLogicalDependency<>(blocker, target, mode);
                mode.setObject(dep);
            }
            blocker.addBlocked(dep);
            if (target.getBlockers().size() == 1 && target.isQueued()) {
                // newly blocked: out of the agenda, so that it cannot fire
                target.remove();
                if (target.getActivationGroupNode() != null) {
                    target.getActivationGroupNode().getActivationGroup().removeActivation(target);
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void unblockAllMatches(Match act) {
            var target = (RuleTerminalNodeLeftTuple & TruthMaintenanceSystemInternalMatch<SimpleMode>) act;
            LinkedList<SimpleMode> blockers = target.getBlockers();
            boolean wasBlocked = blockers != null && !blockers.isEmpty();
            if (blockers != null) {
                for (SimpleMode entry = blockers.getFirst(); entry != null; ) {
                    SimpleMode next = entry.getNext();
                    LogicalDependency<SimpleMode> dep = entry.getObject();
                    dep.getJustifier().removeBlocked(dep);
                    entry = next;
                }
            }
            if (wasBlocked) {
                toStatefulKnowledgeSession().getAgenda().stageLeftTuple(target.getRuleAgendaItem(), target);
            }
        }
    }
}
