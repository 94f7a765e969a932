package dev.segments.autoconfigure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.SmartLifecycle;

/** A lifecycle bean that runs its work on one daemon thread of its own while the context runs. */
abstract class BackgroundLifecycle implements SmartLifecycle {

    private final String threadName;
    private ScheduledExecutorService executor;

    BackgroundLifecycle(String threadName) {
        this.threadName = threadName;
    }

    /** Schedules the work on the executor; called once, when the context starts. */
    protected abstract void begin(ScheduledExecutorService executor);

    /** Whether there is any work to run (a bean may be configured off). */
    protected boolean enabled() {
        return true;
    }

    @Override
    public synchronized void start() {
        if (!enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        begin(executor);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
