package dev.segments.time;

import dev.segments.definition.Field;
import dev.segments.definition.Operator;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A relative-time condition on a time field, as the interval of "now" in which it holds, relative to the
 * field's instant {@code t} (SPEC 4): {@code withinLast D} holds in {@code [t, t+D)}, {@code moreThanAgo D} in
 * {@code [t+D, ∞)}, {@code withinNext D} in {@code [t-D, t)}. {@code notWithinLast} is the negation of
 * {@code withinLast} and has no window of its own. Closed at the start, open at the end, so the state at an instant
 * is already the new state.
 */
public record RelativeWindow(Field field, Operator op, Duration length) {

    public RelativeWindow {
        if (op != Operator.WITHIN_LAST && op != Operator.MORE_THAN_AGO && op != Operator.WITHIN_NEXT) {
            throw new IllegalArgumentException("no relative window for " + op);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a relative window needs a positive length: " + length);
        }
    }

    /** The name under which the engine publishes this condition's truth on the contact fact ({@code timeFlags}). */
    public String key() {
        return field.wireName() + " " + op.wireName() + " " + DurationText.format(length);
    }

    public boolean holds(long t, long now) {
        return start(t) <= now && now < end(t);
    }

    /** The first instant after {@code now} at which {@link #holds} changes for a field at {@code t}. */
    public OptionalLong nextChange(long t, long now) {
        long start = start(t);
        long end = end(t);
        if (now < start) {
            return OptionalLong.of(start);
        }
        if (now < end && end != Long.MAX_VALUE) {
            return OptionalLong.of(end);
        }
        return OptionalLong.empty();
    }

    private long start(long t) {
        return switch (op) {
            case WITHIN_LAST -> t;
            case MORE_THAN_AGO -> saturatedAdd(t, length.toMillis());
            case WITHIN_NEXT -> saturatedAdd(t, -length.toMillis());
            default -> throw new IllegalStateException();
        };
    }

    private long end(long t) {
        return switch (op) {
            case WITHIN_LAST -> saturatedAdd(t, length.toMillis());
            case MORE_THAN_AGO -> Long.MAX_VALUE;
            case WITHIN_NEXT -> t;
            default -> throw new IllegalStateException();
        };
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }
}
