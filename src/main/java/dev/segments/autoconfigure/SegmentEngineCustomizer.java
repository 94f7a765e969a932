package dev.segments.autoconfigure;

import dev.segments.engine.SegmentEngine;

/** Called with the engine before it is used, e.g. to add membership listeners. */
@FunctionalInterface
public interface SegmentEngineCustomizer {

    void customize(SegmentEngine engine);
}
