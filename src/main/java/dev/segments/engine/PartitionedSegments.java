package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.workflow.WorkflowListener;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Contacts split over independent engines by a hash of their id, behind one view. A segment's membership depends only
 * on one contact's facts, so this is exact. Each partition has its own KIE session and its own writer lock: a write
 * runs on its caller's thread once it holds its partition's lock, so writes for contacts of different partitions run
 * in parallel, and time and rule changes run the partitions in parallel. (A writer thread per partition, callers
 * handing it their writes and waiting, measured a third slower on two cores: docs/benchmark-history.md, "Partitions
 * on two cores".) Listeners hear one partition at a time; a listener should not write to the engine, since its write
 * may wait for a partition whose writer is waiting to call a listener.
 */
public final class PartitionedSegments implements Segments {

    private final List<SegmentEngine> partitions;
    private final RuleCompiler compiler;
    private CompiledRules rules; // what every partition runs; guarded by this
    private final ExecutorService workers;
    private final Object listenerLock = new Object();
    private final Map<Object, Object> listenerWrappers = Collections.synchronizedMap(new IdentityHashMap<>());

    private PartitionedSegments(List<SegmentEngine> partitions, RuleCompiler compiler, CompiledRules rules) {
        this.partitions = List.copyOf(partitions);
        this.compiler = compiler;
        this.rules = rules;
        this.workers = Executors.newFixedThreadPool(partitions.size(), runnable -> {
            Thread thread = new Thread(runnable, "segments-partition");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One engine when {@code partitions} is 1, else that many partitions. The rules are compiled once; each partition
     * builds its own rule base from them.
     */
    public static Segments start(RuleSources sources, EngineOptions options, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        if (partitions == 1) {
            return SegmentEngine.start(sources, options);
        }
        RuleCompiler compiler = SegmentEngine.compilerFor(options);
        CompiledRules rules = compiler.compile(sources);
        List<SegmentEngine> engines = new ArrayList<>();
        try {
            for (int i = 0; i < partitions; i++) {
                engines.add(SegmentEngine.start(compiler, rules, options));
            }
        } catch (RuntimeException failure) {
            engines.forEach(SegmentEngine::close);
            compiler.discard(rules.releaseId());
            throw failure;
        }
        return new PartitionedSegments(engines, compiler, rules);
    }

    int partitionCount() {
        return partitions.size();
    }

    /**
     * The partition, from 0, that holds a contact among {@code partitions}. An application writing from several threads
     * gets the most from partitions when each thread writes the contacts of one partition: writers of one partition
     * wait for each other, and on two cores, with four threads writing any contact, those waits cost about what the
     * second partition gained (docs/benchmark-history.md, "Ninth round").
     */
    public static int partitionOf(String contactId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        return Math.floorMod(contactId.hashCode(), partitions);
    }

    private SegmentEngine partitionOf(String contactId) {
        return partitions.get(partitionOf(contactId, partitions.size()));
    }

    @Override
    public List<MembershipChange> upsert(ContactData contact) {
        return partitionOf(contact.id()).upsert(contact);
    }

    @Override
    public List<MembershipChange> delete(String contactId) {
        return partitionOf(contactId).delete(contactId);
    }

    @Override
    public List<MembershipChange> record(EmailEvent event) {
        return partitionOf(event.contactId()).record(event);
    }

    /** Each partition loads its own contacts and events, in parallel; unknown contacts are refused first. */
    @Override
    public List<MembershipChange> load(List<ContactData> contacts, List<EmailEvent> events) {
        Set<String> loading = new HashSet<>();
        contacts.forEach(c -> loading.add(c.id()));
        Set<String> withEvents = new LinkedHashSet<>();
        events.forEach(e -> withEvents.add(e.contactId()));
        for (String id : withEvents) {
            if (!loading.contains(id) && partitionOf(id).contact(id).isEmpty()) {
                throw new UnknownContactException(id);
            }
        }
        Map<SegmentEngine, List<ContactData>> contactsOf = new HashMap<>();
        Map<SegmentEngine, List<EmailEvent>> eventsOf = new HashMap<>();
        contacts.forEach(c -> contactsOf.computeIfAbsent(partitionOf(c.id()), p -> new ArrayList<>()).add(c));
        events.forEach(e -> eventsOf.computeIfAbsent(partitionOf(e.contactId()), p -> new ArrayList<>()).add(e));
        return inParallel(engine -> engine.load(contactsOf.getOrDefault(engine, List.of()),
                eventsOf.getOrDefault(engine, List.of())));
    }

    /** Every partition moves to the instant in parallel; the changes come back in time order. */
    @Override
    public List<MembershipChange> advanceTo(Instant instant) {
        List<MembershipChange> all = inParallel(engine -> engine.advanceTo(instant));
        all.sort(Comparator.comparing(MembershipChange::at));
        return all;
    }

    /**
     * Compiles the sources once (refusing them before any partition changes), then switches every partition in
     * parallel. All or nothing: if a new rule throws in one partition, the partitions that switched go back to the
     * rules that ran before (their listeners hear the way back), and the failure is thrown.
     */
    @Override
    public synchronized List<MembershipChange> updateRules(RuleSources sources) {
        CompiledRules next = compiler.compileChange(sources, rules);
        List<CompletableFuture<List<MembershipChange>>> switching = partitions.stream()
                .map(engine -> CompletableFuture.supplyAsync(() -> engine.switchTo(next), workers)).toList();
        List<MembershipChange> all = new ArrayList<>();
        List<SegmentEngine> switched = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < partitions.size(); i++) {
            try {
                all.addAll(switching.get(i).join());
                switched.add(partitions.get(i));
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            goBack(switched, failure);
            compiler.discard(next.releaseId());
            throw failure;
        }
        compiler.discard(rules.releaseId());
        rules = next;
        return all;
    }

    /** Puts the partitions that switched back on the rules that ran before; what goes wrong joins the failure. */
    private void goBack(List<SegmentEngine> switched, RuntimeException failure) {
        for (SegmentEngine engine : switched) {
            try {
                engine.switchTo(rules);
            } catch (RuntimeException wayBackFailure) {
                failure.addSuppressed(wayBackFailure);
            }
        }
    }

    private List<MembershipChange> inParallel(Function<SegmentEngine, List<MembershipChange>> work) {
        List<CompletableFuture<List<MembershipChange>>> futures = partitions.stream()
                .map(engine -> CompletableFuture.supplyAsync(() -> work.apply(engine), workers)).toList();
        List<MembershipChange> all = new ArrayList<>();
        try {
            futures.forEach(future -> all.addAll(future.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return all;
    }

    @Override
    public Instant now() {
        return partitions.get(0).now();
    }

    @Override
    public Optional<Instant> nextTimeChange() {
        return partitions.stream().map(SegmentEngine::nextTimeChange).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    @Override
    public SortedSet<String> segmentIds() {
        SortedSet<String> ids = new TreeSet<>();
        partitions.forEach(engine -> ids.addAll(engine.segmentIds()));
        return Collections.unmodifiableSortedSet(ids);
    }

    @Override
    public SortedSet<String> members(String segmentId) {
        SortedSet<String> members = new TreeSet<>();
        partitions.forEach(engine -> members.addAll(engine.members(segmentId)));
        return Collections.unmodifiableSortedSet(members);
    }

    @Override
    public SortedSet<String> segmentsOf(String contactId) {
        return partitionOf(contactId).segmentsOf(contactId);
    }

    @Override
    public SortedMap<String, Integer> counts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        partitions.forEach(engine -> engine.counts().forEach((id, count) -> counts.merge(id, count, Integer::sum)));
        return Collections.unmodifiableSortedMap(counts);
    }

    @Override
    public Optional<ContactData> contact(String contactId) {
        return partitionOf(contactId).contact(contactId);
    }

    @Override
    public int contactCount() {
        return partitions.stream().mapToInt(SegmentEngine::contactCount).sum();
    }

    @Override
    public ZoneId zone() {
        return partitions.get(0).zone();
    }

    @Override
    public void addListener(MembershipListener listener) {
        MembershipListener serialized = changes -> {
            synchronized (listenerLock) {
                listener.membershipsChanged(changes);
            }
        };
        listenerWrappers.put(listener, serialized);
        partitions.forEach(engine -> engine.addListener(serialized));
    }

    @Override
    public void removeListener(MembershipListener listener) {
        Object serialized = listenerWrappers.remove(listener);
        if (serialized != null) {
            partitions.forEach(engine -> engine.removeListener((MembershipListener) serialized));
        }
    }

    @Override
    public void addWorkflowListener(WorkflowListener listener) {
        WorkflowListener serialized = events -> {
            synchronized (listenerLock) {
                listener.workflowEvents(events);
            }
        };
        partitions.forEach(engine -> engine.addWorkflowListener(serialized));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        partitions.forEach(SegmentEngine::close);
    }
}
