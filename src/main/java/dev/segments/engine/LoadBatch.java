package dev.segments.engine;

import com.carrotsearch.hppc.ObjectIntHashMap;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A load's contacts and their events, by contact. Each contact the load touches has a position: first the contacts
 * given, in the order of their first occurrence, then the contacts that only have events, in the order of their first
 * events. A contact given twice keeps its first position and its last data.
 *
 * <p>Grouping has to finish before the first chunk's rules fire (any event may be for one of its contacts), so nothing
 * overlaps it and it is kept short: each event is looked up once (on all cores for big loads) and chained to its
 * contact's next event by index, without a list per contact. A contact's list is put together when asked, which for a
 * new contact is on the pool that prepares it.
 */
final class LoadBatch {

    /** Below this many events, looking them up on one thread costs less than handing them to the pool. */
    private static final int PARALLEL_LOOKUP_EVENTS = 20_000;
    private static final int NONE = -1;

    private final String[] ids;
    private final ContactData[] given;
    private final EmailEvent[] events;
    private final int[] firstEvent;
    private final int[] nextEvent;

    private LoadBatch(String[] ids, ContactData[] given, EmailEvent[] events, int[] firstEvent, int[] nextEvent) {
        this.ids = ids;
        this.given = given;
        this.events = events;
        this.firstEvent = firstEvent;
        this.nextEvent = nextEvent;
    }

    /** Groups the events by contact; the lists are copied, so the caller may change them afterwards. */
    static LoadBatch of(List<ContactData> contacts, List<EmailEvent> events) {
        ObjectIntHashMap<String> positions = new ObjectIntHashMap<>(contacts.size());
        List<String> ids = new ArrayList<>(contacts.size());
        List<ContactData> given = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            ContactData contact = contacts.get(i);
            if (contact == null) {
                throw new NullPointerException("contacts[" + i + "]");
            }
            int known = positions.getOrDefault(contact.id(), NONE);
            if (known == NONE) {
                positions.put(contact.id(), ids.size());
                ids.add(contact.id());
                given.add(contact);
            } else {
                given.set(known, contact);
            }
        }
        EmailEvent[] all = events.toArray(EmailEvent[]::new);
        for (int i = 0; i < all.length; i++) {
            if (all[i] == null) {
                throw new NullPointerException("events[" + i + "]");
            }
        }
        int[] positionOf = lookUp(positions, all);
        for (int i = 0; i < all.length; i++) {
            if (positionOf[i] == NONE) { // a contact not given: known once its first event has given it a position
                String id = all[i].contactId();
                int known = positions.getOrDefault(id, NONE);
                if (known == NONE) {
                    known = ids.size();
                    positions.put(id, known);
                    ids.add(id);
                }
                positionOf[i] = known;
            }
        }
        int[] firstEvent = new int[ids.size()];
        Arrays.fill(firstEvent, NONE);
        int[] nextEvent = positionOf; // each slot is read before it is overwritten, from the last event back
        for (int i = all.length - 1; i >= 0; i--) {
            int position = positionOf[i];
            nextEvent[i] = firstEvent[position];
            firstEvent[position] = i;
        }
        return new LoadBatch(ids.toArray(String[]::new), given.toArray(ContactData[]::new), all, firstEvent,
                nextEvent);
    }

    /** Each event's contact position, or {@link #NONE} for a contact not given; the map is only read. */
    private static int[] lookUp(ObjectIntHashMap<String> positions, EmailEvent[] events) {
        int[] positionOf = new int[events.length];
        IntStream indexes = IntStream.range(0, events.length);
        (events.length >= PARALLEL_LOOKUP_EVENTS ? indexes.parallel() : indexes)
                .forEach(i -> positionOf[i] = positions.getOrDefault(events[i].contactId(), NONE));
        return positionOf;
    }

    /** How many contacts the load touches. */
    int size() {
        return ids.length;
    }

    /** The contacts' ids by position; the contacts given come first. */
    List<String> ids() {
        return Collections.unmodifiableList(Arrays.asList(ids));
    }

    /** How many contacts were given with data: they hold the first positions. */
    int givenCount() {
        return given.length;
    }

    String id(int position) {
        return ids[position];
    }

    /** The data given for the contact, or null if the load only has events for it. */
    ContactData given(int position) {
        return position < given.length ? given[position] : null;
    }

    /** The contact's events in the order given. */
    List<EmailEvent> eventsOf(int position) {
        int count = 0;
        for (int i = firstEvent[position]; i != NONE; i = nextEvent[i]) {
            count++;
        }
        if (count == 0) {
            return List.of();
        }
        EmailEvent[] own = new EmailEvent[count];
        int at = 0;
        for (int i = firstEvent[position]; i != NONE; i = nextEvent[i]) {
            own[at++] = events[i];
        }
        return Arrays.asList(own);
    }
}
