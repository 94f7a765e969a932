package dev.segments.definition.io;

import dev.segments.definition.TimePoint;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the time values of SPEC 2 and 4: an ISO-8601 instant with an offset ({@code 2026-01-05T10:00:00Z},
 * {@code 2026-01-05T12:00:00+02:00}) or a local date ({@code 2026-01-05}). Instants keep millisecond resolution
 * (finer digits are truncated, never refused). A time must have a millisecond epoch that fits a {@code long}, as the
 * engine keeps it (years -292,275,055 to 292,278,994; a date with a day to spare on each side, for any zone's
 * midnight); a value outside is refused here rather than overflowing in the engine.
 */
public final class IsoTime {

    private static final Pattern DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

    public static final String RANGE = "outside the times the engine keeps (years -292,275,055 to 292,278,994)";

    private IsoTime() {
    }

    /** An instant with an offset, or a date; empty when the text is neither. */
    public static Optional<TimePoint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (DATE.matcher(text).matches()) {
            try {
                LocalDate date = LocalDate.parse(text);
                return inRange(date) ? Optional.of(new TimePoint.OnDate(date)) : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return parseInstant(text).map(TimePoint.AtInstant::new);
    }

    /** An instant with an offset ({@code Z} or {@code +02:00}), truncated to milliseconds; empty otherwise. */
    public static Optional<Instant> parseInstant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
            return inRange(instant) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the text is a well-formed instant with an offset, or date, that lies outside the engine's range. */
    public static boolean outOfRange(String text) {
        try {
            return !inRange(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return DATE.matcher(text).matches() && !inRange(LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                return false;
            }
        }
    }

    private static boolean inRange(Instant instant) {
        try {
            instant.toEpochMilli();
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    private static boolean inRange(LocalDate date) {
        try {
            return inRange(date.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    && inRange(date.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException beyondLocalDate) {
            return false;
        }
    }

    /** Why {@link #parse} refused the text, for a problem that names the field first. */
    public static String problem(String text) {
        if (outOfRange(text)) {
            return "\"" + text + "\" is " + RANGE;
        }
        return "not an ISO-8601 instant or date: \"" + text + "\"" + hint(text);
    }

    /** An instant without an offset is the usual mistake. */
    private static String hint(String text) {
        try {
            LocalDateTime.parse(text);
            return " (an instant needs an offset, e.g. \"" + text + "Z\")";
        } catch (DateTimeParseException e) {
            return " (write \"2026-01-31\" or \"2026-01-31T09:00:00Z\")";
        }
    }
}
