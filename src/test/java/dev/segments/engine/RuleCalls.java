package dev.segments.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls from hand-written rules' consequences in tests (public: DRL calls it). */
public final class RuleCalls {

    public static final AtomicInteger COUNT = new AtomicInteger();

    private RuleCalls() {
    }
}
