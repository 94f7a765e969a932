package dev.segments.bench.probe;

import dev.segments.bench.Change;
import dev.segments.bench.engine.EngineSubject;
import dev.segments.bench.workload.ChangeStream;
import dev.segments.bench.workload.Workload;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares the change path of two builds of the engine on one machine at the same moments: each build runs in a class
 * loader of its own, in one JVM, with its own engine loaded with the same workload, and both apply the same change
 * stream in alternating batches (which build goes first alternates too). Separate runs of one build differ by up to
 * 2 × on a shared machine; here a build against itself measures the same to a few percent (docs/benchmark-history.md,
 * "Seventh round").
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx12g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.segments.bench.probe.TwoBuilds \
 *     /path/to/other/checkout/target/classes target/classes 100000 50 40000
 * </pre>
 * Arguments: the two builds' {@code target/classes}, contacts, segments, changes (the first quarter untimed).
 */
public final class TwoBuilds {

    private static final int BATCH = 500;

    private TwoBuilds() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TwoBuilds CLASSES_A CLASSES_B CONTACTS SEGMENTS CHANGES");
            System.exit(2);
        }
        int contacts = Integer.parseInt(args[2]);
        int segments = Integer.parseInt(args[3]);
        int changes = Integer.parseInt(args[4]);
        List<Object> lanes = new ArrayList<>();
        List<Method> runs = new ArrayList<>();
        List<Method> allocations = new ArrayList<>();
        for (String build : List.of(args[0], args[1])) {
            ClassLoader loader = loaderFor(Path.of(build));
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> lane = Class.forName(Lane.class.getName(), true, loader);
            Object instance = lane.getConstructor(int.class, int.class, int.class)
                    .newInstance(contacts, segments, changes);
            lanes.add(instance);
            runs.add(lane.getMethod("run", int.class, int.class));
            allocations.add(lane.getMethod("allocated"));
        }
        int untimed = changes / 4;
        List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>());
        long[] allocatedBefore = new long[2];
        for (int from = 0; from < changes; from += BATCH) {
            int to = Math.min(changes, from + BATCH);
            for (int turn = 0; turn < 2; turn++) {
                int k = (from / BATCH + turn) % 2;
                if (from == untimed) {
                    allocatedBefore[k] = (long) allocations.get(k).invoke(lanes.get(k));
                }
                long[] times = (long[]) runs.get(k).invoke(lanes.get(k), from, to);
                if (from >= untimed) {
                    Arrays.stream(times).forEach(nanos.get(k)::add);
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            long[] sorted = nanos.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
            long allocated = (long) allocations.get(k).invoke(lanes.get(k)) - allocatedBefore[k];
            System.out.printf("%s: p50 %.1f p90 %.1f p99 %.1f µs, %.0f B allocated per change (%d changes)%n",
                    args[k], micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99),
                    allocated / (double) sorted.length, sorted.length);
        }
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) (sorted.length * quantile)] / 1e3;
    }

    /** The build's classes first, then this probe's own classes and every jar of this JVM's class path. */
    private static ClassLoader loaderFor(Path build) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(build.toUri().toURL());
        urls.add(TwoBuilds.class.getProtectionDomain().getCodeSource().getLocation());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** One build's engine and change stream; loaded once per build, so each sees its own engine classes. */
    public static final class Lane {

        private final EngineSubject engine;
        private final List<Change> changes;
        private long allocated;

        public Lane(int contacts, int segments, int changes) {
            Workload workload = Workload.generate(42, contacts, 10, segments);
            this.engine = new EngineSubject(workload.segments(), ZoneOffset.UTC, Workload.START, 1);
            engine.load(workload.contacts(), workload.events());
            this.changes = new ChangeStream(7).changes(workload.contacts(), Workload.START, changes);
        }

        /** Applies changes {@code from} to {@code to}; the nanoseconds each took. */
        public long[] run(int from, int to) {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            long[] nanos = new long[to - from];
            for (int i = from; i < to; i++) {
                long start = System.nanoTime();
                engine.apply(changes.get(i));
                nanos[i - from] = System.nanoTime() - start;
            }
            allocated += threads.getCurrentThreadAllocatedBytes() - before;
            return nanos;
        }

        public long allocated() {
            return allocated;
        }
    }
}
