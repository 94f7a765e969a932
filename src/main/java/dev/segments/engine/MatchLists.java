package dev.segments.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.function.Consumer;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.reteoo.ObjectTypeNodeId;
import org.drools.core.reteoo.TupleImpl;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Works around Drools 10.2 losing matches when rules are added to or removed from a running session.
 *
 * <p>Every fact keeps its matches in a linked list, in network order, and Drools gets that list wrong in three places
 * when rules change (each fixed in {@link Repaired}):
 * <ul>
 *   <li>A new rule whose matches belong in the middle of a fact's list is added by cutting the list after that point,
 *       appending the new match and putting the cut part back; putting it back ({@code reattachToLeft}, and
 *       {@code reattachToRight} for joins) records the first match of that part as the list's last instead of its
 *       real last, so the next match appended cuts the rest off.</li>
 *   <li>When a rule goes whose match was the first of several rules sharing one input, the next rule's match is
 *       linked into its place and then dropped ({@code EagerPhreakBuilder.deleteLeftTuple}).</li>
 *   <li>When a rule goes or comes that shares an input with other rules, the match of that input is unlinked from
 *       the list even when it belongs to another rule and stays ({@code EagerPhreakBuilder.processLeftTuplesOnLian}).
 *       </li>
 * </ul>
 * A match cut out of the list stays in the network, but a change or a delete of the contact no longer reaches it, so
 * its membership never ends ({@code RuleEditsKeepMatchesTest}).
 *
 * <p>Two more ways lists go wrong when rules change: Drools merges a changed package by first removing its rules of the
 * same names, silently, before announcing any change, so the contacts' lists are prepared at the start of every change
 * ({@link RuleChanges#begin}); and it numbers the inputs afresh after a change, in an order that can differ from the
 * one before, so a list checks its order before Drools' next walk of it ({@link Repaired#getFirstLeftTuple}), as it
 * does after a targeted update appended a match out of order ({@link TargetedUpdates}). Both lost memberships until
 * the engine's next restart ({@code RuleEditsMatchAFreshEngineTest}). Rule changes themselves need no order: a new
 * rule's match goes in after the matches of later inputs found at the list's end, and a rule's removal finds its
 * matches wherever they are.
 *
 * <p>Before Drools adds or removes a rule, {@link #prepare} gives the facts of the types the rule reads a
 * {@link Repaired} copy of their lists ({@link RuleChanges}). Drools gives a fact a plain list again whenever it is
 * updated, so this runs at every rule change, for the facts written since the last one where the session's store
 * knows them ({@link ContactStore}). This class, {@link RemovalShortcut}, which marks these lists, {@link
 * ContactStore} and {@link TargetedUpdates} are the only places that reach into Drools' private fields, through
 * variable handles.
 */
final class MatchLists {

    private static final VarHandle LINKED_TUPLES;
    private static final VarHandle FIRST_LEFT;
    private static final VarHandle LAST_LEFT;
    private static final VarHandle FIRST_RIGHT;
    private static final VarHandle LAST_RIGHT;

    static {
        try {
            Class<DefaultFactHandle.SingleLinkedTuples> lists = DefaultFactHandle.SingleLinkedTuples.class;
            MethodHandles.Lookup inLists = MethodHandles.privateLookupIn(lists, MethodHandles.lookup());
            FIRST_LEFT = inLists.findVarHandle(lists, "firstLeftTuple", TupleImpl.class);
            LAST_LEFT = inLists.findVarHandle(lists, "lastLeftTuple", TupleImpl.class);
            FIRST_RIGHT = inLists.findVarHandle(lists, "firstRightTuple", TupleImpl.class);
            LAST_RIGHT = inLists.findVarHandle(lists, "lastRightTuple", TupleImpl.class);
            LINKED_TUPLES = MethodHandles.privateLookupIn(DefaultFactHandle.class, MethodHandles.lookup())
                    .findVarHandle(DefaultFactHandle.class, "linkedTuples", InternalFactHandle.LinkedTuples.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * How many times rules changed in this JVM. Drools numbers the inputs of a type afresh after a change, in an order
     * that can differ from the one before (hashed alpha nodes come in their map's order), so a list in order before
     * may be out of order after; its walk then drops the matches it does not meet where it expects them.
     */
    private static volatile int ruleChanges;

    private MatchLists() {
    }

    /** Rules changed: lists check their order before Drools next walks them. */
    static void rulesChanged() {
        ruleChanges++;
    }

    /** Gives every fact of the session a list that survives rules changing; returns how many it replaced. */
    static int prepare(KieSession session) {
        // Updates still queued (a window edit updates every contact first) would give their facts plain lists again
        // when Drools runs them, at the start of the rule change; run them now, as Drools would.
        ((InternalWorkingMemory) session).flushPropagations();
        int replaced = 0;
        for (EntryPoint entryPoint : session.getEntryPoints()) {
            replaced += prepare(((InternalWorkingMemoryEntryPoint) entryPoint).getObjectStore().iterateFactHandles());
        }
        return replaced;
    }

    /** Gives these facts lists that survive rules changing; returns how many it replaced. */
    static int prepare(Iterator<InternalFactHandle> handles) {
        // Reading the handles in batches, as RemovalShortcut does, measured no faster here: copying dominates.
        int replaced = 0;
        while (handles.hasNext()) {
            if (handles.next() instanceof DefaultFactHandle handle
                    && LINKED_TUPLES.get(handle) instanceof DefaultFactHandle.SingleLinkedTuples plain
                    && !(plain instanceof Repaired)) {
                repair(handle, plain);
                replaced++;
            }
        }
        return replaced;
    }

    /** The fact's list of matches, given a repaired list first if it has a plain one; null if it has another kind. */
    static Repaired repairedListOf(InternalFactHandle handle) {
        if (!(handle instanceof DefaultFactHandle fact)) {
            return null;
        }
        Object list = LINKED_TUPLES.get(fact);
        if (list instanceof Repaired repaired) {
            return repaired;
        }
        return list instanceof DefaultFactHandle.SingleLinkedTuples plain ? repair(fact, plain) : null;
    }

    private static Repaired repair(DefaultFactHandle handle, DefaultFactHandle.SingleLinkedTuples plain) {
        Repaired repaired = Repaired.copyOf(plain);
        LINKED_TUPLES.set(handle, repaired);
        return repaired;
    }

    /** The first match in the fact's list, or {@code null}. */
    static TupleImpl firstLeftOf(InternalFactHandle handle) {
        return (TupleImpl) FIRST_LEFT.get(LINKED_TUPLES.get((DefaultFactHandle) handle));
    }

    /** The last match in the fact's list, or {@code null}. */
    static TupleImpl lastLeftOf(InternalFactHandle handle) {
        return (TupleImpl) LAST_LEFT.get(LINKED_TUPLES.get((DefaultFactHandle) handle));
    }

    /** Drools' order of matches in a fact's list: by input, as its walks visit the inputs. */
    private static final Comparator<TupleImpl> NETWORK_ORDER = (a, b) -> {
        ObjectTypeNodeId x = a.getInputOtnId();
        ObjectTypeNodeId y = b.getInputOtnId();
        return x.before(y) ? -1 : y.before(x) ? 1 : 0;
    };

    /** Drools' list of a fact's matches, with the three cases above put right. */
    static final class Repaired extends DefaultFactHandle.SingleLinkedTuples {

        /** While rules are removed: whether this list holds a match of them ({@link RemovalShortcut.Window}). */
        int removal;

        /** The value of {@link #ruleChanges} when this list was last known to be in network order. */
        private int orderedAt = -1;

        /** Whether a match was appended out of network order since the list was last put in order. */
        private boolean unordered;

        /**
         * Notes a match just appended, the way Drools' constructors append, and whether it broke network order: a
         * targeted update adds a match without the walk that would rebuild the list in order ({@link
         * TargetedUpdates}).
         */
        void noteAppended(TupleImpl match) {
            TupleImpl previous = match.getHandlePrevious();
            if (previous != null && match.getInputOtnId().before(previous.getInputOtnId())) {
                unordered = true;
            }
        }

        TupleImpl firstLeft() {
            return (TupleImpl) FIRST_LEFT.get(this);
        }

        TupleImpl lastLeft() {
            return (TupleImpl) LAST_LEFT.get(this);
        }

        static Repaired copyOf(DefaultFactHandle.SingleLinkedTuples plain) {
            // One call site per field, with exact types: a loop over the handles made this 1.5 µs per fact.
            DefaultFactHandle.SingleLinkedTuples copy = new Repaired();
            FIRST_LEFT.set(copy, (TupleImpl) FIRST_LEFT.get(plain));
            LAST_LEFT.set(copy, (TupleImpl) LAST_LEFT.get(plain));
            FIRST_RIGHT.set(copy, (TupleImpl) FIRST_RIGHT.get(plain));
            LAST_RIGHT.set(copy, (TupleImpl) LAST_RIGHT.get(plain));
            return (Repaired) copy;
        }

        /**
         * Drools' walk of an updated fact reads the list from its first match, expecting network order as the inputs
         * are numbered now ({@link #ruleChanges}).
         */
        @Override
        public TupleImpl getFirstLeftTuple(int partition) {
            if (unordered || orderedAt != ruleChanges) {
                putInOrder();
            }
            return super.getFirstLeftTuple(partition);
        }

        private void putInOrder() {
            orderedAt = ruleChanges;
            unordered = false;
            int count = 0;
            boolean ordered = true;
            for (TupleImpl tuple = firstLeft(); tuple != null; tuple = tuple.getHandleNext()) {
                TupleImpl next = tuple.getHandleNext();
                ordered &= next == null || !next.getInputOtnId().before(tuple.getInputOtnId());
                count++;
            }
            if (ordered) {
                return;
            }
            TupleImpl[] tuples = new TupleImpl[count];
            int at = 0;
            for (TupleImpl tuple = firstLeft(); tuple != null; tuple = tuple.getHandleNext()) {
                tuples[at++] = tuple;
            }
            Arrays.sort(tuples, NETWORK_ORDER);
            TupleImpl previous = null;
            for (TupleImpl tuple : tuples) {
                tuple.setHandlePrevious(previous);
                if (previous != null) {
                    previous.setHandleNext(tuple);
                }
                previous = tuple;
            }
            previous.setHandleNext(null);
            FIRST_LEFT.set(this, tuples[0]);
            LAST_LEFT.set(this, previous);
        }

        @Override
        public void reattachToLeft(TupleImpl tuple) {
            super.reattachToLeft(tuple);
            moveLastToEnd(LAST_LEFT);
        }

        @Override
        public void reattachToRight(TupleImpl tuple) {
            super.reattachToRight(tuple);
            moveLastToEnd(LAST_RIGHT);
        }

        /**
         * The second case above: Drools has already linked the next rule's match into this one's place, so a match
         * whose neighbour no longer points at it is taken out by correcting only the list's end.
         */
        @Override
        public void removeLeftTuple(TupleImpl tuple) {
            TupleImpl previous = tuple.getHandlePrevious();
            if (previous == null || previous.getHandleNext() == tuple) {
                super.removeLeftTuple(tuple);
                return;
            }
            if (LAST_LEFT.get(this) == tuple) {
                LAST_LEFT.set(this, previous.getHandleNext());
            }
            tuple.setHandlePrevious(null);
            tuple.setHandleNext(null);
        }

        /**
         * A match really taken out has no neighbours any more; one whose neighbour no longer points at it while it
         * still points at the neighbour was unlinked by mistake (the third case above) and goes back in its place.
         * Drools' removal walk sees only the matches it needs, if the list is marked.
         */
        @Override
        public void forEachLeftTuple(Consumer<TupleImpl> consumer) {
            Object[] needed = removal == 0 ? null : RemovalShortcut.sinksNeededBy(removal, consumer);
            TupleImpl[] found = needed == null || needed.length == 0 ? null : RemovalShortcut.matchesGoingIn(this);
            if (found != null) {
                for (TupleImpl match : found) {
                    if (isLinked(match)) { // not taken out yet by the walk for another rule going
                        consumer.accept(match);
                        putBackIfUnlinkedByMistake(match);
                    }
                }
                return;
            }
            // A fact reaches a node at most once, so the list holds at most one match per node needed: the narrowed
            // walk ends when it has seen them all.
            int unseen = needed == null ? -1 : needed.length;
            for (TupleImpl tuple = (TupleImpl) FIRST_LEFT.get(this); tuple != null && unseen != 0; ) {
                TupleImpl next = tuple.getHandleNext();
                if (needed != null) {
                    if (!RemovalShortcut.isAnyOf(tuple.getSink(), needed)) {
                        tuple = next;
                        continue;
                    }
                    unseen--;
                }
                consumer.accept(tuple);
                putBackIfUnlinkedByMistake(tuple);
                tuple = next;
            }
        }

        private boolean isLinked(TupleImpl match) {
            TupleImpl previous = match.getHandlePrevious();
            return previous == null ? FIRST_LEFT.get(this) == match : previous.getHandleNext() == match;
        }

        private void putBackIfUnlinkedByMistake(TupleImpl tuple) {
            TupleImpl previous = tuple.getHandlePrevious();
            if (previous != null && previous.getHandleNext() != tuple) {
                TupleImpl after = previous.getHandleNext();
                previous.setHandleNext(tuple);
                tuple.setHandleNext(after);
                if (after != null) {
                    after.setHandlePrevious(tuple);
                } else {
                    LAST_LEFT.set(this, tuple);
                }
            }
        }

        @Override
        public Repaired clone() {
            return copyOf(this);
        }

        @Override
        public Repaired cloneEmpty() {
            return new Repaired();
        }

        private void moveLastToEnd(VarHandle last) {
            TupleImpl end = (TupleImpl) last.get(this);
            while (end != null && end.getHandleNext() != null) {
                end = end.getHandleNext();
            }
            last.set(this, end);
        }
    }
}
