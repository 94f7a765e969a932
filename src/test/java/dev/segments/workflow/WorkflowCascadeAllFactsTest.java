package dev.segments.workflow;

import dev.segments.engine.MembershipFacts;

/** Every {@link WorkflowCascadeTest} again, with every membership a fact ({@link MembershipFacts#ALL}). */
class WorkflowCascadeAllFactsTest extends WorkflowCascadeTest {

    @Override
    MembershipFacts membershipFacts() {
        return MembershipFacts.ALL;
    }
}
