package dev.segments.drl;

import dev.segments.definition.SegmentDefinition;
import dev.segments.time.TimeWindows;

/** The DRL generated for one segment file, and the time windows its rules read. */
public record GeneratedSegment(SegmentDefinition definition, String drl, TimeWindows windows) {

    public String id() {
        return definition.id();
    }
}
