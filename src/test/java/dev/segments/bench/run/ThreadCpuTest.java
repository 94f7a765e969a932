package dev.segments.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aWindowCountsEachRunningThreadsShareAndNothingForAThreadThatEndedInIt() {
        ThreadCpu.Snapshot before = new ThreadCpu.Snapshot(Map.of(
                "101", new ThreadCpu.ThreadTime(ThreadCpu.COMPILERS, 100),
                "102", new ThreadCpu.ThreadTime(ThreadCpu.OTHERS, 12_800), // a pool thread that ends in the window
                "103", new ThreadCpu.ThreadTime(ThreadCpu.COLLECTOR, 40)));
        ThreadCpu.Snapshot after = new ThreadCpu.Snapshot(Map.of(
                "101", new ThreadCpu.ThreadTime(ThreadCpu.COMPILERS, 150),
                "103", new ThreadCpu.ThreadTime(ThreadCpu.COLLECTOR, 40),
                "104", new ThreadCpu.ThreadTime(ThreadCpu.OTHERS, 30))); // started in the window

        assertThat(after.since(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                ThreadCpu.COMPILERS, 50L, ThreadCpu.COLLECTOR, 0L, ThreadCpu.OTHERS, 30L));
    }

    @Test
    void aThreadBusyInTheWindowShowsItsTime() throws InterruptedException {
        ThreadCpu.Snapshot before = ThreadCpu.now();
        Thread busy = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            synchronized (ThreadCpuTest.class) {
                ThreadCpuTest.class.notifyAll();
            }
            try {
                Thread.sleep(2_000); // still alive when the window closes
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "busy-in-window");
        busy.setDaemon(true);
        synchronized (ThreadCpuTest.class) {
            busy.start();
            ThreadCpuTest.class.wait(10_000);
        }
        ThreadCpu.Snapshot after = ThreadCpu.now();
        busy.interrupt();

        if (!before.isEmpty()) { // Linux only: read from /proc
            assertThat(after.since(before).get(ThreadCpu.OTHERS)).as("about 300 ms of spinning").isGreaterThan(100L);
        }
    }
}
