package dev.segments.engine;

/**
 * Process-wide Drools settings, applied before the first rule base is built. Drools reads them once, from system
 * properties; one the application has set itself is left as it is.
 *
 * <p>{@code org.drools.queuetype=binaryheap}: the agenda queues a rule each time a change links it. Drools' default
 * queue is a {@code TreeSet}, which allocates an entry per queued rule; the binary heap orders rules by the same
 * comparator (salience, then load order) without allocating, which cut allocation per contact change by a fifth in
 * the benchmark (docs/design.md, "Threads and partitions").
 */
final class DroolsTuning {

    static final String QUEUE_TYPE = "org.drools.queuetype";

    private DroolsTuning() {
    }

    static void apply() {
        if (System.getProperty(QUEUE_TYPE) == null) {
            System.setProperty(QUEUE_TYPE, "binaryheap");
        }
    }
}
