package dev.segments.bench.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long the JVM stood still for garbage collection, so that a timed window can show how much of it was the
 * collector's: at a million contacts one young collection takes about half a second, as long as some windows.
 */
final class CollectionPauses {

    private CollectionPauses() {
    }

    /**
     * Milliseconds of young, mixed and full collections since the JVM started; G1's concurrent cycles, which run
     * beside the application, are left out.
     */
    static long millisSoFar() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().contains("Concurrent")) {
                total += Math.max(0, collector.getCollectionTime());
            }
        }
        return total;
    }
}
