package dev.segments.bench.floor;

import dev.segments.contact.CustomValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One custom value read every way a condition may read it (SPEC 4): as text, number, boolean or time. A reading of
 * another kind is absent ({@code null}, or {@link NormalisedContact#ABSENT} for the time).
 */
record CustomValueView(String written, String lower, BigDecimal number, Boolean bool, long time, boolean empty) {

    static CustomValueView of(CustomValue value, ZoneId zone) {
        if (value instanceof CustomValue.Number n) {
            return new CustomValueView(null, null, n.value(), null, NormalisedContact.ABSENT, false);
        }
        if (value instanceof CustomValue.Bool b) {
            return new CustomValueView(null, null, null, b.value(), NormalisedContact.ABSENT, false);
        }
        String stripped = ((CustomValue.Text) value).value().strip();
        if (stripped.isEmpty()) {
            return new CustomValueView(null, null, null, null, NormalisedContact.ABSENT, true);
        }
        return new CustomValueView(stripped, stripped.toLowerCase(Locale.ROOT), null, null, time(stripped, zone), false);
    }

    /** An ISO instant with an offset, else a {@code YYYY-MM-DD} date at 00:00 in the zone, else absent. */
    private static long time(String s, ZoneId zone) {
        char first = s.charAt(0);
        // both ISO forms start with the year; skipping the rest avoids an exception per plain text value
        if (!(Character.isDigit(first) || first == '+' || first == '-')) {
            return NormalisedContact.ABSENT;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException notADate) {
                return NormalisedContact.ABSENT;
            }
        }
    }
}
