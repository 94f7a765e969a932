package dev.segments.bench.probe;

import dev.segments.bench.Change;
import dev.segments.bench.engine.EngineSubject;
import dev.segments.bench.workload.ChangeStream;
import dev.segments.bench.workload.SegmentEdits;
import dev.segments.bench.workload.Workload;
import dev.segments.definition.SegmentDefinition;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Times segment edits the way the benchmark's scenario 4 makes them, more than once per JVM: a load, a stream of
 * changes (so that edits meet contacts written since the load), then the benchmark's edit and the edit back, in turn.
 * The workload is the benchmark's for the same seed (42).
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx16g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.segments.bench.probe.EditProbe \
 *     1000000 50 100000 4
 * </pre>
 * Arguments: contacts, segments, changes before the first edit, edits.
 */
public final class EditProbe {

    private static final long SEED = 42;

    private EditProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: EditProbe CONTACTS SEGMENTS CHANGES EDITS");
            System.exit(2);
        }
        int contacts = Integer.parseInt(args[0]);
        int segments = Integer.parseInt(args[1]);
        int changeCount = Integer.parseInt(args[2]);
        int edits = Integer.parseInt(args[3]);
        Workload workload = Workload.generate(SEED, contacts, 10, segments);
        SegmentDefinition original = workload.segments().get(workload.segments().size() / 2);
        SegmentDefinition edited = new SegmentEdits(SEED + 2).edited(original);
        List<Change> changes = new ChangeStream(SEED + 1).changes(workload.contacts(), Workload.START, changeCount);
        try (EngineSubject engine = new EngineSubject(workload.segments(), ZoneOffset.UTC, Workload.START, 1)) {
            long start = System.nanoTime();
            engine.load(workload.contacts(), workload.events());
            System.out.printf("load %.2f s%n", (System.nanoTime() - start) / 1e9);
            changes.forEach(engine::apply);
            for (int i = 0; i < edits; i++) {
                SegmentDefinition next = i % 2 == 0 ? edited : original;
                long collectedBefore = collectionMillis();
                start = System.nanoTime();
                long changed = engine.replaceSegment(next);
                System.out.printf("edit %d %.3f s (collections %d ms), %d changes%n", i + 1,
                        (System.nanoTime() - start) / 1e9, collectionMillis() - collectedBefore, changed);
            }
        }
    }

    /** The time the collectors report spending so far, pauses and concurrent work alike. */
    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
