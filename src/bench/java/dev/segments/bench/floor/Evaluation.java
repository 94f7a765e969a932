package dev.segments.bench.floor;

import java.util.Arrays;

/**
 * One contact at one instant, evaluated against the compiled segments; {@code memberOf} answers are remembered for
 * the evaluation. Reused from contact to contact with {@link #reset}.
 */
final class Evaluation {

    private static final byte UNKNOWN = 0;
    private static final byte NO = 1;
    private static final byte YES = 2;

    private final CompiledCondition[] segments;
    private final byte[] memo;
    private NormalisedContact contact;
    private EventLog events;
    private long now;

    Evaluation(CompiledCondition[] segments) {
        this.segments = segments;
        this.memo = new byte[segments.length];
    }

    Evaluation reset(NormalisedContact contact, EventLog events, long now) {
        this.contact = contact;
        this.events = events;
        this.now = now;
        Arrays.fill(memo, UNKNOWN);
        return this;
    }

    NormalisedContact contact() {
        return contact;
    }

    EventLog events() {
        return events;
    }

    long now() {
        return now;
    }

    boolean isMember(int segment) {
        byte known = memo[segment];
        if (known == UNKNOWN) {
            known = segments[segment].test(this) ? YES : NO;
            memo[segment] = known;
        }
        return known == YES;
    }
}
