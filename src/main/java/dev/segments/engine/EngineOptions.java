package dev.segments.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import dev.segments.workflow.WorkflowSettings;
import java.util.Objects;

/**
 * How an engine starts: the zone in which date-only values mean midnight (default UTC), how workflows run (task
 * handlers, campaign launcher, cascade bound), and the clock's first
 * instant (to the millisecond), which segments keep their memberships as facts ({@link MembershipFacts}, default
 * {@link MembershipFacts#OBSERVED}), and how a contact's change reaches the rules ({@link ContactWalk}, default
 * {@link ContactWalk#TARGETED}). The clock only moves when {@link SegmentEngine#advanceTo} is called: a pseudo clock for replays and
 * tests, driven from the wall clock by the service.
 */
public record EngineOptions(ZoneId zone, Instant start, WorkflowSettings workflows, MembershipFacts membershipFacts,
        ContactWalk contactWalk) {

    public EngineOptions {
        Objects.requireNonNull(zone, "zone");
        start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(workflows, "workflows");
        Objects.requireNonNull(membershipFacts, "membershipFacts");
        Objects.requireNonNull(contactWalk, "contactWalk");
    }

    public EngineOptions(ZoneId zone, Instant start, WorkflowSettings workflows, MembershipFacts membershipFacts) {
        this(zone, start, workflows, membershipFacts, ContactWalk.TARGETED);
    }

    public EngineOptions(ZoneId zone, Instant start, WorkflowSettings workflows) {
        this(zone, start, workflows, MembershipFacts.OBSERVED);
    }

    public EngineOptions(ZoneId zone, Instant start) {
        this(zone, start, WorkflowSettings.defaults());
    }

    public static EngineOptions startingAt(Instant start) {
        return new EngineOptions(ZoneOffset.UTC, start);
    }

    public EngineOptions withWorkflows(WorkflowSettings settings) {
        return new EngineOptions(zone, start, settings, membershipFacts, contactWalk);
    }

    public EngineOptions withMembershipFacts(MembershipFacts facts) {
        return new EngineOptions(zone, start, workflows, facts, contactWalk);
    }

    public EngineOptions withContactWalk(ContactWalk walk) {
        return new EngineOptions(zone, start, workflows, membershipFacts, walk);
    }
}
