package dev.segments.engine;

/** Which segments keep their memberships as {@link SegmentMembership} facts in the KIE session. */
public enum MembershipFacts {

    /**
     * Only segments some rule can observe: targets of {@code memberOf}, hand-written segments, and segments a
     * hand-written pattern on {@code SegmentMembership} names (all, if one names none). The engine keeps the others
     * from their rules' matches, which costs a bit per membership instead of a truth-maintained fact.
     */
    OBSERVED,

    /** Every segment: every membership is a fact (the cost the option exists to avoid; for comparison and safety). */
    ALL
}
