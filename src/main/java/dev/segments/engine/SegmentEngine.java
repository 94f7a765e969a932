package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.time.TimeWindows;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.kie.api.runtime.rule.FactHandle;
import dev.segments.workflow.ContactEditor;
import dev.segments.workflow.SegmentChange;
import dev.segments.workflow.Trigger;
import dev.segments.workflow.WorkflowEvent;
import dev.segments.workflow.WorkflowListener;
import dev.segments.workflow.WorkflowRunner;
import java.util.function.UnaryOperator;

/**
 * Live segments over contacts: the facade over one stateful KIE session.
 *
 * <p>Writes ({@link #upsert}, {@link #delete}, {@link #record}, {@link #advanceTo}, {@link #updateRules}) each run
 * as one step: the rules fire to quiescence and the net membership changes of the step go to the listeners and are
 * returned, stamped with the engine clock. {@link #advanceTo} runs one step per instant at which a relative-time
 * condition or activity window changes, in order, each stamped with that instant; time never re-scans contacts, it
 * visits only the contacts scheduled at that instant.
 *
 * <p>Thread safety: every method is thread-safe. Writers are serialised (one writer owns the KIE session at a time);
 * readers ({@link #members}, {@link #segmentsOf}, {@link #counts}, {@link #contact}, ...) wait for a running write and
 * so always see the state between two steps, never half of one. A rule change lets them in while Drools changes the
 * network and the rules fire, and while a session started afresh fills (as long as a load): they see the state before
 * the change.
 */
public final class SegmentEngine implements Segments {

    /** Held by a writer for its whole operation; readers never take it. */
    private final ReentrantLock writers = new ReentrantLock();
    /** Readers share it; a writer holds it exclusively except during a rule change ({@link #withReadersIn}). */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** While readers are let in during a rule change: what they see of the rules running before it. */
    private RulesBefore rulesBefore;
    private final ZoneId zone;
    private final RuleCompiler compiler;
    private RuleSession session;
    private final Map<String, ContactState> contacts = new HashMap<>();
    private final TimeSchedule<ContactState> schedule = new TimeSchedule<>();
    private final MembershipIndex memberships;
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final List<WorkflowListener> workflowListeners = new CopyOnWriteArrayList<>();
    private final int maxCascadeSteps;
    /** Starts a session on rules at an instant, for the engine's start and for rules changed afresh. */
    private final BiFunction<CompiledRules, Instant, RuleSession> sessions;
    private Instant now;

    private static final class ContactState implements TimeSchedule.Scheduled {
        /** The contact's ordinal in the membership bitmaps, fixed while the engine holds the contact. */
        final int ordinal;
        ContactData data;
        NormalizedContact normalized;
        Contact fact;
        FactHandle handle;
        /** In time order; replaced, never changed in place, so a snapshot can keep it. */
        EventHistory events = EventHistory.EMPTY;
        TimeState time;
        long scheduledAt = TimeSchedule.NONE;

        ContactState(int ordinal) {
            this.ordinal = ordinal;
        }

        @Override
        public long scheduledAt() {
            return scheduledAt;
        }

        @Override
        public void scheduledAt(long at) {
            scheduledAt = at;
        }
    }

    /** Contacts per rule firing in {@link #load}: large enough to batch, small enough to undo. */
    static final int LOAD_CHUNK = 1_000;

    private SegmentEngine(RuleCompiler compiler, CompiledRules rules, EngineOptions options) {
        this.zone = options.zone();
        this.compiler = compiler;
        this.now = options.start();
        this.maxCascadeSteps = options.workflows().maxCascadeSteps();
        ContactOrdinals ordinals = new ContactOrdinals();
        this.memberships = new MembershipIndex(ordinals);
        WorkflowRunner workflows = new WorkflowRunner(options.workflows());
        this.sessions = (on, at) -> new RuleSession(compiler, on, at, workflows, ordinals, options.contactWalk());
        this.session = sessions.apply(rules, now);
    }

    /**
     * Compiles the rules and starts an empty engine; throws {@link RuleCompilationException} if they do not compile.
     */
    public static SegmentEngine start(RuleSources sources, EngineOptions options) {
        RuleCompiler compiler = compilerFor(options);
        return new SegmentEngine(compiler, compiler.compile(sources), options);
    }

    /** An empty engine on rules already compiled by {@code compiler}, which partitions share. */
    static SegmentEngine start(RuleCompiler compiler, CompiledRules rules, EngineOptions options) {
        return new SegmentEngine(compiler, rules, options);
    }

    static RuleCompiler compilerFor(EngineOptions options) {
        return new RuleCompiler(options.zone(), options.workflows().taskNames(), options.membershipFacts());
    }

    @Override
    public void addListener(MembershipListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(MembershipListener listener) {
        listeners.remove(listener);
    }

    /** Receives what workflows do (tags, campaign launches, failures), after the membership changes that caused it. */
    @Override
    public void addWorkflowListener(WorkflowListener listener) {
        workflowListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    /** Inserts the contact or replaces it whole (fields left out are cleared); its email events are kept. */
    @Override
    public List<MembershipChange> upsert(ContactData contact) {
        Objects.requireNonNull(contact, "contact");
        return write(() -> undoingOnFailure(contact.id(), () -> {
            ContactState state = contacts.computeIfAbsent(contact.id(),
                    id -> new ContactState(memberships.contactAdded(id)));
            refresh(state, contact);
            return step(now);
        }));
    }

    /** Removes the contact and its events; its memberships end ({@code segment.exited} for each). */
    @Override
    public List<MembershipChange> delete(String contactId) {
        return write(() -> {
            if (!contacts.containsKey(contactId)) {
                throw new UnknownContactException(contactId);
            }
            return undoingOnFailure(contactId, () -> {
                ContactState state = contacts.remove(contactId);
                session.delete(state.handle);
                schedule.set(state, OptionalLong.empty());
                List<MembershipChange> changes = step(now);
                memberships.contactRemoved(contactId);
                return changes;
            });
        });
    }

    /**
     * Records an email event (SPEC 3): it counts in activity windows, moves the contact's {@code lastEmail<Type>At}
     * forward (never backward), and a bounce or unsubscribe sets {@code emailStatus}.
     */
    @Override
    public List<MembershipChange> record(EmailEvent event) {
        Objects.requireNonNull(event, "event");
        return write(() -> {
            ContactState state = contacts.get(event.contactId());
            if (state == null) {
                throw new UnknownContactException(event.contactId());
            }
            return undoingOnFailure(event.contactId(), () -> {
                addEvents(state, List.of(event), EventEffects.apply(state.data, event));
                return step(now);
            });
        });
    }

    /**
     * Loads many contacts and events at once, with the same result as upserting each contact and then recording each
     * event in the order given, but each contact is written to the rules once (with its events) and the rules fire
     * once per {@value #LOAD_CHUNK} contacts. Events may be for contacts of this call or ones already loaded; an event
     * for any other contact is refused before anything is applied. A chunk whose rules throw is undone as a whole and
     * ends the load; the chunks before it stay loaded. Returns the net changes of the whole load.
     */
    @Override
    public List<MembershipChange> load(List<ContactData> contacts, List<EmailEvent> events) {
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(events, "events");
        return write(() -> {
            LoadBatch batch = LoadBatch.of(contacts, events);
            // Checked per contact, not per event, in the order of their first events: the first unknown one is refused.
            for (int position = batch.givenCount(); position < batch.size(); position++) {
                if (!this.contacts.containsKey(batch.id(position))) {
                    throw new UnknownContactException(batch.id(position));
                }
            }
            // Chunks write disjoint contacts, so their net changes together are the load's net changes. Workflows
            // edit only contacts the engine holds, so the next chunk's new contacts stay new while this one fires.
            NewContactsAhead ahead = new NewContactsAhead(batch, zone, now.toEpochMilli(), session.rules().windows());
            List<MembershipChange> changes = new ArrayList<>();
            List<String> ids = batch.ids();
            NewContactsAhead.Preparation next = ids.isEmpty() ? null
                    : ahead.start(0, chunkEnd(ids, 0), this.contacts::containsKey);
            for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
                int first = from;
                List<String> chunk = ids.subList(from, chunkEnd(ids, from));
                NewContactsAhead.Prepared[] prepared = next.result();
                next = from + LOAD_CHUNK < ids.size()
                        ? ahead.start(from + LOAD_CHUNK, chunkEnd(ids, from + LOAD_CHUNK), this.contacts::containsKey)
                        : null;
                changes.addAll(undoingOnFailure(chunk, () -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        String id = chunk.get(i);
                        ContactState state = this.contacts.computeIfAbsent(id,
                                newId -> new ContactState(memberships.contactAdded(newId)));
                        if (prepared[i] != null && state.data == null) {
                            state.events = prepared[i].events();
                            state.normalized = prepared[i].normalized();
                            state.data = prepared[i].data();
                            state.time = prepared[i].time();
                            writeFact(state);
                            continue;
                        }
                        List<EmailEvent> own = batch.eventsOf(first + i);
                        ContactData given = batch.given(first + i);
                        ContactData data = EventEffects.applyAll(given != null ? given : state.data, own);
                        addEvents(state, own, data);
                    }
                    return step(now);
                }));
            }
            if (ids.size() * 2L >= this.contacts.size()) {
                // A pass over every contact: worth it when the load wrote most of them, as a start-up load does; the
                // lists of a few contacts loaded into many are left to the next rule change, which repairs them anyway.
                session.prepareContactLists();
            }
            return changes;
        });
    }

    /**
     * Moves the clock forward to {@code instant}, stopping at every instant in between at which a membership can
     * change. Returns all changes, each stamped with its own instant. The clock has millisecond resolution.
     */
    @Override
    public List<MembershipChange> advanceTo(Instant time) {
        Instant instant = Objects.requireNonNull(time, "instant").truncatedTo(ChronoUnit.MILLIS);
        return write(() -> {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("the clock cannot go back from " + now + " to " + instant);
            }
            List<MembershipChange> all = new ArrayList<>();
            long target = instant.toEpochMilli();
            for (OptionalLong next = schedule.next(); next.isPresent() && next.getAsLong() <= target;
                    next = schedule.next()) {
                long at = next.getAsLong();
                now = Instant.ofEpochMilli(at);
                session.advanceClockTo(now);
                for (ContactState state : schedule.takeDue(at)) {
                    refreshTime(state);
                }
                all.addAll(step(now));
            }
            now = instant;
            session.advanceClockTo(now);
            return all;
        });
    }

    /**
     * Replaces the rules in place, keeping every contact: unchanged segments emit nothing, a changed one only its
     * net difference, a removed one its exits. Rules that do not compile are refused with
     * {@link RuleCompilationException} and the running rules stay as they were. The rules are compiled before the
     * writer lock is taken, so other writes go on meanwhile; concurrent updates apply in the order they get the lock.
     * Queries go on while Drools changes the network and the rules fire, and while a session started afresh fills
     * ({@link #withReadersIn}, {@link #restartOn}).
     */
    @Override
    public List<MembershipChange> updateRules(RuleSources sources) {
        // Before taking the lock, so writes go on while it compiles. Compiled as a change from the rules running now;
        // should another update replace them meanwhile, the change still holds every file of these sources.
        CompiledRules next = compiler.compileChange(sources, read(this::rulesRead));
        return write(() -> {
            CompiledRules previous = session.rules();
            try {
                List<MembershipChange> changes = applyRules(next);
                compiler.discard(previous.releaseId());
                return changes;
            } catch (RuntimeException failure) {
                compiler.discard(next.releaseId());
                throw failure;
            }
        });
    }

    /**
     * Replaces the rules, like {@link #updateRules}, with rules compiled by this engine's compiler (which partitions
     * share); neither the rules that ran before nor these are discarded, since other partitions may run them.
     */
    List<MembershipChange> switchTo(CompiledRules next) {
        return write(() -> applyRules(next));
    }

    /**
     * Switches to the rules and fires; if a new rule throws while firing, or a workflow or listener after it, goes back
     * to the rules that ran before, memberships included (partitions rely on it: all or nothing). A
     * change of hand-written files, and a change Drools fails at (its incremental build of the network has faults of
     * its own; a failed change leaves the session half changed), go into a session started afresh.
     */
    private List<MembershipChange> applyRules(CompiledRules next) {
        CompiledRules previous = session.rules();
        if (next.changeStartsAfresh(previous)) {
            return restartOn(next, previous);
        }
        try {
            // Drools' update of the network, then the firing, are most of an edit: readers go on meanwhile
            withReadersIn(previous, () -> {
                switchRules(next);
                return next;
            });
        } catch (RuntimeException droolsFailure) {
            try {
                return restartOn(next, previous);
            } catch (RuntimeException failure) {
                failure.addSuppressed(droolsFailure);
                throw failure;
            }
        }
        try {
            FiredChanges fired = withReadersIn(previous, () -> session.fire(now));
            memberships.apply(fired);
            return cascade(now, fired.changes());
        } catch (RuntimeException failure) {
            try {
                switchRules(previous);
                // The index follows the session back: a failure in the cascade comes after the new memberships went in
                memberships.apply(session.fire(now));
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
                try {
                    restartOn(previous, previous);
                } catch (RuntimeException wayBackFailure) {
                    failure.addSuppressed(wayBackFailure);
                }
            }
            throw failure;
        }
    }

    /**
     * Puts the rules in a session started afresh, for changes Drools does not make right in the running one
     * ({@link CompiledRules#changeStartsAfresh}): the running session is disposed of first (the engine never holds
     * two), every contact's fact goes into the new one, and its rules fire. Memberships, workflows and listeners get the
     * difference, as of any step, so an unchanged membership reports nothing. If the rules throw, the engine starts
     * afresh on the {@code previous} rules, which report no change, and throws. The rules fire afresh for every
     * contact, as at a restart.
     *
     * <p>That takes as long as a load, so readers go on meanwhile and see the engine as it was before the change: the
     * session is filled with only the writers' lock held, which keeps every other write out. Nothing readers read
     * changes until the lock is taken back: the contacts' data, the membership index, the clock.
     */
    private List<MembershipChange> restartOn(CompiledRules rules, CompiledRules previous) {
        List<ContactState> held = contacts.values().stream().filter(state -> state.handle != null)
                .sorted(Comparator.comparingInt(state -> state.ordinal)).toList();
        FiredChanges fired = null;
        RuntimeException failure = null;
        letReadersIn(previous);
        try {
            session.retire();
            // Nothing may keep the retired session's network alive while the new one fills: at 1M x 200 both do not
            // fit.
            for (ContactState state : held) {
                state.handle = null;
                state.fact = null;
            }
            session = null;
            try {
                fired = startAfresh(rules, held);
            } catch (RuntimeException newRulesFailure) {
                failure = newRulesFailure;
                try {
                    fired = startAfresh(previous, held);
                } catch (RuntimeException wayBackFailure) {
                    failure.addSuppressed(wayBackFailure);
                }
            }
        } finally {
            keepReadersOut();
        }
        if (fired == null) {
            throw failure;
        }
        FiredChanges changes = memberships.changesTo(fired, now);
        memberships.apply(changes);
        if (failure != null) {
            throw failure; // the previous rules again: as they were, no change to report
        }
        return cascade(now, changes.changes());
    }

    /**
     * A new session on the rules, holding the contacts, fired: its memberships as its firings made them. A contact's
     * time state is kept if it is for the rules' windows, else computed afresh for them (a change Drools failed at may
     * have moved some contacts to the new windows and not others).
     */
    private FiredChanges startAfresh(CompiledRules rules, List<ContactState> held) {
        TimeState[] times = new TimeState[held.size()];
        Contact[] facts = new Contact[held.size()];
        FactHandle[] handles = new FactHandle[held.size()];
        RuleSession fresh = sessions.apply(rules, now);
        FiredChanges fired = new FiredChanges();
        try {
            for (int i = 0; i < held.size(); i++) {
                ContactState state = held.get(i);
                times[i] = state.time.windows().equals(rules.windows()) ? state.time
                        : TimeState.at(now.toEpochMilli(), state.normalized, state.events, rules.windows(), null);
                facts[i] = new Contact(state.ordinal, state.data, state.normalized, times[i].flags(),
                        times[i].counts());
                handles[i] = fresh.insert(facts[i]);
                if (i % LOAD_CHUNK == LOAD_CHUNK - 1) {
                    fired.addAll(fresh.fire(now)); // in chunks, as a load fires
                }
            }
            fired.addAll(fresh.fire(now));
        } catch (RuntimeException failure) {
            fresh.retire();
            throw failure;
        }
        session = fresh;
        for (int i = 0; i < held.size(); i++) {
            ContactState state = held.get(i);
            state.time = times[i];
            state.fact = facts[i];
            state.handle = handles[i];
            schedule.set(state, times[i].nextChange());
        }
        session.prepareContactLists();
        return fired;
    }

    /**
     * Puts the next rules in place. When their windows differ, every contact's time state first moves to the new
     * windows, computing only the added ones, while the old rules are still in place: no rule there reads the keys
     * that change, so Drools re-evaluates none of them, and the added rules then start from the new state.
     */
    private void switchRules(CompiledRules next) {
        TimeWindows windows = session.rules().windows();
        boolean windowsMoved = !windows.equals(next.windows());
        if (windowsMoved) {
            TimeWindows.Change change = windows.changeTo(next.windows());
            contacts.values().forEach(state -> moveTimeTo(change, state));
        }
        session.replaceRules(next, !windowsMoved);
    }

    private void moveTimeTo(TimeWindows.Change change, ContactState state) {
        if (state.time == null || state.handle == null) {
            return; // not in the session: its time state is computed when it is inserted
        }
        state.time = state.time.forWindows(change, now.toEpochMilli(), state.normalized);
        Contact next = new Contact(state.ordinal, state.data, state.normalized, state.time.flags(),
                state.time.counts());
        String[] changed = ChangedProperties.ofWindowChange(state.fact, next);
        session.change(state.handle, state.fact, next, changed);
        schedule.set(state, state.time.nextChange());
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public Instant now() {
        return read(() -> now);
    }

    /** The next instant at which a time-driven condition changes for some contact, if any. */
    @Override
    public Optional<Instant> nextTimeChange() {
        return write(() -> {
            OptionalLong next = schedule.next();
            return next.isPresent() ? Optional.of(Instant.ofEpochMilli(next.getAsLong())) : Optional.<Instant>empty();
        });
    }

    /** Every segment the rules define (generated and hand-written), sorted. */
    @Override
    public SortedSet<String> segmentIds() {
        return read(() -> {
            SortedSet<String> ids = new TreeSet<>(rulesRead().segmentIds());
            ids.addAll(memberships.populatedSegments());
            return Collections.unmodifiableSortedSet(ids);
        });
    }

    /** The members of a segment now, sorted (empty for a segment with no members or unknown). */
    @Override
    public SortedSet<String> members(String segmentId) {
        return read(() -> memberships.members(segmentId));
    }

    /** The segments a contact is a member of now, sorted. */
    @Override
    public SortedSet<String> segmentsOf(String contactId) {
        return read(() -> memberships.segmentsOf(contactId));
    }

    /** Member counts of every segment, sorted by segment id (zero counts included). */
    @Override
    public SortedMap<String, Integer> counts() {
        return read(() -> memberships.counts(rulesRead().segmentIds()));
    }

    /**
     * How often each rule has fired since the engine started, or since a rule change last started the session afresh
     * (every rule then fires afresh), by rule name (diagnostics). With the targeted walk (the default,
     * {@link ContactWalk}) a generated rule fires when a contact's match of it comes, not again while it holds; a
     * hand-written rule also fires again when a property it reads changes, as in Drools.
     */
    public Map<String, Long> ruleFirings() {
        return read(() -> rulesBefore != null ? rulesBefore.firings() : session.firings());
    }

    @Override
    public Optional<ContactData> contact(String contactId) {
        return read(() -> Optional.ofNullable(contacts.get(contactId)).map(s -> s.data));
    }

    @Override
    public int contactCount() {
        return read(contacts::size);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public void close() {
        writers.lock();
        lock.writeLock().lock();
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            lock.writeLock().unlock();
            writers.unlock();
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /** A contact as it was before a write, to put back if the write fails. */
    private record Snapshot(ContactData data, NormalizedContact normalized, TimeState time, EventHistory events,
            OptionalLong scheduledAt) {
    }

    /**
     * Runs a write to one contact; if it throws (a hand-written rule can), the contact is put back as it was and the
     * rules are fired again, so no half-applied change stays behind or leaks into the next step's changes.
     */
    private List<MembershipChange> undoingOnFailure(String contactId, Supplier<List<MembershipChange>> write) {
        return undoingOnFailure(List.of(contactId), write);
    }

    /** The same for a write to several contacts: all of them are put back. */
    private List<MembershipChange> undoingOnFailure(List<String> contactIds,
            Supplier<List<MembershipChange>> write) {
        List<Snapshot> snapshots = new ArrayList<>(contactIds.size()); // null: the contact did not exist
        for (String contactId : contactIds) {
            ContactState before = contacts.get(contactId);
            snapshots.add(before == null ? null : new Snapshot(before.data, before.normalized, before.time,
                    before.events, schedule.get(before)));
        }
        try {
            return write.get();
        } catch (RuntimeException failure) {
            for (int i = 0; i < contactIds.size(); i++) {
                try {
                    restore(contactIds.get(i), snapshots.get(i));
                } catch (RuntimeException restoreFailure) {
                    failure.addSuppressed(restoreFailure);
                }
            }
            throw failure;
        }
    }

    private void restore(String contactId, Snapshot snapshot) {
        ContactState current = contacts.remove(contactId);
        if (current != null) {
            schedule.set(current, OptionalLong.empty());
        }
        if (snapshot == null) {
            if (current != null && current.handle != null) {
                session.delete(current.handle);
            }
        } else {
            ContactState state = new ContactState(memberships.contactAdded(contactId));
            state.data = snapshot.data();
            state.normalized = snapshot.normalized();
            state.time = snapshot.time();
            state.events = snapshot.events();
            schedule.set(state, snapshot.scheduledAt());
            Contact before = new Contact(state.ordinal, state.data, state.normalized, state.time.flags(),
                    state.time.counts());
            if (current != null && current.handle != null) {
                state.handle = current.handle;
                state.fact = current.fact;
                String[] changed = ChangedProperties.between(state.fact, before);
                session.change(state.handle, state.fact, before, changed);
            } else {
                state.fact = before;
                state.handle = session.insert(state.fact);
            }
            contacts.put(contactId, state);
        }
        session.fire(now);
        if (snapshot == null) {
            memberships.contactRemoved(contactId);
        }
    }

    private void refresh(ContactState state, ContactData data) {
        takeData(state, data);
        refreshTime(state);
    }

    /** Adds events to the contact, whose fields they made {@code data}: its counts count the added events alone. */
    private void addEvents(ContactState state, List<EmailEvent> added, ContactData data) {
        state.events = state.events.with(added);
        takeData(state, data);
        state.time = TimeState.withEventsAdded(now.toEpochMilli(), state.normalized, state.events, added,
                session.rules().windows(), state.time);
        writeFact(state);
    }

    private void takeData(ContactState state, ContactData data) {
        state.normalized = NormalizedContact.of(data, zone, state.data, state.normalized);
        state.data = data;
    }

    /** Recomputes the contact's time-driven state at {@code now}, updates its fact, and schedules its next change. */
    private void refreshTime(ContactState state) {
        state.time = TimeState.at(now.toEpochMilli(), state.normalized, state.events, session.rules().windows(),
                state.time);
        writeFact(state);
    }

    /** Inserts the contact's fact or changes it in place from its state, and schedules its next change. */
    private void writeFact(ContactState state) {
        TimeState time = state.time;
        Contact next = new Contact(state.ordinal, state.data, state.normalized, time.flags(), time.counts());
        if (state.handle == null) {
            state.fact = next;
            state.handle = session.insert(next);
        } else {
            String[] changed = ChangedProperties.between(state.fact, next, session.rules().tagsRead());
            session.change(state.handle, state.fact, next, changed);
        }
        schedule.set(state, time.nextChange());
    }

    /**
     * Fires the rules, then runs the workflows that the membership changes start; their contact changes fire the rules
     * again, and so on (the cascade), all stamped {@code at}, until nothing more changes or the cascade reaches its
     * bound, when the workflows it would start next are reported as failed. Workflows start on each round's changes;
     * listeners and the caller get the net change of the whole step, so a contact that a cascade moves out of a
     * segment and back in reports nothing for it. Workflow listeners hear what the workflows did after that. Queries
     * (from a custom task, say) see each round's memberships as they are.
     */
    private List<MembershipChange> step(Instant at) {
        FiredChanges fired = session.fire(at);
        memberships.apply(fired);
        return cascade(at, fired.changes());
    }

    /** The rest of a step whose rules fired with {@code first}: the workflows' cascade, then the listeners. */
    private List<MembershipChange> cascade(Instant at, List<MembershipChange> first) {
        List<MembershipChange> changes = first;
        NetChanges net = null; // one round's changes are already net; only a cascade needs netting
        List<WorkflowEvent> done = new ArrayList<>();
        int rounds = 0;
        while (!changes.isEmpty() && session.hasWorkflows()) {
            List<SegmentChange> triggers = workflowTriggers(changes);
            if (!session.triggersWorkflows(triggers)) {
                break;
            }
            if (rounds++ == maxCascadeSteps) {
                done.addAll(session.stopCascade(triggers, at, maxCascadeSteps));
                break;
            }
            done.addAll(session.runWorkflows(triggers, at, this::editor));
            FiredChanges fired = session.fire(at);
            memberships.apply(fired);
            changes = fired.changes();
            if (net == null) {
                net = new NetChanges(first);
            }
            net.add(changes);
        }
        List<MembershipChange> result = net == null ? first : net.changes();
        if (!result.isEmpty()) {
            for (MembershipListener listener : listeners) {
                listener.membershipsChanged(result);
            }
        }
        publish(done);
        return result;
    }

    private void publish(List<WorkflowEvent> events) {
        if (!events.isEmpty()) {
            for (WorkflowListener listener : workflowListeners) {
                listener.workflowEvents(events);
            }
        }
    }

    private static List<SegmentChange> workflowTriggers(List<MembershipChange> changes) {
        List<SegmentChange> triggers = new ArrayList<>(changes.size());
        for (MembershipChange change : changes) {
            triggers.add(new SegmentChange(change.kind() == MembershipChange.Kind.ENTERED
                    ? Trigger.Direction.ENTERED : Trigger.Direction.EXITED, change.segmentId(), change.contactId()));
        }
        return triggers;
    }

    /** Workflows change their contact through here, like any contact change (applied now, fired with the step). */
    private Optional<ContactEditor> editor(String contactId) {
        ContactState state = contacts.get(contactId);
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(new ContactEditor() {
            @Override
            public ContactData current() {
                return state.data;
            }

            @Override
            public void update(UnaryOperator<ContactData> change) {
                ContactData next = change.apply(state.data);
                if (!next.id().equals(contactId)) {
                    throw new IllegalArgumentException("a workflow cannot change a contact's id");
                }
                refresh(state, next);
            }
        });
    }

    private static int chunkEnd(List<String> ids, int from) {
        return Math.min(ids.size(), from + LOAD_CHUNK);
    }

    private <T> T write(Supplier<T> operation) {
        writers.lock();
        lock.writeLock().lock();
        try {
            requireRules();
            return operation.get();
        } finally {
            lock.writeLock().unlock();
            writers.unlock();
        }
    }

    /**
     * Runs work that changes nothing readers read (the session, not the membership index or the contacts' data) with
     * readers let in; they see the rules as {@code before}.
     */
    private <T> T withReadersIn(CompiledRules before, Supplier<T> work) {
        letReadersIn(before);
        try {
            return work.get();
        } finally {
            keepReadersOut();
        }
    }

    /** The writer, holding the writers' lock, lets readers in; they see the rules as {@code before}. */
    private void letReadersIn(CompiledRules before) {
        rulesBefore = new RulesBefore(before, session.firings());
        lock.writeLock().unlock();
    }

    private void keepReadersOut() {
        lock.writeLock().lock();
        rulesBefore = null;
    }

    /** Only when the rules failed to start afresh twice over (the new ones, then the previous ones) are there none. */
    private void requireRules() {
        if (rulesBefore == null && session == null) {
            throw new IllegalStateException("the engine has no running rules: starting them afresh failed for the "
                    + "new rules and again for the previous ones (see the failure of that rule change); start a new "
                    + "engine");
        }
    }

    private <T> T read(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            requireRules();
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private CompiledRules rulesRead() {
        return rulesBefore != null ? rulesBefore.rules() : session.rules();
    }

    /** What readers see of the rules during a rule change: those that ran before, and their firings. */
    private record RulesBefore(CompiledRules rules, Map<String, Long> firings) {
    }

}
