package dev.segments.engine;

import java.time.Instant;

/** A net change of one contact's membership in one segment, stamped with the instant it happened. */
public record MembershipChange(Instant at, Kind kind, String segmentId, String contactId) {

    public enum Kind {
        ENTERED("segment.entered"), EXITED("segment.exited");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
