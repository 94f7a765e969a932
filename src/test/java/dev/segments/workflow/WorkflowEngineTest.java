package dev.segments.workflow;

import static dev.segments.workflow.Bpmn.file;
import static dev.segments.workflow.Bpmn.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.engine.DrlFile;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.RuleCompilationException;
import dev.segments.engine.RuleSources;
import dev.segments.engine.SegmentEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowEngineTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    SegmentEngine engine;
    final InMemoryCampaignLauncher launcher = new InMemoryCampaignLauncher();
    final List<WorkflowEvent> events = new ArrayList<>();
    final List<MembershipChange> changes = new ArrayList<>();

    static dev.segments.definition.SegmentDefinition segment(String json) {
        return SegmentFileReader.read("rules/segments/test.json", json);
    }

    static final dev.segments.definition.SegmentDefinition TEXAS = segment(
            "{\"id\": \"texas\", \"match\": {\"field\": \"state\", \"op\": \"equals\", \"value\": \"TX\"}}");
    static final dev.segments.definition.SegmentDefinition TAGGED = segment(
            "{\"id\": \"tagged-texans\", \"match\": {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"texan\"}}");

    SegmentEngine start(List<DrlFile> drl, WorkflowSettings settings, WorkflowFile... workflows) {
        engine = SegmentEngine.start(new RuleSources(List.of(TEXAS, TAGGED), drl, List.of(workflows)),
                EngineOptions.startingAt(T0).withWorkflows(settings));
        engine.addListener(changes::addAll);
        engine.addWorkflowListener(events::addAll);
        return engine;
    }

    SegmentEngine start(WorkflowFile... workflows) {
        return start(List.of(), WorkflowSettings.defaults().withLauncher(launcher), workflows);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aTagAddedOnEnteringCascadesIntoASecondSegmentWhoseWorkflowLaunchesACampaign() {
        start(file("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "texan")),
                file("welcome-texans", "segment-entered:tagged-texans", task("LaunchCampaign", "CampaignId", "howdy")));

        List<MembershipChange> returned = engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(returned).extracting(MembershipChange::segmentId).containsExactly("texas", "tagged-texans");
        assertThat(engine.contact("c-1").orElseThrow().tags()).containsExactly("texan");
        assertThat(events).containsExactly(
                new WorkflowEvent.ContactTagged(T0, "c-1", "texan", "tag-texans"),
                new WorkflowEvent.CampaignLaunched(T0, "howdy", "c-1", "welcome-texans"));
        assertThat(launcher.launches()).containsExactly(new CampaignLaunch("howdy", "c-1", "welcome-texans", T0));
    }

    @Test
    void exitTriggersWildcardsAndTwoProcessesOnOneTrigger() {
        start(file("on-exit", "segment-exited:texas", task("RemoveTag", "Tag", "TEXAN ")),
                file("any-entry-a", "segment-entered:*", task("LaunchCampaign", "CampaignId", "a")),
                file("any-entry-b", "segment-entered:*", task("LaunchCampaign", "CampaignId", "b")));
        engine.upsert(ContactData.builder("c-1").state("TX").addTag("Texan").build());
        assertThat(events).extracting(e -> e.workflowId() + "/" + e.contactId()).containsExactlyInAnyOrder(
                "any-entry-a/c-1", "any-entry-b/c-1", "any-entry-a/c-1", "any-entry-b/c-1");
        events.clear();

        engine.upsert(ContactData.builder("c-1").state("OK").addTag("Texan").build());
        assertThat(events).containsExactly(new WorkflowEvent.ContactUntagged(T0, "c-1", "TEXAN", "on-exit"));
        assertThat(engine.contact("c-1").orElseThrow().tags()).isEmpty();
        assertThat(engine.segmentsOf("c-1")).isEmpty();
    }

    @Test
    void aTaskThatThrowsFailsItsWorkflowAndTheTriggeringChangeStands() {
        start(List.of(), WorkflowSettings.defaults().withTask("Explode", call -> {
            throw new IllegalStateException("no way");
        }), file("explodes", "segment-entered:texas", task("AddTag", "Tag", "first"), task("Explode")));

        engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(events).containsExactly(new WorkflowEvent.ContactTagged(T0, "c-1", "first", "explodes"),
                new WorkflowEvent.WorkflowFailed(T0, "explodes", "c-1", "no way"));
        assertThat(engine.segmentsOf("c-1")).containsExactly("texas");
        assertThat(engine.contact("c-1").orElseThrow().tags()).containsExactly("first");
    }

    @Test
    void aCascadeThatDoesNotSettleIsStoppedAndReported() {
        start(List.of(), WorkflowSettings.defaults().withMaxCascadeSteps(3),
                file("flip-in", "segment-entered:tagged-texans", task("RemoveTag", "Tag", "texan")),
                file("flip-out", "segment-exited:tagged-texans", task("AddTag", "Tag", "texan")));

        engine.upsert(ContactData.builder("c-1").state("TX").addTag("texan").build());

        assertThat(events).last().isInstanceOf(WorkflowEvent.WorkflowFailed.class);
        assertThat(((WorkflowEvent.WorkflowFailed) events.get(events.size() - 1)).reason())
                .contains("cascade did not settle after 3 steps");
        assertThat(engine.contact("c-1").orElseThrow().state()).isEqualTo("TX");
        engine.upsert(ContactData.builder("c-2").state("CA").build());
        assertThat(engine.contact("c-2")).isPresent();
    }

    @Test
    void deletingAContactStartsNoWorkflow() {
        start(file("on-exit", "segment-exited:texas", task("LaunchCampaign", "CampaignId", "bye")));
        engine.upsert(ContactData.builder("c-1").state("TX").build());
        engine.delete("c-1");
        assertThat(events).isEmpty();
        assertThat(changes).extracting(MembershipChange::kind)
                .containsExactly(MembershipChange.Kind.ENTERED, MembershipChange.Kind.EXITED);
    }

    @Test
    void aHandWrittenRuleReactsToTheSameMembershipAsAWorkflow() {
        DrlFile reaction = new DrlFile("rules/reaction.drl", """
                package segments.handwritten;
                import dev.segments.engine.SegmentMembership;
                rule "texans are also southerners"
                when
                    SegmentMembership( segmentId == "texas", $id : contactId )
                then
                    insertLogical(new SegmentMembership("southerners", $id));
                end
                """);
        start(List.of(reaction), WorkflowSettings.defaults().withLauncher(launcher),
                file("welcome", "segment-entered:texas", task("LaunchCampaign", "CampaignId", "howdy")),
                file("southern-welcome", "segment-entered:southerners", task("LaunchCampaign", "CampaignId", "yall")));
        engine.upsert(ContactData.builder("c-1").state("TX").build());
        assertThat(engine.segmentsOf("c-1")).containsExactly("southerners", "texas");
        assertThat(launcher.launches()).extracting(CampaignLaunch::campaignId).containsExactlyInAnyOrder("howdy", "yall");
    }

    @Test
    void workflowProblemsAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> start(file("typo", "segment-entered:texsa", task("AddTagg", "Tag", "x"))))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("workflows/typo.bpmn:7:5: start event \"start\" is triggered by unknown segment "
                        + "\"texsa\" (did you mean \"texas\"?)")
                .hasMessageContaining("workflows/typo.bpmn:11:5: task \"task0\" names unknown task \"AddTagg\" "
                        + "(did you mean \"AddTag\"?)");
        assertThatThrownBy(() -> start(new WorkflowFile("workflows/broken.bpmn", "<bpmn2:definitions")))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("workflows/broken.bpmn");
    }
}
