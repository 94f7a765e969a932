package dev.segments.measure;

import dev.segments.contact.ContactData;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipFacts;
import dev.segments.engine.RuleSources;
import dev.segments.engine.RulesDirectory;
import java.nio.file.Path;
import dev.segments.engine.SegmentEngine;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A first measurement of speed and memory, before the benchmark harness exists (not a test; no timing asserted).
 * Run: {@code ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt && java -Xmx8g
 * -cp target/classes:target/test-classes:$(cat cp.txt) dev.segments.measure.EngineMeasurement CONTACTS RULES UPDATES},
 * RULES being a rules directory or a number of random segments. A fourth argument {@code ALL} keeps every membership
 * as a fact ({@link MembershipFacts#ALL}; default {@code OBSERVED}); a fifth, {@code hold}, waits a minute after
 * loading, for a heap histogram ({@code jcmd PID GC.class_histogram}).
 */
public final class EngineMeasurement {

    public static void main(String[] args) {
        int contacts = Integer.parseInt(args[0]);
        int updates = Integer.parseInt(args[2]);
        RuleSources sources = args[1].matches("\\d+")
                ? RuleSources.of(new RandomSegments(new Random(1)).segments(Integer.parseInt(args[1])))
                : RulesDirectory.load(Path.of(args[1]));
        int segmentCount = sources.segments().size() + sources.handwritten().size();
        RandomContacts random = new RandomContacts(new Random(2));
        List<ContactData> population = random.contacts(contacts);
        long heapBefore = usedHeapAfterGc();
        MembershipFacts facts = args.length > 3 ? MembershipFacts.valueOf(args[3]) : MembershipFacts.OBSERVED;
        try (SegmentEngine engine = SegmentEngine.start(sources,
                EngineOptions.startingAt(RandomContacts.BASE).withMembershipFacts(facts))) {
            long start = System.nanoTime();
            population.forEach(engine::upsert);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long memberships = engine.counts().values().stream().mapToLong(Integer::longValue).sum();
            long heapLoaded = usedHeapAfterGc();
            System.out.printf("load: %d contacts, %d segments in %.2f s = %.0f contacts/s; %d memberships (%.1f per contact)%n",
                    contacts, segmentCount, loadSeconds, contacts / loadSeconds, memberships,
                    memberships / (double) contacts);
            System.out.printf("heap: %.1f MB over the population's own %.1f MB = %.0f bytes per contact%n",
                    (heapLoaded - heapBefore) / 1e6, heapBefore / 1e6, (heapLoaded - heapBefore) / (double) contacts);
            if (args.length > 4 && args[4].equals("hold")) {
                System.out.printf("holding for a heap histogram: pid %d%n", ProcessHandle.current().pid());
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            long[] micros = new long[updates];
            Random pick = new Random(3);
            for (int i = 0; i < updates; i++) {
                ContactData changed = random.contact(population.get(pick.nextInt(contacts)).id());
                long t = System.nanoTime();
                engine.upsert(changed);
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("update (whole contact replaced, random fields): p50 %d µs, p99 %d µs, max %d µs%n",
                    micros[updates / 2], micros[(int) (updates * 0.99)], micros[updates - 1]);

            long t = System.nanoTime();
            int hour = engine.advanceTo(engine.now().plus(Duration.ofHours(1))).size();
            System.out.printf("advance one hour: %d changes in %.1f ms%n", hour, (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            int changes = engine.advanceTo(engine.now().plus(Duration.ofDays(1))).size();
            System.out.printf("advance one day: %d changes in %.1f ms%n", changes, (System.nanoTime() - t) / 1e6);
            for (int attempt = 0; attempt < 100; attempt++) {
                Instant next = engine.nextTimeChange().orElse(engine.now().plus(Duration.ofDays(1)));
                if (Duration.between(engine.now(), next).toMillis() > 2) {
                    Instant quiet = next.minusMillis(1);
                    long jump = Duration.between(engine.now(), quiet).toMillis();
                    long before = System.nanoTime();
                    int none = engine.advanceTo(quiet).size();
                    System.out.printf("advance with nothing due (%d ms, to 1 ms before the next change): %d changes "
                            + "in %.1f µs%n", jump, none,
                            (System.nanoTime() - before) / 1e3);
                    break;
                }
                engine.advanceTo(next);
            }
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
