package dev.segments.workflow;

import static dev.segments.workflow.Bpmn.file;
import static dev.segments.workflow.Bpmn.task;
import static dev.segments.workflow.WorkflowHarness.LAPSED;
import static dev.segments.workflow.WorkflowHarness.RECENT_OPENERS;
import static dev.segments.workflow.WorkflowHarness.T0;
import static dev.segments.workflow.WorkflowHarness.TAGGED_TEXANS;
import static dev.segments.workflow.WorkflowHarness.TEXAS;
import static dev.segments.workflow.WorkflowHarness.VIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.segments.contact.ContactData;
import dev.segments.definition.TimePoint;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.RuleSources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What starts a workflow (SPEC 6): entering or leaving a segment, any segment, time passing, a rules reload. */
class WorkflowTriggersTest {

    final RecordingTask record = new RecordingTask();
    WorkflowHarness harness;

    WorkflowHarness start(WorkflowFile... workflows) {
        harness = WorkflowHarness.start(List.of(TEXAS, TAGGED_TEXANS, VIP, RECENT_OPENERS, LAPSED),
                WorkflowSettings.defaults().withTask("Record", record), workflows);
        return harness;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void leavingASegmentStartsItsExitWorkflowAndEnteringItDoesNot() {
        start(file("goodbye-texans", "segment-exited:texas", task("Record")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());
        assertThat(record.calls).isEmpty();

        harness.engine.upsert(ContactData.builder("c-1").state("OK").build());
        assertThat(record.seen()).containsExactly("goodbye-texans/c-1/texas");
    }

    @Test
    void aWildcardTriggerStartsOnceForEverySegmentEnteredOrLeftWithThatSegmentsId() {
        start(file("any-entry", "segment-entered:*", task("Record", "Kind", "entered")),
                file("any-exit", "segment-exited:*", task("Record", "Kind", "exited")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").addTag("texan").addTag("vip").build());
        assertThat(record.seen()).containsExactlyInAnyOrder(
                "any-entry/c-1/texas", "any-entry/c-1/tagged-texans", "any-entry/c-1/vip");
        assertThat(record.calls).extracting(c -> c.inputs().get("Kind")).containsOnly("entered");
        record.calls.clear();

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());
        assertThat(record.seen()).containsExactlyInAnyOrder("any-exit/c-1/tagged-texans", "any-exit/c-1/vip");
    }

    @Test
    void twoProcessesOnOneTriggerBothRunInProcessIdOrder() {
        start(file("b-second", "segment-entered:texas", task("Record")),
                file("a-first", "segment-entered:texas", task("Record")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.seen()).containsExactly("a-first/c-1/texas", "b-second/c-1/texas");
    }

    @Test
    void eachContactAndChangeStartsItsOwnInstance() {
        start(file("welcome", "segment-entered:texas", task("Record")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());
        harness.engine.upsert(ContactData.builder("c-2").state("TX").build());
        harness.engine.upsert(ContactData.builder("c-1").state("OK").build());
        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.seen()).containsExactly("welcome/c-1/texas", "welcome/c-2/texas", "welcome/c-1/texas");
    }

    @Test
    void aProcessThatDeclaresNoVariablesStillGetsContactIdAndSegmentId() {
        // Bpmn.file declares no <bpmn2:property> at all.
        start(file("undeclared", "segment-entered:texas", task("Record")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.calls).singleElement().satisfies(call -> {
            assertThat(call.contactId()).isEqualTo("c-1");
            assertThat(call.segmentId()).isEqualTo("texas");
            assertThat(call.workflowId()).isEqualTo("undeclared");
            assertThat(call.taskName()).isEqualTo("Record");
            assertThat(call.at()).isEqualTo(T0);
        });
    }

    @Test
    void aProcessThatDeclaresTheVariablesCanMapThemIntoTaskInputs() {
        start(new WorkflowFile("workflows/declared.bpmn", Bpmn.process("declared", "segment-entered:*",
                List.of(task("Record", "Who", Bpmn.VARIABLE + "contactId", "Where", Bpmn.VARIABLE + "segmentId")),
                List.of("contactId", "segmentId"))));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.calls).singleElement().satisfies(call -> {
            assertThat(call.inputs()).containsEntry("Who", "c-1").containsEntry("Where", "texas");
            assertThat(call.contactId()).isEqualTo("c-1");
            assertThat(call.segmentId()).isEqualTo("texas");
        });
    }

    @Test
    void whenTimeMovesAContactOutOfASegmentItsExitWorkflowRunsAtTheExactInstant() {
        start(file("lapse", "segment-exited:recent-openers", task("AddTag", "Tag", "lapsed")));
        Instant opened = T0.minus(Duration.ofDays(1)).plusMillis(250);
        harness.engine.upsert(ContactData.builder("c-1").lastEmailOpenedAt(new TimePoint.AtInstant(opened)).build());
        harness.engine.upsert(ContactData.builder("c-2").state("TX").build());
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("recent-openers");

        Instant exit = opened.plus(Duration.ofDays(7));
        List<MembershipChange> changes = harness.engine.advanceTo(T0.plus(Duration.ofDays(30)));

        assertThat(changes).extracting(WorkflowHarness::name, MembershipChange::at).containsExactly(
                tuple("exited:recent-openers:c-1", exit), tuple("entered:lapsed:c-1", exit));
        assertThat(harness.events).containsExactly(new WorkflowEvent.ContactTagged(exit, "c-1", "lapsed", "lapse"));
        assertThat(harness.contact("c-1").tags()).containsExactly("lapsed");
        assertThat(harness.engine.segmentsOf("c-2")).containsExactly("texas");
    }

    @Test
    void aWorkflowThatMovesAContactIntoATimeSegmentSchedulesItsExitFromThen() {
        start(file("opened", "segment-entered:texas",
                task("SetField", "Field", "lastEmailOpenedAt", "Value", T0.toString())),
                file("lapse", "segment-exited:recent-openers", task("Record")));
        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("recent-openers", "texas");
        assertThat(harness.engine.nextTimeChange()).contains(T0.plus(Duration.ofDays(7)));

        harness.engine.advanceTo(T0.plus(Duration.ofDays(8)));

        assertThat(record.calls).singleElement().extracting(TaskCall::at).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    /**
     * A reload is a step like any other: contacts that a new segment takes in enter it, and the workflows on that
     * segment run for them, in the reload's step.
     */
    @Test
    void aSegmentAddedByARulesReloadStartsItsWorkflowForEveryContactItTakesIn() {
        start(file("welcome", "segment-entered:texas", task("Record")));
        harness.engine.upsert(ContactData.builder("c-1").state("OK").build());
        harness.engine.upsert(ContactData.builder("c-2").state("OK").build());

        var okies = WorkflowHarness.segment("okies", "{\"field\": \"state\", \"op\": \"equals\", \"value\": \"OK\"}");
        List<MembershipChange> changes = harness.engine.updateRules(new RuleSources(
                List.of(TEXAS, TAGGED_TEXANS, VIP, RECENT_OPENERS, LAPSED, okies), List.of(),
                List.of(file("welcome", "segment-entered:texas", task("Record")),
                        file("welcome-okies", "segment-entered:okies", task("AddTag", "Tag", "okie")))));

        assertThat(changes).extracting(WorkflowHarness::name)
                .containsExactlyInAnyOrder("entered:okies:c-1", "entered:okies:c-2");
        assertThat(harness.events).extracting(WorkflowEvent::workflowId, WorkflowEvent::contactId)
                .containsExactlyInAnyOrder(tuple("welcome-okies", "c-1"), tuple("welcome-okies", "c-2"));
        assertThat(harness.contact("c-1").tags()).containsExactly("okie");
        assertThat(record.calls).isEmpty();
    }

    @Test
    void aWorkflowAddedByARulesReloadDoesNotRunForContactsAlreadyInItsSegment() {
        start();
        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        List<MembershipChange> changes = harness.engine.updateRules(new RuleSources(
                List.of(TEXAS, TAGGED_TEXANS, VIP, RECENT_OPENERS, LAPSED), List.of(),
                List.of(file("welcome", "segment-entered:texas", task("Record")))));

        assertThat(changes).isEmpty();
        assertThat(record.calls).isEmpty();
        harness.engine.upsert(ContactData.builder("c-2").state("TX").build());
        assertThat(record.seen()).containsExactly("welcome/c-2/texas");
    }

    @Test
    void aWorkflowRemovedByARulesReloadNoLongerRuns() {
        start(file("welcome", "segment-entered:texas", task("Record")));

        harness.engine.updateRules(new RuleSources(List.of(TEXAS, TAGGED_TEXANS, VIP, RECENT_OPENERS, LAPSED),
                List.of()));
        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.calls).isEmpty();
    }
}
