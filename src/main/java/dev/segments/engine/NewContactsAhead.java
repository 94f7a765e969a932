package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.time.TimeWindows;
import java.time.ZoneId;
import java.util.List;
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

    private final LoadBatch batch;
    private final ZoneId zone;
    private final long now;
    private final TimeWindows windows;

    NewContactsAhead(LoadBatch batch, ZoneId zone, long now, TimeWindows windows) {
        this.batch = batch;
        this.zone = zone;
        this.now = now;
        this.windows = windows;
    }

    /**
     * Starts preparing the contacts at the batch's positions {@code from} (inclusive) to {@code to} (exclusive) that
     * were given with data and that {@code known} does not hold yet (asked on the calling thread). The result has one
     * entry per position, null for a contact that was known, had only events, or whose preparation failed.
     */
    Preparation start(int from, int to, Predicate<String> known) {
        boolean[] fresh = new boolean[to - from];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = batch.given(from + i) != null && !known.test(batch.id(from + i));
        }
        return new Preparation(from, fresh);
    }

    /**
     * One chunk's preparation, run by whichever comes first: a pool thread, or the writing thread asking for the
     * result. So the writing thread waits only for a preparation that is under way, never for a busy pool.
     */
    final class Preparation {
        private final int from;
        private final boolean[] fresh;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final ForkJoinTask<?> onPool;
        private Prepared[] prepared; // written by the claimant; read after the pool task is joined, or by the claimant

        private Preparation(int from, boolean[] fresh) {
            this.from = from;
            this.fresh = fresh;
            this.onPool = ForkJoinTask.adapt(this::runIfUnclaimed).fork();
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                prepared = prepare(from, fresh);
            }
        }

        Prepared[] result() {
            if (claimed.compareAndSet(false, true)) {
                return prepare(from, fresh);
            }
            onPool.join();
            return prepared;
        }
    }

    private Prepared[] prepare(int from, boolean[] fresh) {
        Prepared[] prepared = new Prepared[fresh.length];
        for (int i = 0; i < fresh.length; i++) {
            if (fresh[i]) {
                try {
                    prepared[i] = prepare(from + i);
                } catch (RuntimeException failure) {
                    prepared[i] = null; // the writing thread computes it again and fails where it would have
                }
            }
        }
        return prepared;
    }

    private Prepared prepare(int position) {
        List<EmailEvent> own = batch.eventsOf(position);
        ContactData data = EventEffects.applyAll(batch.given(position), own);
        EventHistory events = EventHistory.EMPTY.with(own);
        NormalizedContact normalized = NormalizedContact.of(data, zone, null, null);
        return new Prepared(data, events, normalized, TimeState.at(now, normalized, events, windows, null));
    }
}
