package dev.segments.bench.run;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The change stream's latencies split by kind of change, and where in the stream the slow ones fell: a p99 that
 * moves between runs of the same code is either one kind of change taking a slow path (it shows in that kind's row,
 * spread over the stream) or something else taking the writer's core for a while (every kind, one stretch of it).
 */
final class LatencyByKind {

    /** The p99 goal: a change slower than this is slow. */
    static final long SLOW_NANOS = 200_000;
    static final int STRETCHES = 4;

    private final Map<String, Histogram> byKind = new TreeMap<>();
    private final Map<String, int[]> slowByStretch = new TreeMap<>();
    private final int total;
    private int recorded;

    LatencyByKind(int total) {
        this.total = total;
    }

    void record(String kind, long nanos) {
        byKind.computeIfAbsent(kind, k -> new Histogram(3_600_000_000_000L, 3)).recordValue(nanos);
        if (nanos > SLOW_NANOS) {
            int stretch = (int) ((long) recorded * STRETCHES / Math.max(total, 1));
            slowByStretch.computeIfAbsent(kind, k -> new int[STRETCHES])[Math.min(stretch, STRETCHES - 1)]++;
        }
        recorded++;
    }

    Map<String, Histogram> histograms() {
        return byKind;
    }

    /** How many changes of this kind were slow in each quarter of the stream, in order. */
    int[] slowByStretch(String kind) {
        return slowByStretch.getOrDefault(kind, new int[STRETCHES]).clone();
    }
}
