package dev.segments.engine;

/** Every {@link SegmentEngineTest} again, with every membership a fact ({@link MembershipFacts#ALL}). */
class SegmentEngineAllFactsTest extends SegmentEngineTest {

    @Override
    MembershipFacts membershipFacts() {
        return MembershipFacts.ALL;
    }
}
