package dev.segments.engine;

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
 * blocking, which no rule of the engine uses; an object's fields fill 8-byte steps, and the match with one field for
 * its lists fits the step below. The field holds the list of justified facts, or, once the match blocks or is
 * blocked (only with a declarative agenda), an object with all three. Otherwise it behaves as drools-tms' match, whose
 * methods these follow; {@link LeanMatches} makes it every rule's match.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class LeanMatch<T extends ModedAssertion<T>> extends RuleTerminalNodeLeftTuple
        implements TruthMaintenanceSystemInternalMatch<T> {

    private static final class Lists {
        LinkedList justified;
        LinkedList<SimpleMode> blockers;
        LinkedList<LogicalDependency<SimpleMode>> blocked;
    }

    /** The justified facts' {@link LinkedList}, or {@link Lists}. */
    private Object lists;

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

    /** The three lists, made on the first use of the blocking ones. */
    private Lists all() {
        if (lists instanceof Lists all) {
            return all;
        }
        Lists all = new Lists();
        all.justified = (LinkedList) lists;
        lists = all;
        return all;
    }

    /** The three lists if the blocking ones were ever used, else {@code null}. */
    private Lists blocking() {
        return lists instanceof Lists all ? all : null;
    }

    @Override
    public void addLogicalDependency(LogicalDependency<T> node) {
        LinkedList<LogicalDependency<T>> justified = getLogicalDependencies();
        if (justified == null) {
            justified = new LinkedList<>();
            setLogicalDependencies(justified);
        }
        justified.add(node);
    }

    @Override
    public LinkedList<LogicalDependency<T>> getLogicalDependencies() {
        return lists instanceof Lists all ? all.justified : (LinkedList) lists;
    }

    @Override
    public void setLogicalDependencies(LinkedList<LogicalDependency<T>> justified) {
        if (lists instanceof Lists all) {
            all.justified = justified;
        } else {
            lists = justified;
        }
    }

    @Override
    public void cancelActivation(ActivationsManager activationsManager) {
        removeAllBlockersAndBlocked(activationsManager);
        super.cancelActivation(activationsManager);
        TruthMaintenanceSystemImpl.removeLogicalDependencies(this);
    }

    // The declarative agenda's blocking, as drools-tms' match keeps it

    @Override
    public LinkedList<SimpleMode> getBlockers() {
        Lists blocking = blocking();
        return blocking == null ? null : blocking.blockers;
    }

    @Override
    public boolean hasBlockers() {
        LinkedList<SimpleMode> blockers = getBlockers();
        return blockers != null && !blockers.isEmpty();
    }

    @Override
    public LinkedList<LogicalDependency<SimpleMode>> getBlocked() {
        Lists blocking = blocking();
        return blocking == null ? null : blocking.blocked;
    }

    @Override
    public void setBlocked(LinkedList<LogicalDependency<SimpleMode>> blocked) {
        // drools-tms' helper clears this before every firing: a match that never blocked keeps its one list
        Lists blocking = blocked != null ? all() : blocking();
        if (blocking != null) {
            blocking.blocked = blocked;
        }
    }

    @Override
    public void addBlocked(LogicalDependency<SimpleMode> dep) {
        Lists own = all();
        if (own.blocked == null) {
            own.blocked = new LinkedList<>();
        }
        own.blocked.add(dep);
        Lists target = ((LeanMatch<?>) dep.getJustified()).all();
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
        Lists own = blocking();
        if (own == null) {
            return;
        }
        if (own.blockers != null) {
            for (SimpleMode node = own.blockers.getFirst(); node != null; node = node.getNext()) {
                LogicalDependency<SimpleMode> dep = node.getObject();
                dep.getJustifier().getBlocked().remove(dep);
            }
        }
        own.blockers = null;
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
        own.blocked = null;
    }

    @Override
    public void removeBlocked(LogicalDependency<SimpleMode> dep) {
        getBlocked().remove(dep);
        ((LeanMatch<?>) dep.getJustified()).getBlockers().remove(dep.getMode());
    }
}
