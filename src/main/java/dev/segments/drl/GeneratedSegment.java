package dev.segments.drl;

import dev.segments.definition.SegmentDefinition;
import dev.segments.time.TimeWindows;
import java.util.Set;

/**
 * The DRL generated for one segment file, the time windows its rules read, and the normalised tags they read by part
 * ({@link PropertyParts}).
 */
public record GeneratedSegment(SegmentDefinition definition, String drl, TimeWindows windows, Set<String> tagsRead) {

    public GeneratedSegment {
        tagsRead = Set.copyOf(tagsRead);
    }

    public String id() {
        return definition.id();
    }
}
