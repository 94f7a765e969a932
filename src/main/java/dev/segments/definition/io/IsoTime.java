package dev.segments.definition.io;

import dev.segments.definition.TimePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the time values of SPEC 2 and 4: an ISO-8601 instant with an offset ({@code 2026-01-05T10:00:00Z},
 * {@code 2026-01-05T12:00:00+02:00}) or a local date ({@code 2026-01-05}). Instants keep millisecond resolution
 * (finer digits are truncated, never refused).
 */
public final class IsoTime {

    private static final Pattern DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

    private IsoTime() {
    }

    /** An instant with an offset, or a date; empty when the text is neither. */
    public static Optional<TimePoint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (DATE.matcher(text).matches()) {
            try {
                return Optional.of(new TimePoint.OnDate(LocalDate.parse(text)));
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
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A hint for a text that failed {@link #parse}: an instant without an offset is the usual mistake. */
    public static String hint(String text) {
        try {
            LocalDateTime.parse(text);
            return " (an instant needs an offset, e.g. \"" + text + "Z\")";
        } catch (DateTimeParseException e) {
            return " (write \"2026-01-31\" or \"2026-01-31T09:00:00Z\")";
        }
    }
}
