package dev.segments.definition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A point in time as written: an instant with an offset, or a date-only value (00:00 of that day in the engine's zone). */
public sealed interface TimePoint {

    Instant resolve(ZoneId zone);

    record AtInstant(Instant instant) implements TimePoint {
        @Override
        public Instant resolve(ZoneId zone) {
            return instant;
        }

        @Override
        public String toString() {
            return instant.toString();
        }
    }

    record OnDate(LocalDate date) implements TimePoint {
        @Override
        public Instant resolve(ZoneId zone) {
            return date.atStartOfDay(zone).toInstant();
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }
}
