package dev.segments.bench.run;

import dev.segments.bench.BenchSubject;
import dev.segments.bench.BenchWorkload;
import dev.segments.bench.Change;
import dev.segments.bench.engine.EngineSubject;
import dev.segments.definition.SegmentDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * One size of the benchmark, in one JVM: every subject in turn goes through the same four scenarios with the same
 * workload (load, change stream, time passing, segment edit and back), then the engine's partitions are compared. The
 * first subject's counts are the yardstick every other subject must agree with.
 */
public final class BenchRun {

    static final String SETUP = "0 workload";
    static final String LOAD = "1 load";
    static final String CHANGES = "2 change stream";
    static final String CHANGE_KINDS = "2 change stream, by kind";
    static final String TIME = "3 time passing";
    static final String EDIT = "4 segment edit";
    static final String PARTITIONS = "partitions";

    private final BenchConfig config;
    private final BenchWorkload workload;
    private final Subjects subjects;
    private final Consumer<Result> sink;
    private Agreement afterLoad, afterChanges, afterTime, afterEdit, afterEditBack;
    private List<Instant> timeSteps;
    private Instant settleTo;
    private Set<String> editableSegments;

    BenchRun(BenchConfig config, BenchWorkload workload, Subjects subjects, Consumer<Result> sink) {
        this.config = config;
        this.workload = workload;
        this.subjects = subjects;
        this.sink = sink;
    }

    /** Runs the configuration in this JVM; every result goes to {@code sink} as soon as it is measured. */
    public static void run(BenchConfig config, Consumer<Result> sink) {
        BenchWorkload workload = Workloads.generate(config);
        new BenchRun(config, workload, new Subjects(config, workload), sink).run();
    }

    /** Child-JVM entry point: {@code BenchRun CONFIG_JSON RESULTS_JSONL}. */
    public static void main(String[] args) {
        JsonMapper json = JsonMapper.builder().build();
        BenchConfig config = json.readValue(args[0], BenchConfig.class);
        Path out = Path.of(args[1]);
        run(config, result -> {
            try {
                Files.writeString(out, json.writeValueAsString(result) + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.err.println(result);
        });
    }

    void run() {
        emit(SETUP, "all", "max heap", Runtime.getRuntime().maxMemory() / 1e9, "GB");
        emit(SETUP, "all", "events", workload.events().size(), "");
        editableSegments = new TreeSet<>(Set.of(workload.edit().id()));
        boolean measureEmptyEngine = config.subjects().contains("engine");
        long emptyEngineBytes = measureEmptyEngine ? emptyEngineHeap() : -1;
        for (String name : config.subjects()) {
            try (BenchSubject subject = subjects.open(name)) {
                runScenarios(subject, emptyEngineBytes);
            } catch (OutOfMemoryError e) {
                sink.accept(Result.of(config, LOAD, name, "did not fit", Double.NaN, "")
                        .withNote("OutOfMemoryError at -Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB"));
            }
            HeapUsage.afterGc();
        }
        for (int partitions : config.partitions()) {
            partitionThroughput(partitions);
        }
    }

    private void runScenarios(BenchSubject subject, long emptyEngineBytes) {
        String name = subject.name();
        long heapBefore = HeapUsage.afterGc();
        double loadSeconds = seconds(() -> subject.load(workload.contacts(), workload.events()));
        long heapAfter = HeapUsage.afterGc();
        SortedMap<String, Integer> counts = subject.counts();
        long memberships = Agreement.memberships(counts);
        int n = workload.contacts().size();
        emit(LOAD, name, "contacts/s", n / loadSeconds, "contacts/s");
        emit(LOAD, name, "load time", loadSeconds, "s");
        emit(LOAD, name, "memberships", memberships, "");
        if (!name.equals("postgres")) {
            long bytes = heapAfter - heapBefore;
            emit(LOAD, name, "heap", bytes / 1e6, "MB");
            emit(LOAD, name, "bytes/contact", bytes / (double) n, "B");
            if (name.equals("engine") && emptyEngineBytes >= 0 && memberships > 0) {
                emit(LOAD, name, "bytes/contact without segments", emptyEngineBytes / (double) n, "B");
                emit(LOAD, name, "bytes/membership", (bytes - emptyEngineBytes) / (double) memberships, "B");
            }
        }
        afterLoad = agree(afterLoad, LOAD, subject);

        // The warm-up goes through the timed loop itself, so that the loop is compiled before it is timed.
        timeChanges(subject, workload.warmUp(), new Histogram(3_600_000_000_000L, 3),
                new LatencyByKind(workload.warmUp().size()));
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        LatencyByKind byKind = new LatencyByKind(workload.changes().size());
        long pausedBefore = CollectionPauses.millisSoFar();
        ThreadCpu.Snapshot cpuBefore = ThreadCpu.now();
        double changeSeconds = timeChanges(subject, workload.changes(), latency, byKind);
        long paused = CollectionPauses.millisSoFar() - pausedBefore;
        ThreadCpu.Snapshot cpuAfter = ThreadCpu.now();
        emit(CHANGES, name, "p50", latency.getValueAtPercentile(50) / 1e3, "µs");
        emit(CHANGES, name, "p99", latency.getValueAtPercentile(99) / 1e3, "µs");
        emit(CHANGES, name, "p99.9", latency.getValueAtPercentile(99.9) / 1e3, "µs");
        emit(CHANGES, name, "max", latency.getMaxValue() / 1e3, "µs");
        emit(CHANGES, name, "throughput", workload.changes().size() / changeSeconds, "changes/s");
        emit(CHANGES, name, "collection pauses", paused, "ms");
        if (!cpuAfter.isEmpty()) {
            Map<String, Long> cpu = cpuAfter.since(cpuBefore);
            for (String kind : ThreadCpu.KINDS) {
                emit(CHANGES, name, "cpu of " + kind, cpu.getOrDefault(kind, 0L), "ms");
            }
        }
        emitByKind(name, byKind);
        afterChanges = agree(afterChanges, CHANGES, subject);

        List<Instant> steps = timeSteps(subject);
        List<String> labels = List.of("nothing due", "1 hour", "1 day");
        int first = subject.rebuildsOnEveryClockMove() ? steps.size() - 1 : 0;
        if (first == 0) {
            // Untimed, halfway to "nothing due" (nothing is due there either): the first clock move of a run runs
            // code for the first time, 0.4 ms of a move that costs the engine microseconds afterwards.
            subject.advanceTo(settleTo.plus(Duration.between(settleTo, steps.get(0)).dividedBy(2)));
        } else {
            sink.accept(Result.of(config, TIME, name, labels.get(0) + ": time", Double.NaN, "ms")
                    .withNote("a full rebuild whatever the step, so timed once, at the last step"));
        }
        for (int i = first; i < steps.size(); i++) {
            Instant to = steps.get(i);
            long[] changed = new long[1];
            double s = seconds(() -> changed[0] = subject.advanceTo(to));
            emit(TIME, name, labels.get(i) + ": time", s * 1e3, "ms");
            emit(TIME, name, labels.get(i) + ": changes", changed[0], "");
        }
        afterTime = agree(afterTime, TIME, subject);

        long[] changed = new long[1];
        double editSeconds = seconds(() -> changed[0] = subject.replaceSegment(workload.edit()));
        emit(EDIT, name, "edit time", editSeconds * 1e3, "ms");
        emit(EDIT, name, "changes", changed[0], "");
        Set<String> others = new TreeSet<>(otherSegmentsChanged(subject));
        emit(EDIT, name, "full rebuild (load) time", loadSeconds * 1e3, "ms");
        afterEdit = agree(afterEdit, EDIT, subject);

        // The same segment edited back: an edit that is not the first after a load, as a rule author's next one is.
        double backSeconds = seconds(() -> changed[0] = subject.replaceSegment(original(workload.edit().id())));
        emit(EDIT, name, "edit back time", backSeconds * 1e3, "ms");
        emit(EDIT, name, "edit back changes", changed[0], "");
        if (subject instanceof EngineSubject) {
            others.addAll(otherSegmentsChanged(subject));
            emit(EDIT, name, "other segments changed", others.size(), "");
        }
        afterEditBack = agree(afterEditBack, EDIT, "agrees after edit back", subject);
    }

    /** Applies the changes one by one, recording each one's latency; returns the seconds they took in all. */
    private static double timeChanges(BenchSubject subject, List<Change> changes, Histogram latency,
            LatencyByKind byKind) {
        long start = System.nanoTime();
        for (Change change : changes) {
            long t = System.nanoTime();
            subject.apply(change);
            long nanos = System.nanoTime() - t;
            latency.recordValue(nanos);
            byKind.record(change.kind(), nanos);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void emitByKind(String name, LatencyByKind byKind) {
        byKind.histograms().forEach((kind, histogram) -> {
            String row = name + ", " + kind;
            emit(CHANGE_KINDS, row, "changes", histogram.getTotalCount(), "");
            emit(CHANGE_KINDS, row, "p50", histogram.getValueAtPercentile(50) / 1e3, "µs");
            emit(CHANGE_KINDS, row, "p99", histogram.getValueAtPercentile(99) / 1e3, "µs");
            int[] slow = byKind.slowByStretch(kind);
            for (int i = 0; i < slow.length; i++) {
                emit(CHANGE_KINDS, row, "over 200 µs, quarter " + (i + 1), slow[i], "");
            }
        });
    }

    /** For the engine, the segments other than the edited one (and those reading it) that the last edit changed. */
    private Set<String> otherSegmentsChanged(BenchSubject subject) {
        if (!(subject instanceof EngineSubject engine)) {
            return Set.of();
        }
        Set<String> others = new TreeSet<>(engine.lastChangedSegments());
        others.removeAll(Workloads.withDependents(workload.segments(), workload.edit().id()));
        return others;
    }

    private SegmentDefinition original(String segmentId) {
        return workload.segments().stream().filter(s -> s.id().equals(segmentId)).findFirst().orElseThrow();
    }

    /**
     * Nothing due (to 1 ms before the engine's next time change), one hour, one day; chosen by the first subject that
     * can tell (the engine), then the same instants for all. Changes due within 2 ms of now are first let happen,
     * untimed ({@code settle}), so that "nothing due" has a gap to fall in.
     */
    private List<Instant> timeSteps(BenchSubject subject) {
        if (timeSteps == null) {
            Instant now = workload.start();
            Instant settle = now;
            if (subject instanceof EngineSubject engine) {
                for (int attempt = 0; attempt < 1_000; attempt++) {
                    Optional<Instant> next = engine.segments().nextTimeChange();
                    if (next.isEmpty() || next.get().isAfter(settle.plusMillis(2))) {
                        break;
                    }
                    settle = next.get();
                    engine.advanceTo(settle);
                }
                now = settle;
            }
            Instant from = now;
            Instant quiet = subject instanceof EngineSubject engine
                    ? engine.segments().nextTimeChange().map(n -> n.minusMillis(1)).orElse(from.plusMillis(1))
                    : from.plusMillis(1);
            settleTo = settle;
            timeSteps = List.of(quiet, quiet.plus(Duration.ofHours(1)), quiet.plus(Duration.ofHours(25)));
        } else if (settleTo.isAfter(workload.start())) {
            subject.advanceTo(settleTo);
        }
        return timeSteps;
    }

    private Agreement agree(Agreement reference, String scenario, BenchSubject subject) {
        return agree(reference, scenario, "agrees", subject);
    }

    private Agreement agree(Agreement reference, String scenario, String metric, BenchSubject subject) {
        if (reference == null) {
            return new Agreement(subject.counts(), subject.name());
        }
        sink.accept(reference.check(config, scenario, metric, subject.name(), subject.counts()));
        return reference;
    }

    private long emptyEngineHeap() {
        long before = HeapUsage.afterGc();
        try (EngineSubject empty = new EngineSubject(List.of(), workload.zone(), workload.start(), 1)) {
            empty.load(workload.contacts(), workload.events());
            return HeapUsage.afterGc() - before;
        }
    }

    /**
     * P partitions loaded in parallel, then written: a change stream of its own (the engines are fresh, so their
     * generated rule classes need the first quarter to warm up), the rest timed in four windows, alternately from the
     * configured client threads, each writing any contact, and from one client thread per partition, each writing the
     * contacts of its partition (in the order shared, by partition, by partition, shared, so that both ways of writing
     * meet the stream's later collections alike); then scenario 4's segment edit, which every partition applies at once.
     */
    private void partitionThroughput(int partitions) {
        String name = "engine P=" + partitions;
        List<Change> stream = Workloads.partitionChanges(config, workload);
        int warmedUp = stream.size() / 4;
        int window = (stream.size() - warmedUp) / 4;
        try (EngineSubject engine = new EngineSubject(workload.segments(), workload.zone(), workload.start(),
                partitions)) {
            double load = seconds(() -> engine.load(workload.contacts(), workload.events()));
            engine.applyConcurrently(stream.subList(0, warmedUp), config.clients());
            WindowTotals shared = new WindowTotals();
            WindowTotals byPartition = new WindowTotals();
            for (int w = 0; w < 4; w++) {
                List<Change> changes = stream.subList(warmedUp + w * window,
                        w == 3 ? stream.size() : warmedUp + (w + 1) * window);
                if (w == 0 || w == 3) {
                    shared.time(changes, () -> engine.applyConcurrently(changes, config.clients()));
                } else {
                    byPartition.time(changes, () -> engine.applyWithAWriterPerPartition(changes));
                }
            }
            emit(PARTITIONS, name, "load", workload.contacts().size() / load, "contacts/s");
            emit(PARTITIONS, name, "changes", shared.changesPerSecond(), "changes/s");
            emit(PARTITIONS, name, "changes, a writer per partition", byPartition.changesPerSecond(), "changes/s");
            emit(PARTITIONS, name, "collection pauses, changes", shared.pausedMillis, "ms");
            emit(PARTITIONS, name, "collection pauses, a writer per partition", byPartition.pausedMillis, "ms");
            if (!byPartition.cpuMillis.isEmpty()) {
                emit(PARTITIONS, name, "cpu of collector, a writer per partition",
                        byPartition.cpuMillis.getOrDefault(ThreadCpu.COLLECTOR, 0L), "ms");
                emit(PARTITIONS, name, "cpu of compilers, a writer per partition",
                        byPartition.cpuMillis.getOrDefault(ThreadCpu.COMPILERS, 0L), "ms");
                emit(PARTITIONS, name, "seconds, a writer per partition", byPartition.seconds, "s");
            }
            double edit = seconds(() -> engine.replaceSegment(workload.edit()));
            emit(PARTITIONS, name, "edit time", edit * 1e3, "ms");
        }
        HeapUsage.afterGc();
    }

    /**
     * Changes, seconds, the collector's pauses and the CPU of threads other than the caller's by kind (the writers are
     * among the "other threads" when they are not the caller), summed over the timed windows of one way of writing.
     */
    private static final class WindowTotals {
        int changes;
        double seconds;
        long pausedMillis;
        final Map<String, Long> cpuMillis = new HashMap<>();

        void time(List<Change> window, Runnable writing) {
            long pausedBefore = CollectionPauses.millisSoFar();
            ThreadCpu.Snapshot cpuBefore = ThreadCpu.now();
            seconds += seconds(writing);
            pausedMillis += CollectionPauses.millisSoFar() - pausedBefore;
            ThreadCpu.now().since(cpuBefore).forEach((kind, millis) -> cpuMillis.merge(kind, millis, Long::sum));
            changes += window.size();
        }

        double changesPerSecond() {
            return changes / seconds;
        }
    }

    private void emit(String scenario, String subject, String metric, double value, String unit) {
        sink.accept(Result.of(config, scenario, subject, metric, value, unit));
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
