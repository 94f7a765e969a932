package dev.segments.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one thread that writes to a partition, in the order writes were submitted. A write submitted from the writer
 * itself (a listener writing back) runs at once: queueing it behind the write that is waiting for it would never end.
 */
final class PartitionWriter implements AutoCloseable {

    private final ExecutorService executor;
    private volatile Thread thread;

    PartitionWriter(String name) {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, name);
            writer.setDaemon(true);
            thread = writer;
            return writer;
        });
    }

    <T> CompletableFuture<T> submit(Supplier<T> write) {
        if (Thread.currentThread() == thread) {
            try {
                return CompletableFuture.completedFuture(write.get());
            } catch (RuntimeException | Error failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }
        return CompletableFuture.supplyAsync(write, executor);
    }

    /** Takes no more writes; those already submitted (their callers are waiting) run first. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
