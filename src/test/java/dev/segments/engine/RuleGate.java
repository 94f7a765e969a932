package dev.segments.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A gate hand-written rules in tests can wait at (public: DRL calls it): a rule's consequence, or once the test has
 * armed the gate a constraint, tells the test it got there and waits until the test opens the gate.
 */
public final class RuleGate {

    private static volatile CountDownLatch reached = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(1);
    private static volatile boolean armed;

    private RuleGate() {
    }

    /** A new closed gate, before a test's rules can reach it. */
    static void close() {
        reached = new CountDownLatch(1);
        open = new CountDownLatch(1);
        armed = false;
    }

    /** From now on {@link #passIfArmed} waits at the gate. */
    static void arm() {
        armed = true;
    }

    /** For a constraint: true, having waited at the gate if the test armed it. */
    public static boolean passIfArmed() throws InterruptedException {
        if (armed) {
            pass();
        }
        return true;
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
