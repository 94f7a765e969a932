package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.time.TimeWindows;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Works out, on the common fork-join pool, the state of the new contacts of a load's next chunk while the rules take
 * the current one. A new contact's normalised values and time state depend only on its data, its events, the clock
 * and the rules' time windows, none of which a load changes; the rules' part stays on the writing thread. A contact
 * whose preparation fails is left to the writing thread, which fails on it in order, as without preparation.
 * Preparations are plain computations: they take no lock and touch nothing of the engine.
 */
final class NewContactsAhead {

    /** A new contact's first state, as {@code SegmentEngine} would compute it on its own thread. */
    record Prepared(ContactData data, EventHistory events, NormalizedContact normalized, TimeState time) {
    }

    private final Map<String, ContactData> contacts;
    private final Map<String, List<EmailEvent>> eventsByContact;
    private final ZoneId zone;
    private final long now;
    private final TimeWindows windows;

    /** The maps are the load's own and must not change while preparations run. */
    NewContactsAhead(Map<String, ContactData> contacts, Map<String, List<EmailEvent>> eventsByContact, ZoneId zone,
            long now, TimeWindows windows) {
        this.contacts = contacts;
        this.eventsByContact = eventsByContact;
        this.zone = zone;
        this.now = now;
        this.windows = windows;
    }

    /**
     * Starts preparing the chunk's contacts that {@code known} does not hold yet (asked on the calling thread). The
     * result has one entry per id of the chunk, null for a contact that was known or whose preparation failed.
     */
    Preparation start(List<String> chunk, Predicate<String> known) {
        String[] fresh = new String[chunk.size()];
        for (int i = 0; i < fresh.length; i++) {
            String id = chunk.get(i);
            fresh[i] = contacts.containsKey(id) && !known.test(id) ? id : null;
        }
        return new Preparation(fresh);
    }

    /**
     * One chunk's preparation, run by whichever comes first: a pool thread, or the writing thread asking for the
     * result. So the writing thread waits only for a preparation that is under way, never for a busy pool.
     */
    final class Preparation {
        private final String[] ids;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final ForkJoinTask<?> onPool;
        private Prepared[] prepared; // written by the claimant; read after the pool task is joined, or by the claimant

        private Preparation(String[] ids) {
            this.ids = ids;
            this.onPool = ForkJoinTask.adapt(this::runIfUnclaimed).fork();
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                prepared = prepare(ids);
            }
        }

        Prepared[] result() {
            if (claimed.compareAndSet(false, true)) {
                return prepare(ids);
            }
            onPool.join();
            return prepared;
        }
    }

    private Prepared[] prepare(String[] ids) {
        Prepared[] prepared = new Prepared[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                try {
                    prepared[i] = prepare(ids[i]);
                } catch (RuntimeException failure) {
                    prepared[i] = null; // the writing thread computes it again and fails where it would have
                }
            }
        }
        return prepared;
    }

    private Prepared prepare(String id) {
        List<EmailEvent> own = eventsByContact.getOrDefault(id, List.of());
        ContactData data = EventEffects.applyAll(contacts.get(id), own);
        EventHistory events = EventHistory.EMPTY.with(own);
        NormalizedContact normalized = NormalizedContact.of(data, zone, null, null);
        return new Prepared(data, events, normalized, TimeState.at(now, normalized, events, windows, null));
    }
}
