package dev.segments.engine;

import dev.segments.contact.EmailEvent;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A contact's email events in time order, events at the same instant in the order recorded; never changed once made,
 * since undo snapshots and time states keep it. Adding events at or after the last one writes them into the free room
 * of the array this history shares with the one it came from, when no other history has written there first, instead
 * of copying every event: a contact with thousands of events takes a new one in constant time. Events are added only
 * under the engine's write lock, which also orders the writes into a shared array before any later reader.
 */
final class EventHistory extends AbstractList<EmailEvent> implements RandomAccess {

    static final EventHistory EMPTY = new EventHistory(new EmailEvent[0], 0);

    /** {@code [0, size)} are this history's; a slot after them is free while it is null. */
    private final EmailEvent[] events;
    private final int size;

    private EventHistory(EmailEvent[] events, int size) {
        this.events = events;
        this.size = size;
    }

    @Override
    public EmailEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " events");
        }
        return events[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** This history with the events added, each after the events at or before its instant and before later ones. */
    EventHistory with(List<EmailEvent> added) {
        if (added.isEmpty()) {
            return this;
        }
        int total = size + added.size();
        if (fitsAfterTheLast(added)) {
            for (int i = 0; i < added.size(); i++) {
                events[size + i] = added.get(i);
            }
            return new EventHistory(events, total);
        }
        // A first history is sized exactly (most contacts get their events once, at the load); later ones leave room.
        EmailEvent[] all = new EmailEvent[size == 0 ? total : total + (total >> 1) + 1];
        System.arraycopy(events, 0, all, 0, size);
        int count = size;
        for (EmailEvent event : added) {
            int index = count;
            while (index > 0 && all[index - 1].at().isAfter(event.at())) {
                index--;
            }
            System.arraycopy(all, index, all, index + 1, count - index);
            all[index] = event;
            count++;
        }
        return new EventHistory(all, count);
    }

    private boolean fitsAfterTheLast(List<EmailEvent> added) {
        if (size + added.size() > events.length) {
            return false;
        }
        for (int i = size; i < size + added.size(); i++) {
            if (events[i] != null) {
                return false; // another history, made from this one, wrote there
            }
        }
        Instant last = size == 0 ? Instant.MIN : events[size - 1].at();
        for (EmailEvent event : added) {
            if (event.at().isBefore(last)) {
                return false;
            }
            last = event.at();
        }
        return true;
    }
}
