package dev.segments.engine;

import com.carrotsearch.hppc.IntArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * The net membership changes of one firing, in order, each with its contact's ordinal where the firing knew it: a
 * membership kept from matches comes from an ordinal, and the membership index would otherwise look it up again by id
 * for every change, a tenth of a load.
 */
final class FiredChanges {

    /** The ordinal of a change whose contact the firing knew only by id (a membership fact names any id). */
    static final int UNKNOWN = -1;

    private final List<MembershipChange> changes = new ArrayList<>();
    private final IntArrayList ordinals = new IntArrayList();

    void add(MembershipChange change, int ordinal) {
        changes.add(change);
        ordinals.add(ordinal);
    }

    void addAll(FiredChanges more) {
        changes.addAll(more.changes);
        ordinals.addAll(more.ordinals);
    }

    List<MembershipChange> changes() {
        return changes;
    }

    int size() {
        return changes.size();
    }

    MembershipChange change(int index) {
        return changes.get(index);
    }

    /** The ordinal of the change's contact, or {@link #UNKNOWN}. */
    int ordinal(int index) {
        return ordinals.get(index);
    }
}
