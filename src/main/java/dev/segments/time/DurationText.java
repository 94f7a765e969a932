package dev.segments.time;

import java.time.Duration;

/** Prints a duration the way people write it in segment files: whole days as {@code P7D}, the rest as {@code PT12H}. */
public final class DurationText {

    private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private DurationText() {
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % MILLIS_PER_DAY == 0 && duration.getNano() % 1_000_000 == 0) {
            return "P" + (millis / MILLIS_PER_DAY) + "D";
        }
        return duration.toString();
    }
}
