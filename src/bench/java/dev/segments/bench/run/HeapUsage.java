package dev.segments.bench.run;

import java.lang.management.ManagementFactory;

/** Live heap, measured after full collections so that only reachable objects count. */
final class HeapUsage {

    private HeapUsage() {
    }

    static long afterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
