package dev.segments.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is in which segment, kept from the net changes of each step, for queries. Hash sets on the write path; sorting
 * happens when a query asks for it. Not thread-safe: the engine guards it with its lock.
 */
final class MembershipIndex {

    private final Map<String, Set<String>> membersBySegment = new HashMap<>();
    private final Map<String, Set<String>> segmentsByContact = new HashMap<>();

    void apply(List<MembershipChange> changes) {
        for (MembershipChange change : changes) {
            if (change.kind() == MembershipChange.Kind.ENTERED) {
                membersBySegment.computeIfAbsent(change.segmentId(), id -> new HashSet<>()).add(change.contactId());
                segmentsByContact.computeIfAbsent(change.contactId(), id -> new HashSet<>()).add(change.segmentId());
            } else {
                removeFrom(membersBySegment, change.segmentId(), change.contactId());
                removeFrom(segmentsByContact, change.contactId(), change.segmentId());
            }
        }
    }

    private static void removeFrom(Map<String, Set<String>> index, String key, String value) {
        Set<String> values = index.get(key);
        if (values != null && values.remove(value) && values.isEmpty()) {
            index.remove(key);
        }
    }

    SortedSet<String> members(String segmentId) {
        return sorted(membersBySegment.get(segmentId));
    }

    SortedSet<String> segmentsOf(String contactId) {
        return sorted(segmentsByContact.get(contactId));
    }

    /** Segments that have members now. */
    Set<String> populatedSegments() {
        return Collections.unmodifiableSet(membersBySegment.keySet());
    }

    /** Member counts of the given segments and of every segment with members, sorted by id. */
    SortedMap<String, Integer> counts(Set<String> segmentIds) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        segmentIds.forEach(id -> counts.put(id, 0));
        membersBySegment.forEach((id, members) -> counts.put(id, members.size()));
        return Collections.unmodifiableSortedMap(counts);
    }

    private static SortedSet<String> sorted(Set<String> values) {
        return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
    }

}
