package dev.segments.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's other threads by kind, read from Linux's {@code /proc}, so that a timed window shows what
 * shared the cores with the thread being timed: on two cores, a JIT compiler or G1's threads at work take the timed
 * thread's core from it now and then. Empty where {@code /proc} is not there.
 */
final class ThreadCpu {

    static final String COMPILERS = "compilers";
    static final String COLLECTOR = "collector";
    static final String OTHERS = "other threads";
    static final List<String> KINDS = List.of(COMPILERS, COLLECTOR, OTHERS);

    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ). */
    private static final long MILLIS_PER_TICK = 10;

    private ThreadCpu() {
    }

    /** Milliseconds of CPU so far, by kind, of every thread of this JVM but the calling one. */
    static Map<String, Long> millisSoFar() {
        Map<String, Long> byKind = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return byKind;
        }
        String self;
        try {
            self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException unreadable) {
            return byKind;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.filter(thread -> !thread.getFileName().toString().equals(self)).forEach(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    byKind.merge(kindOf(name), ticks * MILLIS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we read it
                }
            });
        } catch (IOException unreadable) {
            return Map.of();
        }
        return byKind;
    }

    private static String kindOf(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return COMPILERS;
        }
        if (threadName.startsWith("G1 ") || threadName.startsWith("GC Thread")) {
            return COLLECTOR;
        }
        return OTHERS;
    }
}
