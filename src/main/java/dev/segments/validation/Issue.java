package dev.segments.validation;

import dev.segments.definition.Location;

/** One problem found in an input file, printed as {@code FILE:LINE:COLUMN: message}. */
public record Issue(Location at, String message) {

    @Override
    public String toString() {
        return at + ": " + message;
    }
}
