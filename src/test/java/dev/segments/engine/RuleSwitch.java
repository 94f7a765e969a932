package dev.segments.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** A switch hand-written rules in tests can read, to throw only once a test has set it (public: DRL reads it). */
public final class RuleSwitch {

    public static final AtomicBoolean ON = new AtomicBoolean();

    private RuleSwitch() {
    }
}
