package dev.segments.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * When each contact's time-driven state changes next: at most one instant per contact, in a priority queue, so
 * time passing visits only the contacts due. The instant lives on the contact's own state ({@link Scheduled}), so a
 * change reads and moves it without a lookup. Rescheduled and cancelled entries are dropped lazily from the head,
 * and all at once when they outnumber the live ones: a contact whose next change keeps moving (an email event each
 * day, say, with 30-day windows) would otherwise leave an entry per move until its instant came. Not thread-safe: the
 * engine guards it with its lock.
 */
final class TimeSchedule<T extends TimeSchedule.Scheduled> {

    /** What the schedule keeps its one instant on; {@link #NONE} when nothing is scheduled. */
    interface Scheduled {
        long scheduledAt();

        void scheduledAt(long at);
    }

    static final long NONE = Long.MIN_VALUE;

    private record Entry<T>(long at, T item) implements Comparable<Entry<T>> {
        @Override
        public int compareTo(Entry<T> other) {
            return Long.compare(at, other.at);
        }
    }

    /** Stale entries tolerated before a sweep, besides as many as there are live ones. */
    private static final int SLACK = 1024;

    private final PriorityQueue<Entry<T>> queue = new PriorityQueue<>();
    private int live;

    /** Schedules the item's next change, replacing any earlier one; empty cancels it. */
    void set(T item, OptionalLong at) {
        long next = at.orElse(NONE);
        long previous = item.scheduledAt();
        if (previous == next) {
            return;
        }
        item.scheduledAt(next);
        if (previous == NONE) {
            live++;
        } else if (next == NONE) {
            live--;
        }
        if (next != NONE) {
            queue.add(new Entry<>(next, item));
            if (queue.size() > 2 * live + SLACK) {
                queue.removeIf(entry -> !isLive(entry));
            }
        }
    }

    /** Entries in the queue, stale ones included. */
    int queued() {
        return queue.size();
    }

    OptionalLong get(T item) {
        return item.scheduledAt() == NONE ? OptionalLong.empty() : OptionalLong.of(item.scheduledAt());
    }

    /** The earliest scheduled instant, if any. */
    OptionalLong next() {
        dropStaleHead();
        return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.peek().at());
    }

    /** Removes and returns the items scheduled exactly at {@code at}. */
    List<T> takeDue(long at) {
        List<T> due = new ArrayList<>();
        dropStaleHead();
        while (!queue.isEmpty() && queue.peek().at() == at) {
            Entry<T> entry = queue.poll();
            if (isLive(entry)) {
                entry.item().scheduledAt(NONE);
                live--;
                due.add(entry.item());
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

    private boolean isLive(Entry<T> entry) {
        return entry.item().scheduledAt() == entry.at();
    }
}
