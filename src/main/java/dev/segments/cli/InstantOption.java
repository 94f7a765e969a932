package dev.segments.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses an ISO-8601 instant with an offset ({@code 2026-11-28T12:00:00Z}, {@code ...+02:00}). */
final class InstantOption implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not an ISO-8601 instant with an offset, such as 2026-11-28T12:00:00Z: "
                    + value);
        }
    }
}
