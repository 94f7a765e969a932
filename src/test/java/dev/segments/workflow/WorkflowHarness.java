package dev.segments.workflow;

import dev.segments.contact.ContactData;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.MembershipFacts;
import dev.segments.engine.RuleSources;
import dev.segments.engine.SegmentEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/** An engine with segments and workflows, and everything it reported: membership changes and workflow events. */
final class WorkflowHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    final SegmentEngine engine;
    final List<SegmentDefinition> segments;
    final List<MembershipChange> changes = new ArrayList<>();
    final List<WorkflowEvent> events = new ArrayList<>();

    private WorkflowHarness(List<SegmentDefinition> segments, WorkflowSettings settings, MembershipFacts facts,
            List<WorkflowFile> workflows) {
        this.segments = List.copyOf(segments);
        this.engine = SegmentEngine.start(new RuleSources(segments, List.of(), workflows),
                EngineOptions.startingAt(T0).withWorkflows(settings).withMembershipFacts(facts));
        engine.addListener(changes::addAll);
        engine.addWorkflowListener(events::addAll);
    }

    static WorkflowHarness start(List<SegmentDefinition> segments, WorkflowSettings settings,
            WorkflowFile... workflows) {
        return start(segments, settings, MembershipFacts.OBSERVED, workflows);
    }

    static WorkflowHarness start(List<SegmentDefinition> segments, WorkflowSettings settings, MembershipFacts facts,
            WorkflowFile... workflows) {
        return new WorkflowHarness(segments, settings, facts, List.of(workflows));
    }

    static WorkflowHarness start(List<SegmentDefinition> segments, WorkflowFile... workflows) {
        return start(segments, WorkflowSettings.defaults(), workflows);
    }

    /** A segment {@code {"id": id, "match": match}}. */
    static SegmentDefinition segment(String id, String match) {
        return SegmentFileReader.read("rules/segments/" + id + ".json",
                "{\"id\": \"" + id + "\", \"match\": " + match + "}");
    }

    static final SegmentDefinition TEXAS = segment("texas", "{\"field\": \"state\", \"op\": \"equals\", \"value\": \"TX\"}");
    static final SegmentDefinition TAGGED_TEXANS = segment("tagged-texans",
            "{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"texan\"}");
    static final SegmentDefinition VIP = segment("vip", "{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"vip\"}");
    static final SegmentDefinition AUSTIN = segment("austin",
            "{\"field\": \"city\", \"op\": \"equals\", \"value\": \"Austin\"}");
    static final SegmentDefinition DO_NOT_DISTURB = segment("do-not-disturb",
            "{\"field\": \"dnd\", \"op\": \"equals\", \"value\": true}");
    static final SegmentDefinition GOLD = segment("gold",
            "{\"field\": \"custom.plan\", \"op\": \"equals\", \"value\": \"gold\"}");
    static final SegmentDefinition NEW_CONTACTS = segment("new-contacts",
            "{\"field\": \"createdAt\", \"op\": \"withinLast\", \"value\": \"P7D\"}");
    static final SegmentDefinition RECENT_OPENERS = segment("recent-openers",
            "{\"field\": \"lastEmailOpenedAt\", \"op\": \"withinLast\", \"value\": \"P7D\"}");
    static final SegmentDefinition LAPSED = segment("lapsed",
            "{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"lapsed\"}");

    /** Membership changes as {@code entered:segment:contact} or {@code exited:...}, in order. */
    List<String> changeNames() {
        return changes.stream().map(WorkflowHarness::name).toList();
    }

    static String name(MembershipChange change) {
        return (change.kind() == MembershipChange.Kind.ENTERED ? "entered:" : "exited:") + change.segmentId() + ":"
                + change.contactId();
    }

    List<WorkflowEvent.WorkflowFailed> failures() {
        return events.stream().filter(WorkflowEvent.WorkflowFailed.class::isInstance)
                .map(WorkflowEvent.WorkflowFailed.class::cast).toList();
    }

    ContactData contact(String id) {
        return engine.contact(id).orElseThrow();
    }

    /** Every segment's members in this engine, by segment id. */
    Map<String, SortedSet<String>> allMembers() {
        Map<String, SortedSet<String>> members = new TreeMap<>();
        for (SegmentDefinition segment : segments) {
            members.put(segment.id(), engine.members(segment.id()));
        }
        return members;
    }

    /**
     * What the rules alone say about the given contacts at {@code at}: a fresh engine without workflows, given the
     * contacts' current data. Memberships after any workflows ran must be exactly these.
     */
    Map<String, SortedSet<String>> membersByRulesAlone(Collection<ContactData> contacts, Instant at) {
        try (SegmentEngine reference = SegmentEngine.start(new RuleSources(segments, List.of()),
                EngineOptions.startingAt(at))) {
            contacts.forEach(reference::upsert);
            Map<String, SortedSet<String>> members = new TreeMap<>();
            for (SegmentDefinition segment : segments) {
                members.put(segment.id(), new TreeSet<>(reference.members(segment.id())));
            }
            return members;
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
