package dev.segments.bench;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * A system that keeps segment memberships: the engine, or one of the baselines it is measured against. Each is built
 * from the same segment definitions, zone and start instant, and must agree with the others on every count.
 * Every method returns only once memberships are up to date.
 */
public interface BenchSubject extends AutoCloseable {

    /** Short name for the tables: {@code engine}, {@code floor}, {@code h2}, {@code postgres}. */
    String name();

    /** Loads contacts, then their events (all at or before the start instant, in time order). */
    void load(List<ContactData> contacts, List<EmailEvent> events);

    /** Applies one change to one existing contact. */
    void apply(Change change);

    /** Moves the clock forward to {@code instant}; returns how many memberships changed, or -1 if not known. */
    long advanceTo(Instant instant);

    /** Replaces one segment's definition (same id); returns how many memberships changed, or -1 if not known. */
    long replaceSegment(SegmentDefinition segment);

    /**
     * Whether moving the clock costs a full rebuild whatever the step (no time index). The benchmark then times only
     * the last step for it, since every step costs the same.
     */
    default boolean rebuildsOnEveryClockMove() {
        return false;
    }

    /** Member count of every segment, by id, zeros included. */
    SortedMap<String, Integer> counts();

    @Override
    void close();
}
