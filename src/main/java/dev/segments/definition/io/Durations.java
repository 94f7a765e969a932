package dev.segments.definition.io;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the positive {@code java.time.Duration} lengths of relative-time operators and {@code activity ... within}. */
final class Durations {

    private static final Pattern CALENDAR = Pattern.compile(
            "(?i)[+-]?P(?:(\\d{1,9})Y)?(?:(\\d{1,9})M)?(?:(\\d{1,9})W)?(?:(\\d{1,9})D)?(?:T.*)?");

    private Durations() {
    }

    /** The duration, or empty after telling {@code problem} what is wrong and how to write it. */
    static Optional<Duration> parse(String text, Consumer<String> problem) {
        Matcher m = CALENDAR.matcher(text);
        if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            if (m.group(1) == null && m.group(2) == null) {
                long days = Long.parseLong(m.group(3)) * 7 + (m.group(4) == null ? 0 : Long.parseLong(m.group(4)));
                problem.accept("duration \"" + text + "\": weeks are not accepted; use days, e.g. \"P" + days + "D\"");
            } else {
                problem.accept("duration \"" + text + "\": months and years are not fixed lengths; use days, e.g. \""
                        + suggestDays(m) + "\"");
            }
            return Optional.empty();
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            problem.accept("not a duration: \"" + text + "\"; write an ISO-8601 duration such as \"P7D\" (7 days), "
                    + "\"PT12H\" (12 hours) or \"PT30M\" (30 minutes)");
            return Optional.empty();
        }
        if (d.isZero() || d.isNegative()) {
            problem.accept("duration \"" + text + "\" must be positive, e.g. \"P7D\"");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static String suggestDays(Matcher m) {
        long days = 0;
        days += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 365;
        days += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 30;
        days += m.group(3) == null ? 0 : Long.parseLong(m.group(3)) * 7;
        days += m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        return "P" + days + "D";
    }
}
