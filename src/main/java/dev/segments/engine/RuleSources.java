package dev.segments.engine;

import dev.segments.definition.SegmentDefinition;
import java.util.List;

/** Everything the rules are compiled from: checked segment definitions and hand-written DRL files. */
public record RuleSources(List<SegmentDefinition> segments, List<DrlFile> handwritten) {

    public RuleSources {
        segments = List.copyOf(segments);
        handwritten = List.copyOf(handwritten);
    }

    public static RuleSources of(List<SegmentDefinition> segments) {
        return new RuleSources(segments, List.of());
    }
}
