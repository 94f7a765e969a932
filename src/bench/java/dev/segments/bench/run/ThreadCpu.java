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

    /**
     * The CPU time so far of every thread of this JVM but the calling one, each by its id: a window's share is then
     * taken thread by thread, so that a thread ending within the window (an idle pool thread after a minute) does not
     * take its whole CPU time off the window's.
     */
    static Snapshot now() {
        Map<String, ThreadTime> threads = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new Snapshot(threads);
        }
        String self;
        try {
            self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException unreadable) {
            return new Snapshot(threads);
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.filter(thread -> !thread.getFileName().toString().equals(self)).forEach(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    threads.put(thread.getFileName().toString(), new ThreadTime(kindOf(name), ticks * MILLIS_PER_TICK));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we read it
                }
            });
        } catch (IOException unreadable) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(threads);
    }

    /** The threads' CPU times at one moment; empty where {@code /proc} is not there. */
    record Snapshot(Map<String, ThreadTime> threads) {

        boolean isEmpty() {
            return threads.isEmpty();
        }

        /**
         * Milliseconds of CPU by kind since {@code before}: for each thread now running, its time now less its time
         * then (all of it if it started since). A thread that ended in between counts nothing, as its time is gone.
         */
        Map<String, Long> since(Snapshot before) {
            Map<String, Long> byKind = new HashMap<>();
            threads.forEach((id, thread) -> {
                ThreadTime earlier = before.threads.get(id);
                long millis = thread.millis - (earlier == null ? 0 : earlier.millis);
                byKind.merge(thread.kind, millis, Long::sum);
            });
            return byKind;
        }
    }

    /** One thread's CPU time so far, and its kind. */
    record ThreadTime(String kind, long millis) {
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
