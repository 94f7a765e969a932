package dev.segments.drl;

/** How a generated segment's memberships are kept: as facts some rule can match, or from the rule's own matches. */
public enum MembershipKeeping {

    /** Each rule inserts a {@code SegmentMembership} logically; rules can match it ({@code memberOf}, hand-written). */
    FACT,

    /**
     * The rule inserts nothing and names its segment in {@code @segment("id")}; the engine keeps the membership from
     * the rule's matches. For segments that no rule reads: a membership then costs a bit, not a fact.
     */
    MATCHES;

    /** The rule metadata that names the segment of a {@link #MATCHES} rule. */
    public static final String SEGMENT_ANNOTATION = "segment";
}
