package dev.segments.workflow;

import static dev.segments.workflow.Bpmn.file;
import static dev.segments.workflow.Bpmn.task;
import static dev.segments.workflow.WorkflowHarness.AUSTIN;
import static dev.segments.workflow.WorkflowHarness.DO_NOT_DISTURB;
import static dev.segments.workflow.WorkflowHarness.GOLD;
import static dev.segments.workflow.WorkflowHarness.NEW_CONTACTS;
import static dev.segments.workflow.WorkflowHarness.T0;
import static dev.segments.workflow.WorkflowHarness.TAGGED_TEXANS;
import static dev.segments.workflow.WorkflowHarness.TEXAS;
import static dev.segments.workflow.WorkflowHarness.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.TimePoint;
import dev.segments.engine.MembershipChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The built-in tasks (SPEC 6) through the real engine: each change lands in the same step and cascades. */
class BuiltInTasksTest {

    static final Instant LATER = T0.plus(Duration.ofHours(5));

    WorkflowHarness harness;

    WorkflowHarness start(WorkflowSettings settings, WorkflowFile... workflows) {
        harness = WorkflowHarness.start(List.of(TEXAS, TAGGED_TEXANS, VIP, AUSTIN, DO_NOT_DISTURB, GOLD, NEW_CONTACTS),
                settings, workflows);
        return harness;
    }

    WorkflowHarness start(WorkflowFile... workflows) {
        return start(WorkflowSettings.defaults(), workflows);
    }

    /** Upserts a Texan at {@link #LATER}, so every stamp must be the step's instant, not the engine's start. */
    List<MembershipChange> texanArrivesLater(ContactData.Builder contact) {
        harness.engine.advanceTo(LATER);
        return harness.engine.upsert(contact.state("TX").build());
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    // ---- AddTag -------------------------------------------------------------------------------------------------

    @Test
    void addTagAddsTheTagAndTheContactEntersTheTagSegmentInTheSameStepAtTheStepInstant() {
        start(file("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "texan")));

        List<MembershipChange> returned = texanArrivesLater(ContactData.builder("c-1"));

        assertThat(returned).extracting(WorkflowHarness::name)
                .containsExactly("entered:texas:c-1", "entered:tagged-texans:c-1");
        assertThat(returned).extracting(MembershipChange::at).containsOnly(LATER);
        assertThat(harness.contact("c-1").tags()).containsExactly("texan");
        assertThat(harness.events).containsExactly(new WorkflowEvent.ContactTagged(LATER, "c-1", "texan", "tag-texans"));
    }

    @Test
    void addTagOfATagTheContactHasInAnotherSpellingChangesNothingAndReportsNothing() {
        start(file("tag-texans", "segment-entered:texas", task("AddTag", "Tag", " TEXAN ")));

        List<MembershipChange> returned = texanArrivesLater(ContactData.builder("c-1").addTag("Texan"));

        assertThat(returned).extracting(WorkflowHarness::name)
                .containsExactlyInAnyOrder("entered:texas:c-1", "entered:tagged-texans:c-1");
        assertThat(harness.contact("c-1").tags()).containsExactly("Texan");
        assertThat(harness.events).isEmpty();
    }

    @Test
    void addTagWithABlankTagFailsTheWorkflowNamingTheInputAndTheTriggeringChangeStands() {
        start(file("blank", "segment-entered:texas", task("AddTag", "Tag", "   ")),
                file("missing", "segment-entered:texas", task("AddTag")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.events).containsExactly(
                new WorkflowEvent.WorkflowFailed(LATER, "blank", "c-1", "task AddTag needs the input \"Tag\""),
                new WorkflowEvent.WorkflowFailed(LATER, "missing", "c-1", "task AddTag needs the input \"Tag\""));
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("texas");
        assertThat(harness.contact("c-1").tags()).isEmpty();
    }

    // ---- RemoveTag ----------------------------------------------------------------------------------------------

    @Test
    void removeTagRemovesEverySpellingOfTheTagAndTheContactLeavesTheTagSegmentInTheSameStep() {
        start(file("unvip-texans", "segment-entered:texas", task("RemoveTag", "Tag", "vip")));
        harness.engine.upsert(ContactData.builder("c-1").tags(Set.of("VIP", " vip ", "Vip", "vip", "other")).build());
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("vip");

        List<MembershipChange> returned = texanArrivesLater(
                harness.contact("c-1").toBuilder());

        assertThat(harness.contact("c-1").tags()).containsExactly("other");
        assertThat(returned).extracting(WorkflowHarness::name).containsExactly("entered:texas:c-1", "exited:vip:c-1");
        assertThat(returned).extracting(MembershipChange::at).containsOnly(LATER);
        assertThat(harness.events).containsExactly(new WorkflowEvent.ContactUntagged(LATER, "c-1", "vip", "unvip-texans"));
    }

    @Test
    void removeTagOfATagTheContactDoesNotHaveChangesNothingAndReportsNothing() {
        start(file("unvip-texans", "segment-entered:texas", task("RemoveTag", "Tag", "vip")));

        texanArrivesLater(ContactData.builder("c-1").addTag("vipp"));

        assertThat(harness.contact("c-1").tags()).containsExactly("vipp");
        assertThat(harness.events).isEmpty();
    }

    // ---- SetField -----------------------------------------------------------------------------------------------

    @Test
    void setFieldSetsATextFieldAndTheContactEntersTheSegmentOnItInTheSameStep() {
        start(file("move-to-austin", "segment-entered:texas", task("SetField", "Field", "city", "Value", "Austin")));

        List<MembershipChange> returned = texanArrivesLater(ContactData.builder("c-1").city("Dallas"));

        assertThat(harness.contact("c-1").city()).isEqualTo("Austin");
        assertThat(returned).extracting(WorkflowHarness::name).containsExactly("entered:texas:c-1", "entered:austin:c-1");
        assertThat(returned).extracting(MembershipChange::at).containsOnly(LATER);
        assertThat(harness.events).isEmpty();
    }

    @Test
    void setFieldTurnsTheLiteralTrueIntoDnd() {
        start(file("quiet-texans", "segment-entered:texas", task("SetField", "Field", "dnd", "Value", "true")));

        List<MembershipChange> returned = texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.contact("c-1").dnd()).isTrue();
        assertThat(returned).extracting(WorkflowHarness::name)
                .containsExactly("entered:texas:c-1", "entered:do-not-disturb:c-1");
    }

    @Test
    void setFieldWithAValueTheFieldCannotTakeFailsTheWorkflowNamingTheFieldAndChangesNothing() {
        start(file("bad-status", "segment-entered:texas",
                task("SetField", "Field", "emailStatus", "Value", "sometimes")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.workflowId()).isEqualTo("bad-status");
            assertThat(failure.at()).isEqualTo(LATER);
            assertThat(failure.reason()).isEqualTo(
                    "field \"emailStatus\": expected one of subscribed, unsubscribed, bounced, found \"sometimes\"");
        });
        assertThat(harness.contact("c-1").emailStatus()).isEqualTo(EmailStatus.SUBSCRIBED);
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("texas");
    }

    @Test
    void setFieldSetsAKnownEmailStatus() {
        start(file("bounce", "segment-entered:texas", task("SetField", "Field", "emailStatus", "Value", "bounced")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.contact("c-1").emailStatus()).isEqualTo(EmailStatus.BOUNCED);
        assertThat(harness.failures()).isEmpty();
    }

    @Test
    void setFieldSetsACustomFieldAsTextAndTheContactEntersTheSegmentOnIt() {
        start(file("gold-texans", "segment-entered:texas", task("SetField", "Field", "custom.plan", "Value", "gold")));

        List<MembershipChange> returned = texanArrivesLater(
                ContactData.builder("c-1").custom("seats", new CustomValue.Number(java.math.BigDecimal.TEN)));

        assertThat(harness.contact("c-1").custom()).containsEntry("plan", new CustomValue.Text("gold"))
                .containsEntry("seats", new CustomValue.Number(java.math.BigDecimal.TEN));
        assertThat(returned).extracting(WorkflowHarness::name).containsExactly("entered:texas:c-1", "entered:gold:c-1");
    }

    @Test
    void setFieldWithAnEmptyOrAbsentValueClearsTheFieldAndTheContactLeavesTheSegmentOnIt() {
        start(file("clear-city", "segment-entered:texas", task("SetField", "Field", "city", "Value", "")),
                file("clear-plan", "segment-entered:texas", task("SetField", "Field", "custom.plan")));
        harness.engine.upsert(ContactData.builder("c-1").city("Austin")
                .custom("plan", new CustomValue.Text("gold")).build());
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("austin", "gold");

        List<MembershipChange> returned = texanArrivesLater(harness.contact("c-1").toBuilder());

        assertThat(harness.failures()).isEmpty();
        assertThat(harness.contact("c-1").city()).isNull();
        assertThat(harness.contact("c-1").custom()).isEmpty();
        assertThat(returned).extracting(WorkflowHarness::name)
                .startsWith("entered:texas:c-1") // changes at one instant come in any order (SPEC)
                .containsExactlyInAnyOrder("entered:texas:c-1", "exited:austin:c-1", "exited:gold:c-1");
        assertThat(returned).extracting(MembershipChange::at).containsOnly(LATER);
    }

    @Test
    void setFieldSetsCreatedAtFromAnIsoInstantAndTimeThenMovesTheContactOut() {
        Instant created = LATER.minus(Duration.ofDays(2));
        start(file("backdate", "segment-entered:texas",
                task("SetField", "Field", "createdAt", "Value", created.toString())));

        List<MembershipChange> returned = texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.contact("c-1").createdAt()).isEqualTo(new TimePoint.AtInstant(created));
        assertThat(returned).extracting(WorkflowHarness::name)
                .containsExactly("entered:texas:c-1", "entered:new-contacts:c-1");
        assertThat(harness.engine.advanceTo(LATER.plus(Duration.ofDays(30))))
                .extracting(WorkflowHarness::name, MembershipChange::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exited:new-contacts:c-1",
                        created.plus(Duration.ofDays(7))));
    }

    @Test
    void setFieldRefusesTagsAndIdAndChangesNothing() {
        start(file("set-tags", "segment-entered:texas", task("SetField", "Field", "tags", "Value", "vip")),
                file("set-id", "segment-entered:texas", task("SetField", "Field", "id", "Value", "c-2")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.failures()).extracting(WorkflowEvent.WorkflowFailed::workflowId,
                WorkflowEvent.WorkflowFailed::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("set-id", "SetField cannot set \"id\""),
                org.assertj.core.groups.Tuple.tuple("set-tags", "SetField cannot set \"tags\"; use AddTag and RemoveTag"));
        assertThat(harness.engine.contactCount()).isEqualTo(1);
        assertThat(harness.contact("c-1").tags()).isEmpty();
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("texas");
    }

    @Test
    void setFieldOfAnUnknownFieldFailsNamingIt() {
        start(file("typo", "segment-entered:texas", task("SetField", "Field", "cty", "Value", "Austin")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.failures()).singleElement().extracting(WorkflowEvent.WorkflowFailed::reason)
                .asString().contains("cty");
        assertThat(harness.contact("c-1").city()).isNull();
    }

    // ---- LaunchCampaign -----------------------------------------------------------------------------------------

    @Test
    void launchCampaignGoesToTheConfiguredLauncherAndIsReported() {
        List<CampaignLaunch> launched = new ArrayList<>();
        start(WorkflowSettings.defaults().withLauncher(launched::add),
                file("welcome", "segment-entered:texas", task("LaunchCampaign", "CampaignId", " howdy ")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(launched).containsExactly(new CampaignLaunch("howdy", "c-1", "welcome", LATER));
        assertThat(harness.events).containsExactly(new WorkflowEvent.CampaignLaunched(LATER, "howdy", "c-1", "welcome"));
    }

    @Test
    void aLauncherThatThrowsFailsTheWorkflowWithItsMessage() {
        start(WorkflowSettings.defaults().withLauncher(launch -> {
            throw new IllegalStateException("campaign service down");
        }), file("welcome", "segment-entered:texas", task("LaunchCampaign", "CampaignId", "howdy")));

        texanArrivesLater(ContactData.builder("c-1"));

        assertThat(harness.events).containsExactly(
                new WorkflowEvent.WorkflowFailed(LATER, "welcome", "c-1", "campaign service down"));
        assertThat(harness.engine.segmentsOf("c-1")).containsExactly("texas");
    }
}
