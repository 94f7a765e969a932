package dev.segments.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.reteoo.TupleImpl;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Works around a Drools 10.2 bug that loses matches when rules are added to a running session.
 *
 * <p>Every fact keeps its matches in a linked list, in network order. A new rule whose matches belong in the middle
 * of a fact's list is added by cutting the list after that point, appending the new match and putting the cut part
 * back; putting it back ({@code SingleLinkedTuples.reattachToLeft}, and {@code reattachToRight} for joins) records
 * the first match of that part as the list's last instead of its real last. The next match appended to the fact
 * (another rule of the same update, or of a later one) then goes after that match and cuts every match behind it out
 * of the list: they stay in the network, but a change or a delete of the contact no longer reaches them, and their
 * memberships never end ({@code RuleEditsKeepMatchesTest}).
 *
 * <p>Before rules change, {@link #prepare} gives every fact of the session a list that puts the cut part back
 * correctly (the same list, with the last match moved to the real end after each put-back). Drools gives a fact a
 * plain list again whenever it is updated, so this runs before every rule change; it is the one place that reaches
 * into Drools' private fields, through variable handles.
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

    private MatchLists() {
    }

    /** Gives every fact of the session a list that survives rules being added; returns how many it replaced. */
    static int prepare(KieSession session) {
        int replaced = 0;
        for (EntryPoint entryPoint : session.getEntryPoints()) {
            Iterator<InternalFactHandle> handles = ((InternalWorkingMemoryEntryPoint) entryPoint).getObjectStore()
                    .iterateFactHandles();
            while (handles.hasNext()) {
                if (handles.next() instanceof DefaultFactHandle handle
                        && LINKED_TUPLES.get(handle) instanceof DefaultFactHandle.SingleLinkedTuples plain
                        && !(plain instanceof Repaired)) {
                    LINKED_TUPLES.set(handle, Repaired.copyOf(plain));
                    replaced++;
                }
            }
        }
        return replaced;
    }

    /** Drools' list, with the last match moved to the real end after a cut part is put back. */
    static final class Repaired extends DefaultFactHandle.SingleLinkedTuples {

        static Repaired copyOf(DefaultFactHandle.SingleLinkedTuples plain) {
            Repaired copy = new Repaired();
            for (VarHandle field : new VarHandle[] {FIRST_LEFT, LAST_LEFT, FIRST_RIGHT, LAST_RIGHT}) {
                field.set(copy, field.get(plain));
            }
            return copy;
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
         * When a rule goes and its match was the first of several rules sharing one input, Drools first links the
         * next rule's match into its place and then removes it from the list as if nothing had moved, which drops
         * the next rule's match ({@code EagerPhreakBuilder.deleteLeftTuple}). A match whose neighbour no longer points
         * at it has been replaced this way: only the list's ends are corrected.
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
