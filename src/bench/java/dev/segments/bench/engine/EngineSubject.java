package dev.segments.bench.engine;

import dev.segments.bench.BenchSubject;
import dev.segments.bench.Change;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.PartitionedSegments;
import dev.segments.engine.RuleSources;
import dev.segments.engine.Segments;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** The live engine under measurement: P partitions ({@link PartitionedSegments}), one when P is 1. */
public final class EngineSubject implements BenchSubject {

    private final List<SegmentDefinition> segments;
    private final Segments engine;
    private final int partitions;
    private final String name;
    private Set<String> lastChangedSegments = Set.of();

    public EngineSubject(List<SegmentDefinition> segments, ZoneId zone, Instant start, int partitions) {
        this.segments = new ArrayList<>(segments);
        this.engine = PartitionedSegments.start(RuleSources.of(segments), new EngineOptions(zone, start), partitions);
        this.partitions = partitions;
        this.name = partitions == 1 ? "engine" : "engine P=" + partitions;
    }

    @Override
    public String name() {
        return name;
    }

    /** The engine itself, for scenarios that drive it from several threads. */
    public Segments segments() {
        return engine;
    }

    @Override
    public void load(List<ContactData> contacts, List<EmailEvent> events) {
        engine.load(contacts, events);
    }

    /** Applies the changes from {@code threads} client threads; each contact's changes stay on one thread, in order. */
    public void applyConcurrently(List<Change> changes, int threads) {
        // High hash bits: lanes independent of the partitions (low bits), as a service's request threads would be.
        inLanes(threads, changes, change -> Math.floorMod(change.contactId().hashCode() >>> 16, threads), this::apply);
    }

    /** Applies the changes from one client thread per partition, each writing the contacts of its partition. */
    public void applyWithAWriterPerPartition(List<Change> changes) {
        inLanes(partitions, changes, change -> PartitionedSegments.partitionOf(change.contactId(), partitions),
                this::apply);
    }

    @Override
    public void apply(Change change) {
        if (change instanceof Change.Edit edit) {
            engine.upsert(edit.after());
        } else if (change instanceof Change.Event event) {
            engine.record(event.event());
        }
    }

    @Override
    public long advanceTo(Instant instant) {
        return remember(engine.advanceTo(instant));
    }

    @Override
    public long replaceSegment(SegmentDefinition segment) {
        segments.replaceAll(s -> s.id().equals(segment.id()) ? segment : s);
        return remember(engine.updateRules(RuleSources.of(segments)));
    }

    /** The segments whose memberships the last {@link #advanceTo} or {@link #replaceSegment} changed. */
    public Set<String> lastChangedSegments() {
        return lastChangedSegments;
    }

    @Override
    public SortedMap<String, Integer> counts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        segments.forEach(s -> counts.put(s.id(), 0));
        counts.putAll(engine.counts());
        return counts;
    }

    @Override
    public void close() {
        engine.close();
    }

    private long remember(List<MembershipChange> changes) {
        Set<String> changed = new TreeSet<>();
        changes.forEach(c -> changed.add(c.segmentId()));
        lastChangedSegments = changed;
        return changes.size();
    }

    /** Each item on the thread its lane names; a contact's changes must map to one lane, so they stay in order. */
    private static <T> void inLanes(int threads, List<T> items, ToIntFunction<T> laneOf, Consumer<T> action) {
        List<List<T>> lanes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            lanes.add(new ArrayList<>());
        }
        items.forEach(item -> lanes.get(laneOf.applyAsInt(item)).add(item));
        List<Thread> workers = new ArrayList<>();
        for (List<T> lane : lanes) {
            workers.add(new Thread(() -> lane.forEach(action)));
        }
        workers.forEach(Thread::start);
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
