package dev.segments.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A gate hand-written rules in tests can wait at (public: DRL calls it): a rule's consequence tells the test it got
 * there and waits until the test opens the gate.
 */
public final class RuleGate {

    private static volatile CountDownLatch reached = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(1);

    private RuleGate() {
    }

    /** A new closed gate, before a test's rules can reach it. */
    static void close() {
        reached = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    /** Called by a rule: says it got here and waits for the test (a minute at most, so a broken test ends). */
    public static void pass() throws InterruptedException {
        reached.countDown();
        if (!open.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the test never opened the gate");
        }
    }

    static boolean awaitReached() throws InterruptedException {
        return reached.await(1, TimeUnit.MINUTES);
    }

    static void open() {
        open.countDown();
    }
}
