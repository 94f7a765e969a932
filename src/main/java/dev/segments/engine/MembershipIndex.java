package dev.segments.engine;

import com.carrotsearch.hppc.BitSet;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is in which segment, kept from the net changes of each step, for queries: one bitmap of contact ordinals per
 * segment, so a membership costs a bit. A contact's segments are found by probing each segment's bitmap; sorting
 * happens when a query asks for it. Not thread-safe: the engine guards it with its lock.
 */
final class MembershipIndex {

    private static final class Members {
        final BitSet ordinals = new BitSet();
        int count;
    }

    private final ContactOrdinals ordinals;
    private final Map<String, Members> bySegment = new HashMap<>();
    /** Ordinals of contacts the engine holds; any other ordinal is freed once it is in no segment. */
    private final BitSet contacts = new BitSet();

    MembershipIndex(ContactOrdinals ordinals) {
        this.ordinals = ordinals;
    }

    /** Returns the contact's ordinal, which stays its own until {@link #contactRemoved}. */
    int contactAdded(String contactId) {
        int ordinal = ordinals.of(contactId);
        contacts.set(ordinal);
        return ordinal;
    }

    /** After the step that deleted the contact, when its memberships have ended. */
    void contactRemoved(String contactId) {
        int ordinal = ordinals.find(contactId);
        if (ordinal >= 0) {
            contacts.clear(ordinal);
            releaseIfUnused(ordinal);
        }
    }

    void apply(FiredChanges changes) {
        for (int i = 0; i < changes.size(); i++) {
            MembershipChange change = changes.change(i);
            int known = changes.ordinal(i);
            if (change.kind() == MembershipChange.Kind.ENTERED) {
                Members members = bySegment.computeIfAbsent(change.segmentId(), id -> new Members());
                int ordinal = known != FiredChanges.UNKNOWN ? known : ordinals.of(change.contactId());
                if (!members.ordinals.get(ordinal)) {
                    members.ordinals.set(ordinal);
                    members.count++;
                }
            } else {
                int ordinal = known != FiredChanges.UNKNOWN ? known : ordinals.find(change.contactId());
                Members members = bySegment.get(change.segmentId());
                if (ordinal >= 0 && members != null && members.ordinals.get(ordinal)) {
                    members.ordinals.clear(ordinal);
                    members.count--;
                    releaseIfUnused(ordinal);
                }
            }
        }
    }

    /**
     * The changes that take the index from what it holds to exactly the memberships {@code every} leaves standing (the
     * firings of a session started afresh, in order), stamped {@code at}: exits, then entries.
     */
    FiredChanges changesTo(FiredChanges every, Instant at) {
        Map<String, BitSet> next = new HashMap<>();
        for (int i = 0; i < every.size(); i++) {
            MembershipChange change = every.change(i);
            int known = every.ordinal(i);
            BitSet members = next.computeIfAbsent(change.segmentId(), id -> new BitSet());
            if (change.kind() == MembershipChange.Kind.ENTERED) {
                members.set(known != FiredChanges.UNKNOWN ? known : ordinals.of(change.contactId()));
            } else { // a later firing ended it: a rule may read other contacts' facts
                int ordinal = known != FiredChanges.UNKNOWN ? known : ordinals.find(change.contactId());
                if (ordinal >= 0) {
                    members.clear(ordinal);
                }
            }
        }
        FiredChanges changes = new FiredChanges();
        bySegment.forEach((segmentId, members) -> {
            BitSet left = (BitSet) members.ordinals.clone();
            left.andNot(next.getOrDefault(segmentId, new BitSet()));
            addAll(changes, left, MembershipChange.Kind.EXITED, segmentId, at);
        });
        next.forEach((segmentId, members) -> {
            BitSet entered = (BitSet) members.clone();
            Members before = bySegment.get(segmentId);
            if (before != null) {
                entered.andNot(before.ordinals);
            }
            addAll(changes, entered, MembershipChange.Kind.ENTERED, segmentId, at);
        });
        return changes;
    }

    private void addAll(FiredChanges changes, BitSet contacts, MembershipChange.Kind kind, String segmentId,
            Instant at) {
        for (int o = contacts.nextSetBit(0); o >= 0; o = contacts.nextSetBit(o + 1)) {
            changes.add(new MembershipChange(at, kind, segmentId, ordinals.id(o)), o);
        }
    }

    /** Frees the ordinal of an id that is no contact (a hand-written rule may name any id) once it is in no segment. */
    private void releaseIfUnused(int ordinal) {
        if (contacts.get(ordinal)) {
            return;
        }
        for (Members members : bySegment.values()) {
            if (members.ordinals.get(ordinal)) {
                return;
            }
        }
        ordinals.release(ordinal);
    }

    SortedSet<String> members(String segmentId) {
        SortedSet<String> ids = new TreeSet<>();
        Members members = bySegment.get(segmentId);
        if (members != null) {
            BitSet bits = members.ordinals;
            for (int o = bits.nextSetBit(0); o >= 0; o = bits.nextSetBit(o + 1)) {
                ids.add(ordinals.id(o));
            }
        }
        return Collections.unmodifiableSortedSet(ids);
    }

    SortedSet<String> segmentsOf(String contactId) {
        SortedSet<String> ids = new TreeSet<>();
        int ordinal = ordinals.find(contactId);
        if (ordinal >= 0) {
            bySegment.forEach((id, members) -> {
                if (members.ordinals.get(ordinal)) {
                    ids.add(id);
                }
            });
        }
        return Collections.unmodifiableSortedSet(ids);
    }

    /** Segments that have members now. */
    Set<String> populatedSegments() {
        Set<String> ids = new TreeSet<>();
        bySegment.forEach((id, members) -> {
            if (members.count > 0) {
                ids.add(id);
            }
        });
        return Collections.unmodifiableSet(ids);
    }

    /** Member counts of the given segments and of every segment with members, sorted by id. */
    SortedMap<String, Integer> counts(Set<String> segmentIds) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        segmentIds.forEach(id -> counts.put(id, 0));
        bySegment.forEach((id, members) -> {
            if (members.count > 0) {
                counts.put(id, members.count);
            }
        });
        return Collections.unmodifiableSortedMap(counts);
    }
}
