package dev.segments.autoconfigure;

import dev.segments.engine.Segments;

/** Called with the engine before it is used, e.g. to add membership listeners. */
@FunctionalInterface
public interface SegmentEngineCustomizer {

    void customize(Segments engine);
}
