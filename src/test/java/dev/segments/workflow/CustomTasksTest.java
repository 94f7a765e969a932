package dev.segments.workflow;

import static dev.segments.workflow.Bpmn.file;
import static dev.segments.workflow.Bpmn.script;
import static dev.segments.workflow.Bpmn.task;
import static dev.segments.workflow.WorkflowHarness.GOLD;
import static dev.segments.workflow.WorkflowHarness.T0;
import static dev.segments.workflow.WorkflowHarness.TAGGED_TEXANS;
import static dev.segments.workflow.WorkflowHarness.TEXAS;
import static dev.segments.workflow.WorkflowHarness.VIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.engine.MembershipChange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom tasks: handlers registered by name next to the built-in ones, run like them. */
class CustomTasksTest {

    static final dev.segments.definition.SegmentDefinition BIG_ACCOUNTS = WorkflowHarness.segment("big-accounts",
            "{\"field\": \"custom.seats\", \"op\": \"gt\", \"value\": 10}");

    WorkflowHarness harness;

    WorkflowHarness start(WorkflowSettings settings, WorkflowFile... workflows) {
        harness = WorkflowHarness.start(List.of(TEXAS, TAGGED_TEXANS, VIP, GOLD, BIG_ACCOUNTS), settings, workflows);
        return harness;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aCustomTaskGetsItsInputsByNameAndOnlyThem() {
        RecordingTask record = new RecordingTask();
        start(WorkflowSettings.defaults().withTask("Notify", record),
                file("notify", "segment-entered:texas", task("Notify", "Channel", "sms", "Template", "welcome-tx")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.calls).singleElement().satisfies(call -> {
            assertThat(call.inputs()).isEqualTo(Map.of("Channel", "sms", "Template", "welcome-tx"));
            assertThat(call.input("Channel")).contains("sms");
            assertThat(call.input("Missing")).isEmpty();
            assertThat(call.requiredText("Template")).isEqualTo("welcome-tx");
        });
    }

    @Test
    void anInputMappedFromANumberVariableArrivesAsANumberAndSetFieldKeepsItANumber() {
        RecordingTask record = new RecordingTask();
        start(WorkflowSettings.defaults().withTask("Record", record),
                new WorkflowFile("workflows/seats.bpmn", Bpmn.process("seats", "segment-entered:texas", List.of(
                        script("kcontext.setVariable(\"seats\", 12);"),
                        task("Record", "Seats", Bpmn.VARIABLE + "seats", "Literal", "12"),
                        task("SetField", "Field", "custom.seats", "Value", Bpmn.VARIABLE + "seats")),
                        List.of("seats:Integer"))));

        List<MembershipChange> changes = harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.calls).singleElement().satisfies(call -> {
            assertThat(call.inputs()).containsEntry("Seats", 12);
            assertThat(call.inputs()).containsEntry("Literal", "12");
        });
        assertThat(harness.contact("c-1").custom()).containsEntry("seats", new CustomValue.Number(new BigDecimal(12)));
        assertThat(changes).extracting(WorkflowHarness::name)
                .containsExactly("entered:texas:c-1", "entered:big-accounts:c-1");
    }

    /** A BPMN literal is always text: set on a custom field it is a text value, which a number condition ignores. */
    @Test
    void aLiteralNumberSetOnACustomFieldIsText() {
        start(WorkflowSettings.defaults(),
                file("seats", "segment-entered:texas", task("SetField", "Field", "custom.seats", "Value", "12")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(harness.contact("c-1").custom()).containsEntry("seats", new CustomValue.Text("12"));
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("texas");
    }

    @Test
    void aCustomTaskChangesTheContactAndTheChangeCascadesInTheSameStep() {
        start(WorkflowSettings.defaults().withTask("Upgrade", call -> call.contact().update(contact -> contact
                .toBuilder().custom("plan", new CustomValue.Text("gold")).addTag("vip").build())),
                file("upgrade-texans", "segment-entered:texas", task("Upgrade")));

        List<MembershipChange> changes = harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(changes).extracting(WorkflowHarness::name).first().isEqualTo("entered:texas:c-1");
        assertThat(changes).extracting(WorkflowHarness::name)
                .containsExactlyInAnyOrder("entered:texas:c-1", "entered:vip:c-1", "entered:gold:c-1");
        assertThat(changes).extracting(MembershipChange::at).containsOnly(T0);
        assertThat(harness.contact("c-1").tags()).containsExactly("vip");
        assertThat(harness.events).isEmpty();
    }

    @Test
    void aCustomTaskSeesTheChangesOfTheTasksBeforeIt() {
        RecordingTask record = new RecordingTask();
        start(WorkflowSettings.defaults().withTask("Record", record), file("tag-then-look", "segment-entered:texas",
                task("AddTag", "Tag", "vip"), task("Record")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(record.calls).singleElement().satisfies(call ->
                assertThat(call.contact().current().tags()).containsExactly("vip"));
    }

    @Test
    void aHandlerThatThrowsFailsItsWorkflowWithItsOwnMessageEvenWhenItWrapsACause() {
        start(WorkflowSettings.defaults()
                        .withTask("Crm", call -> {
                            throw new IllegalStateException("CRM sync failed for " + call.contactId(),
                                    new IOException("connection reset"));
                        })
                        .withTask("Checked", call -> {
                            throw new IOException("disk full");
                        }),
                file("a-crm", "segment-entered:texas", task("Crm")),
                file("b-checked", "segment-entered:texas", task("Checked"), task("AddTag", "Tag", "never")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(harness.events).containsExactly(
                new WorkflowEvent.WorkflowFailed(T0, "a-crm", "c-1", "CRM sync failed for c-1"),
                new WorkflowEvent.WorkflowFailed(T0, "b-checked", "c-1", "disk full"));
        assertThat(harness.contact("c-1").tags()).isEmpty();
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("texas");
    }

    @Test
    void aHandlerThatChangesTheContactsIdFailsAndTheContactStaysAsItWas() {
        start(WorkflowSettings.defaults().withTask("Rename", call -> call.contact().update(contact ->
                        ContactData.builder("other").state("TX").build())),
                file("rename", "segment-entered:texas", task("Rename")));

        harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(harness.failures()).singleElement().extracting(WorkflowEvent.WorkflowFailed::reason)
                .isEqualTo("a workflow cannot change a contact's id");
        assertThat(harness.engine.contactCount()).isEqualTo(1);
        assertThat(harness.engine.members("texas")).containsExactly("c-1");
    }

    @Test
    void aCustomTaskCannotTakeTheNameOfABuiltInTask() {
        for (String builtIn : List.of("AddTag", "RemoveTag", "SetField", "LaunchCampaign")) {
            assertThatThrownBy(() -> WorkflowSettings.defaults().withTask(builtIn, call -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("\"" + builtIn + "\" is a built-in task; give a custom task another name");
        }
    }

    @Test
    void aCustomTaskIsKnownToTheCheckAndAMissingOneIsRefused() {
        WorkflowSettings settings = WorkflowSettings.defaults().withTask("Notify", call -> { });
        assertThat(settings.taskNames()).containsExactly("AddTag", "RemoveTag", "SetField", "LaunchCampaign", "Notify");

        assertThatThrownBy(() -> start(WorkflowSettings.defaults(),
                file("notify", "segment-entered:texas", task("Notify"))))
                .isInstanceOf(dev.segments.engine.RuleCompilationException.class)
                .hasMessageContaining("task \"task0\" names unknown task \"Notify\"")
                .hasMessageContaining("tasks are: AddTag, RemoveTag, SetField, LaunchCampaign");
    }
}
