package dev.segments.workflow;

import static dev.segments.workflow.Bpmn.file;
import static dev.segments.workflow.Bpmn.task;
import static dev.segments.workflow.WorkflowHarness.GOLD;
import static dev.segments.workflow.WorkflowHarness.RECENT_OPENERS;
import static dev.segments.workflow.WorkflowHarness.T0;
import static dev.segments.workflow.WorkflowHarness.TAGGED_TEXANS;
import static dev.segments.workflow.WorkflowHarness.TEXAS;
import static dev.segments.workflow.WorkflowHarness.VIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.definition.TimePoint;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.MembershipFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Workflow changes cascade into segments and more workflows; a cascade that does not settle is stopped. */
class WorkflowCascadeTest {

    /** Two workflows that undo each other: entering tagged-texans removes the tag, leaving it adds it back. */
    static final WorkflowFile[] FLIP_FLOP = {
            file("flip-in", "segment-entered:tagged-texans", task("RemoveTag", "Tag", "texan")),
            file("flip-out", "segment-exited:tagged-texans", task("AddTag", "Tag", "texan"))};

    WorkflowHarness harness;

    /** {@link WorkflowCascadeAllFactsTest} runs every test again with every membership a fact. */
    MembershipFacts membershipFacts() {
        return MembershipFacts.OBSERVED;
    }

    WorkflowHarness start(WorkflowSettings settings, WorkflowFile... workflows) {
        harness = WorkflowHarness.start(List.of(TEXAS, TAGGED_TEXANS, VIP, GOLD, RECENT_OPENERS), settings,
                membershipFacts(), workflows);
        return harness;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aTwoStepCascadeRunsInOneOperationInOrderAllAtTheSameInstant() {
        start(WorkflowSettings.defaults(),
                file("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "texan")),
                file("upgrade-tagged", "segment-entered:tagged-texans",
                        task("SetField", "Field", "custom.plan", "Value", "gold")),
                file("welcome-gold", "segment-entered:gold", task("LaunchCampaign", "CampaignId", "gold-welcome")));

        List<MembershipChange> changes = harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(changes).extracting(WorkflowHarness::name)
                .containsExactly("entered:texas:c-1", "entered:tagged-texans:c-1", "entered:gold:c-1");
        assertThat(changes).extracting(MembershipChange::at).containsOnly(T0);
        assertThat(harness.changes).isEqualTo(changes);
        assertThat(harness.events).containsExactly(
                new WorkflowEvent.ContactTagged(T0, "c-1", "texan", "tag-texans"),
                new WorkflowEvent.CampaignLaunched(T0, "gold-welcome", "c-1", "welcome-gold"));
        assertThat(harness.contact("c-1").custom()).containsEntry("plan", new CustomValue.Text("gold"));
    }

    @Test
    void theBoundCountsWorkflowRoundsSoADeeperCascadeIsStoppedAtIt() {
        start(WorkflowSettings.defaults().withMaxCascadeSteps(1),
                file("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "texan")),
                file("welcome", "segment-entered:tagged-texans", task("LaunchCampaign", "CampaignId", "howdy")));

        List<MembershipChange> changes = harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

        assertThat(changes).extracting(WorkflowHarness::name)
                .containsExactly("entered:texas:c-1", "entered:tagged-texans:c-1");
        assertThat(harness.events).hasSize(2).first()
                .isEqualTo(new WorkflowEvent.ContactTagged(T0, "c-1", "texan", "tag-texans"));
        assertThat(harness.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.workflowId()).isEqualTo("welcome");
            assertThat(failure.reason()).startsWith("cascade did not settle after 1 steps");
        });
    }

    @Test
    void aSelfRetriggeringLoopIsStoppedAfterTheBoundAndNothingElseIsLost() {
        start(WorkflowSettings.defaults().withMaxCascadeSteps(3), FLIP_FLOP);
        harness.engine.upsert(ContactData.builder("c-0").state("TX").addTag("vip").build());
        harness.events.clear();

        List<MembershipChange> changes = harness.engine.upsert(
                ContactData.builder("c-1").state("TX").addTag("texan").build());

        // enter, then three workflow rounds (out, in, out), then the fourth round is stopped: net, only texas
        assertThat(changes).extracting(WorkflowHarness::name).containsExactly("entered:texas:c-1");
        assertThat(harness.events).containsExactly(
                new WorkflowEvent.ContactUntagged(T0, "c-1", "texan", "flip-in"),
                new WorkflowEvent.ContactTagged(T0, "c-1", "texan", "flip-out"),
                new WorkflowEvent.ContactUntagged(T0, "c-1", "texan", "flip-in"),
                new WorkflowEvent.WorkflowFailed(T0, "flip-out", "c-1",
                        "cascade did not settle after 3 steps; stopped before segment-exited:tagged-texans"));

        // the contact stays as the last round left it, and memberships agree with the rules for it
        assertThat(harness.contact("c-1").tags()).isEmpty();
        assertThat(harness.contact("c-0")).isEqualTo(ContactData.builder("c-0").state("TX").addTag("vip").build());
        assertThat(harness.allMembers()).isEqualTo(harness.membersByRulesAlone(
                List.of(harness.contact("c-0"), harness.contact("c-1")), T0));

        // and the engine goes on working
        harness.events.clear();
        harness.engine.upsert(ContactData.builder("c-2").state("CA").addTag("vip").build());
        harness.engine.upsert(ContactData.builder("c-0").state("OK").build());
        assertThat(harness.events).isEmpty();
        assertThat(harness.engine.members("vip")).containsExactly("c-2");
        assertThat(harness.engine.members("texas")).containsExactly("c-1");
        assertThat(harness.engine.contactCount()).isEqualTo(3);
    }

    @Test
    void aLoopStartedByTimePassingIsStoppedAndLaterTimeChangesStillHappen() {
        start(WorkflowSettings.defaults().withMaxCascadeSteps(2),
                file("retag", "segment-exited:recent-openers", task("AddTag", "Tag", "texan")),
                FLIP_FLOP[0], FLIP_FLOP[1]);
        Instant firstOpen = T0.minus(Duration.ofDays(6));
        Instant secondOpen = T0.minus(Duration.ofDays(2));
        harness.engine.upsert(ContactData.builder("looping").lastEmailOpenedAt(new TimePoint.AtInstant(firstOpen))
                .build());
        harness.engine.upsert(ContactData.builder("quiet").lastEmailOpenedAt(new TimePoint.AtInstant(secondOpen))
                .build());

        List<MembershipChange> changes = harness.engine.advanceTo(T0.plus(Duration.ofDays(30)));

        Instant firstExit = firstOpen.plus(Duration.ofDays(7));
        Instant secondExit = secondOpen.plus(Duration.ofDays(7));
        // each instant's step reports its net change: the tagged-texans flicker of the stopped loop nets out
        assertThat(changes).extracting(WorkflowHarness::name, MembershipChange::at).containsExactly(
                tuple("exited:recent-openers:looping", firstExit),
                tuple("exited:recent-openers:quiet", secondExit));
        assertThat(harness.events).filteredOn(e -> e.contactId().equals("looping")).extracting(WorkflowEvent::at)
                .containsOnly(firstExit).hasSize(3);
        assertThat(harness.failures()).extracting(WorkflowEvent::contactId, WorkflowEvent::at)
                .containsExactly(tuple("looping", firstExit), tuple("quiet", secondExit));
        assertThat(harness.engine.now()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(harness.engine.nextTimeChange()).isEqualTo(Optional.empty());
        assertThat(harness.allMembers()).isEqualTo(harness.membersByRulesAlone(
                List.of(harness.contact("looping"), harness.contact("quiet")), harness.engine.now()));
    }

    @Test
    void aReloadThatStartsALoopForEveryContactIsStoppedAndTheNewRulesStay() {
        harness = WorkflowHarness.start(List.of(TEXAS, VIP), WorkflowSettings.defaults().withMaxCascadeSteps(2));
        harness.engine.updateRules(new dev.segments.engine.RuleSources(List.of(TEXAS), List.of()));
        harness.engine.upsert(ContactData.builder("c-1").addTag("vip").build());
        harness.engine.upsert(ContactData.builder("c-2").addTag("vip").state("TX").build());

        List<MembershipChange> changes = harness.engine.updateRules(new dev.segments.engine.RuleSources(
                List.of(TEXAS, VIP), List.of(), List.of(
                        file("flip-vip", "segment-exited:vip", task("AddTag", "Tag", "vip")),
                        file("flop-vip", "segment-entered:vip", task("RemoveTag", "Tag", "vip")))));

        // in, out, in for each contact: net, each entered vip once
        assertThat(changes).extracting(WorkflowHarness::name)
                .containsExactlyInAnyOrder("entered:vip:c-1", "entered:vip:c-2");
        assertThat(harness.events).filteredOn(e -> e.contactId().equals("c-1")).extracting(WorkflowEvent::workflowId)
                .containsExactly("flop-vip", "flip-vip", "flop-vip");
        assertThat(harness.failures()).extracting(WorkflowEvent::workflowId, WorkflowEvent::contactId)
                .containsExactlyInAnyOrder(tuple("flop-vip", "c-1"), tuple("flop-vip", "c-2"));
        assertThat(harness.engine.segmentIds()).containsExactly("texas", "vip");
        assertThat(harness.allMembers()).isEqualTo(harness.membersByRulesAlone(
                List.of(harness.contact("c-1"), harness.contact("c-2")), T0));
    }

    @Test
    void theBoundMustBeAtLeastOne() {
        assertThatThrownBy(() -> WorkflowSettings.defaults().withMaxCascadeSteps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxCascadeSteps must be at least 1");
    }
}
