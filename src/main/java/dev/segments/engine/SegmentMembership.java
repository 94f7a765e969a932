package dev.segments.engine;

import java.util.Objects;

/**
 * The fact that a contact is a member of a segment. Inserted only with {@code insertLogical}, so Drools truth
 * maintenance retracts it when no rule supports it any more. Equal by segment and contact, so several rules (the
 * branches of an {@code any}, or a hand-written rule) justify one membership.
 */
public final class SegmentMembership {

    private final String segmentId;
    private final String contactId;

    public SegmentMembership(String segmentId, String contactId) {
        this.segmentId = Objects.requireNonNull(segmentId, "segmentId");
        this.contactId = Objects.requireNonNull(contactId, "contactId");
    }

    public String getSegmentId() {
        return segmentId;
    }

    public String getContactId() {
        return contactId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentMembership that
                && segmentId.equals(that.segmentId) && contactId.equals(that.contactId);
    }

    /**
     * Mixed, not {@code 31 * a + b}: ids such as {@code r1}/{@code c-12} make that polynomial collide so often that
     * truth maintenance's hash maps degrade into trees (seen in profiles as {@code HashMap$TreeNode.find}).
     */
    @Override
    public int hashCode() {
        int h = segmentId.hashCode() * 0x9E3779B1 + contactId.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    @Override
    public String toString() {
        return "SegmentMembership[" + segmentId + ", " + contactId + "]";
    }
}
