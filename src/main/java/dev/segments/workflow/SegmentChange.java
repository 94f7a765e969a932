package dev.segments.workflow;

/** A contact entering or leaving a segment, as workflows see it. */
public record SegmentChange(Trigger.Direction direction, String segmentId, String contactId) {
}
