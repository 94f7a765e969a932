package dev.segments.cli;

import dev.segments.definition.io.IsoTime;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses an ISO-8601 instant with an offset ({@code 2026-11-28T12:00:00Z}, {@code ...+02:00}), as files are read. */
final class InstantOption implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        return IsoTime.parseInstant(value).orElseThrow(() -> new TypeConversionException(IsoTime.outOfRange(value)
                ? value + " is " + IsoTime.RANGE
                : "not an ISO-8601 instant with an offset, such as 2026-11-28T12:00:00Z: " + value));
    }
}
