package dev.segments.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import org.drools.core.common.ActivationsManager;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.PropagationContext;
import org.drools.core.reteoo.RuleTerminalNodeLeftTuple;
import org.drools.core.reteoo.Sink;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.util.LinkedList;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemImpl;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.ModedAssertion;

/**
 * A rule's match with truth maintenance, 152 bytes where drools-tms' {@code TruthMaintenanceSystemRuleTerminalNodeLeftTuple}
 * takes 160: that class holds three lists, the facts the match justifies and two for the declarative agenda's
 * blocking, which no rule of the engine uses; an object's fields fill 8-byte steps, and the match with one list fits
 * the step below. The blocking lists of a match that has them, in a session with a declarative agenda, are kept
 * aside, by match. Otherwise it behaves as drools-tms' match, whose methods these follow; {@link LeanMatches} makes
 * it every rule's match.
 */
final class LeanMatch<T extends ModedAssertion<T>> extends RuleTerminalNodeLeftTuple
        implements TruthMaintenanceSystemInternalMatch<T> {

    /** The blocking lists of the matches that have them; in use only with a declarative agenda. */
    private static final Map<LeanMatch<?>, Blocking> BLOCKING = new IdentityHashMap<>();
    private static volatile boolean anyBlocking;

    private static final class Blocking {
        LinkedList<SimpleMode> blockers;
        LinkedList<LogicalDependency<SimpleMode>> blocked;
    }

    private LinkedList<LogicalDependency<T>> justified;

    LeanMatch() {
    }

    LeanMatch(InternalFactHandle handle, Sink sink, boolean leftTupleMemoryEnabled) {
        super(handle, sink, leftTupleMemoryEnabled);
    }

    LeanMatch(InternalFactHandle handle, TupleImpl leftTuple, Sink sink) {
        super(handle, leftTuple, sink);
    }

    LeanMatch(TupleImpl leftTuple, Sink sink, PropagationContext context, boolean leftTupleMemoryEnabled) {
        super(leftTuple, sink, context, leftTupleMemoryEnabled);
    }

    LeanMatch(TupleImpl leftTuple, TupleImpl rightTuple, Sink sink) {
        super(leftTuple, rightTuple, sink);
    }

    LeanMatch(TupleImpl leftTuple, TupleImpl rightTuple, TupleImpl currentLeftChild, TupleImpl currentRightChild,
            Sink sink, boolean leftTupleMemoryEnabled) {
        super(leftTuple, rightTuple, currentLeftChild, currentRightChild, sink, leftTupleMemoryEnabled);
    }

    @Override
    public void addLogicalDependency(LogicalDependency<T> node) {
        if (justified == null) {
            justified = new LinkedList<>();
        }
        justified.add(node);
    }

    @Override
    public LinkedList<LogicalDependency<T>> getLogicalDependencies() {
        return justified;
    }

    @Override
    public void setLogicalDependencies(LinkedList<LogicalDependency<T>> justified) {
        this.justified = justified;
    }

    @Override
    public void cancelActivation(ActivationsManager activationsManager) {
        removeAllBlockersAndBlocked(activationsManager);
        super.cancelActivation(activationsManager);
        TruthMaintenanceSystemImpl.removeLogicalDependencies(this);
    }

    // The declarative agenda's blocking, as drools-tms keeps it, in the lists kept aside

    private static Blocking blockingOf(LeanMatch<?> match, boolean create) {
        if (!create && !anyBlocking) {
            return null;
        }
        synchronized (BLOCKING) {
            Blocking blocking = BLOCKING.get(match);
            if (blocking == null && create) {
                blocking = new Blocking();
                BLOCKING.put(match, blocking);
                anyBlocking = true;
            }
            return blocking;
        }
    }

    private static void forgetBlocking(LeanMatch<?> match) {
        if (anyBlocking) {
            synchronized (BLOCKING) {
                BLOCKING.remove(match);
            }
        }
    }

    @Override
    public LinkedList<SimpleMode> getBlockers() {
        Blocking blocking = blockingOf(this, false);
        return blocking == null ? null : blocking.blockers;
    }

    @Override
    public boolean hasBlockers() {
        LinkedList<SimpleMode> blockers = getBlockers();
        return blockers != null && !blockers.isEmpty();
    }

    @Override
    public LinkedList<LogicalDependency<SimpleMode>> getBlocked() {
        Blocking blocking = blockingOf(this, false);
        return blocking == null ? null : blocking.blocked;
    }

    @Override
    public void setBlocked(LinkedList<LogicalDependency<SimpleMode>> blocked) {
        if (blocked != null || anyBlocking) {
            blockingOf(this, true).blocked = blocked;
        }
    }

    @Override
    public void addBlocked(LogicalDependency<SimpleMode> dep) {
        Blocking own = blockingOf(this, true);
        if (own.blocked == null) {
            own.blocked = new LinkedList<>();
        }
        own.blocked.add(dep);
        Blocking target = blockingOf((LeanMatch<?>) dep.getJustified(), true);
        if (target.blockers == null) {
            target.blockers = new LinkedList<>();
            target.blockers.add(dep.getMode());
        } else if (dep.getMode().getNext() == null && dep.getMode().getPrevious() == null
                && target.blockers.getFirst() != dep.getMode()) {
            target.blockers.add(dep.getMode());
        }
    }

    @Override
    public void removeAllBlockersAndBlocked(ActivationsManager activationsManager) {
        Blocking own = blockingOf(this, false);
        if (own == null) {
            return;
        }
        if (own.blockers != null) {
            for (SimpleMode node = own.blockers.getFirst(); node != null; node = node.getNext()) {
                LogicalDependency<SimpleMode> dep = node.getObject();
                dep.getJustifier().getBlocked().remove(dep);
            }
        }
        if (own.blocked != null) {
            for (LogicalDependency<SimpleMode> dep = own.blocked.getFirst(); dep != null; ) {
                LogicalDependency<SimpleMode> next = dep.getNext();
                removeBlocked(dep);
                LeanMatch<?> unblocked = (LeanMatch<?>) dep.getJustified();
                if (unblocked.getBlockers().isEmpty() && unblocked.isActive()) {
                    activationsManager.stageLeftTuple(unblocked.getRuleAgendaItem(), unblocked);
                }
                dep = next;
            }
        }
        forgetBlocking(this);
    }

    @Override
    public void removeBlocked(LogicalDependency<SimpleMode> dep) {
        Blocking own = blockingOf(this, false);
        if (own != null && own.blocked != null) {
            own.blocked.remove(dep);
        }
        LinkedList<SimpleMode> blockers = ((LeanMatch<?>) dep.getJustified()).getBlockers();
        if (blockers != null) {
            blockers.remove(dep.getMode());
        }
    }
}
