package dev.segments.definition;

import java.util.Optional;

/** One segment file, parsed and checked on its own ({@code at} points at its {@code id}). */
public record SegmentDefinition(String id, String name, Optional<String> description, Condition match, Location at) {

    /** The file the segment was read from. */
    public String sourceFile() {
        return at.file();
    }
}
