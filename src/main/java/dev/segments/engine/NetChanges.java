package dev.segments.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up membership changes of several rounds into the net change per segment and contact, in first-seen order. */
final class NetChanges {

    private record Key(String segmentId, String contactId) {
    }

    private final Map<Key, Integer> deltas = new LinkedHashMap<>();
    private final Map<Key, MembershipChange> last = new LinkedHashMap<>();

    NetChanges(List<MembershipChange> first) {
        add(first);
    }

    void add(List<MembershipChange> changes) {
        for (MembershipChange change : changes) {
            Key key = new Key(change.segmentId(), change.contactId());
            deltas.merge(key, change.kind() == MembershipChange.Kind.ENTERED ? 1 : -1, Integer::sum);
            last.put(key, change);
        }
    }

    List<MembershipChange> changes() {
        List<MembershipChange> net = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            if (delta != 0) {
                net.add(last.get(key));
            }
        });
        return net;
    }
}
