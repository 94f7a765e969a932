package dev.segments.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * When each contact's time-driven state changes next: at most one instant per contact, in a priority queue, so
 * time passing visits only the contacts due. Rescheduled and cancelled entries are dropped lazily from the head.
 * Not thread-safe: the engine guards it with its lock.
 */
final class TimeSchedule {

    private record Entry(long at, String contactId) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            return Long.compare(at, other.at);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final Map<String, Long> scheduled = new HashMap<>();

    /** Schedules the contact's next change, replacing any earlier one; empty cancels it. */
    void set(String contactId, OptionalLong at) {
        if (at.isEmpty()) {
            scheduled.remove(contactId);
            return;
        }
        Long previous = scheduled.put(contactId, at.getAsLong());
        if (previous == null || previous != at.getAsLong()) {
            queue.add(new Entry(at.getAsLong(), contactId));
        }
    }

    OptionalLong get(String contactId) {
        Long at = scheduled.get(contactId);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The earliest scheduled instant, if any. */
    OptionalLong next() {
        dropStaleHead();
        return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.peek().at());
    }

    /** Removes and returns the contacts scheduled exactly at {@code at}. */
    List<String> takeDue(long at) {
        List<String> due = new ArrayList<>();
        dropStaleHead();
        while (!queue.isEmpty() && queue.peek().at() == at) {
            Entry entry = queue.poll();
            if (isLive(entry)) {
                scheduled.remove(entry.contactId());
                due.add(entry.contactId());
            }
            dropStaleHead();
        }
        return due;
    }

    private void dropStaleHead() {
        while (!queue.isEmpty() && !isLive(queue.peek())) {
            queue.poll();
        }
    }

    private boolean isLive(Entry entry) {
        Long at = scheduled.get(entry.contactId());
        return at != null && at == entry.at();
    }
}
