package dev.segments.engine;

import java.util.List;

/**
 * Receives the net membership changes of each engine step (one operation, or one instant at which time-driven
 * conditions change), in order. Called on the writing thread while the engine is locked: keep it quick, and do not
 * call the engine's writing methods from it.
 */
@FunctionalInterface
public interface MembershipListener {

    void membershipsChanged(List<MembershipChange> changes);
}
