package dev.segments.workflow;

import java.util.Optional;

/**
 * What starts a workflow: the name of its signal start event, {@code segment-entered:<segment-id>} or
 * {@code segment-exited:<segment-id>}, {@code *} as the id for any segment (SPEC 6).
 */
public record Trigger(Direction direction, String segmentId) {

    /** Whether the contact entered or left the segment. */
    public enum Direction { ENTERED, EXITED }


    public static final String ANY_SEGMENT = "*";
    private static final String ENTERED = "segment-entered:";
    private static final String EXITED = "segment-exited:";

    public static Optional<Trigger> parse(String signalName) {
        if (signalName == null) {
            return Optional.empty();
        }
        if (signalName.startsWith(ENTERED) && signalName.length() > ENTERED.length()) {
            return Optional.of(new Trigger(Direction.ENTERED, signalName.substring(ENTERED.length())));
        }
        if (signalName.startsWith(EXITED) && signalName.length() > EXITED.length()) {
            return Optional.of(new Trigger(Direction.EXITED, signalName.substring(EXITED.length())));
        }
        return Optional.empty();
    }

    public boolean matches(Direction changed, String changedSegment) {
        return changed == direction && (segmentId.equals(ANY_SEGMENT) || segmentId.equals(changedSegment));
    }

    /** The signal name, as written in the BPMN file. */
    public String signalName() {
        return (direction == Direction.ENTERED ? ENTERED : EXITED) + segmentId;
    }
}
