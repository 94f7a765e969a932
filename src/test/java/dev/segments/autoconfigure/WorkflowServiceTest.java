package dev.segments.autoconfigure;

import static dev.segments.workflow.Bpmn.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.engine.SegmentEngine;
import dev.segments.workflow.Bpmn;
import dev.segments.workflow.CampaignLaunch;
import dev.segments.workflow.CampaignLauncher;
import dev.segments.workflow.InMemoryCampaignLauncher;
import dev.segments.workflow.WorkflowEvent;
import dev.segments.workflow.WorkflowSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Workflows in the service: loaded from the workflows directory, with task and launcher beans, reloaded on edits. */
@ExtendWith(OutputCaptureExtension.class)
class WorkflowServiceTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Path RULES = Path.of("src/test/resources/service/rules");

    @TempDir
    Path workflows;

    ApplicationContextRunner runner;

    @BeforeEach
    void runner() {
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SegmentsAutoConfiguration.class))
                .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
                .withPropertyValues("segments.rules-dir=" + RULES, "segments.workflows-dir=" + workflows,
                        "segments.reload-interval=0");
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(workflows.resolve(name), content);
    }

    Path writeWorkflow(String processId, String signal, Bpmn.Task... tasks) throws IOException {
        return write(processId + ".bpmn", Bpmn.process(processId, signal, List.of(tasks)));
    }

    static ContactData texan(String id) {
        return ContactData.builder(id).state("TX").build();
    }

    @Test
    void aBrokenWorkflowIsRefusedAndLoggedWhileTheGoodOnesLoadAndRun(CapturedOutput output) throws IOException {
        writeWorkflow("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "texan"));
        Path cut = write("cut.bpmn", "<bpmn2:definitions");
        Path typo = writeWorkflow("typo", "segment-entered:texas", task("AddTagg", "Tag", "never"));
        Path page = write("page.bpmn", "<html/>");

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            engine.upsert(texan("c-1"));

            assertThat(engine.contact("c-1").orElseThrow().tags()).containsExactly("texan");
            assertThat(engine.segmentsOf("c-1")).containsExactly("tagged-texans", "texas");
        });
        assertThat(output).contains("workflow refused: " + cut + ":")
                .contains("workflow refused: " + typo + ":11:5: task \"task0\" names unknown task \"AddTagg\"")
                .contains("workflow refused: " + page + ":0:0: no BPMN2 process found");
    }

    @Test
    void twoFilesWithOneProcessIdKeepTheFirstAndRefuseTheSecond(CapturedOutput output) throws IOException {
        write("a.bpmn", Bpmn.process("welcome", "segment-entered:texas", List.of(task("AddTag", "Tag", "from-a"))));
        write("b.bpmn", Bpmn.process("welcome", "segment-entered:texas", List.of(task("AddTag", "Tag", "from-b"))));

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            engine.upsert(texan("c-1"));
            assertThat(engine.contact("c-1").orElseThrow().tags()).containsExactly("from-a");
        });
        assertThat(output).contains("workflow refused: " + workflows.resolve("b.bpmn") + ":6:3: process id \"welcome\" "
                + "is already used at " + workflows.resolve("a.bpmn") + ":6:3");
    }

    @Test
    void aWorkflowTaskBeanRunsTheBpmnTasksOfItsName() throws IOException {
        writeWorkflow("notify", "segment-entered:texas", task("Notify", "Channel", "sms"));
        List<String> notified = new CopyOnWriteArrayList<>();

        runner.withBean("notifyTask", WorkflowTask.class, () -> new WorkflowTask("Notify",
                call -> notified.add(call.contactId() + " by " + call.requiredText("Channel")))).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WorkflowSettings.class).taskNames()).contains("Notify");
            context.getBean(SegmentEngine.class).upsert(texan("c-1"));
            assertThat(notified).containsExactly("c-1 by sms");
        });
    }

    @Test
    void withoutItsTaskBeanAWorkflowIsRefusedAndTheServiceStillStarts(CapturedOutput output) throws IOException {
        Path notify = writeWorkflow("notify", "segment-entered:texas", task("Notify", "Channel", "sms"));

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(SegmentEngine.class).upsert(texan("c-1"));
        });
        assertThat(output).contains("workflow refused: " + notify + ":11:5: task \"task0\" names unknown task \"Notify\"");
    }

    @Test
    void theCampaignLauncherBeanReceivesLaunches() throws IOException {
        writeWorkflow("welcome", "segment-entered:texas", task("LaunchCampaign", "CampaignId", "howdy"));
        List<CampaignLaunch> launched = new CopyOnWriteArrayList<>();

        runner.withBean(CampaignLauncher.class, () -> launched::add).run(context -> {
            assertThat(context).hasSingleBean(CampaignLauncher.class);
            context.getBean(SegmentEngine.class).upsert(texan("c-1"));
            assertThat(launched).containsExactly(new CampaignLaunch("howdy", "c-1", "welcome", NOW));
        });
    }

    @Test
    void theDefaultLauncherKeepsLaunchesInMemory() throws IOException {
        writeWorkflow("welcome", "segment-entered:texas", task("LaunchCampaign", "CampaignId", "howdy"));

        runner.run(context -> {
            context.getBean(SegmentEngine.class).upsert(texan("c-1"));
            assertThat(context.getBean(CampaignLauncher.class)).isInstanceOfSatisfying(InMemoryCampaignLauncher.class,
                    launcher -> assertThat(launcher.launches()).extracting(CampaignLaunch::campaignId)
                            .containsExactly("howdy"));
        });
    }

    @Test
    void maxCascadeStepsBoundsTheCascade() throws IOException {
        writeWorkflow("flip-in", "segment-entered:tagged-texans", task("RemoveTag", "Tag", "texan"));
        writeWorkflow("flip-out", "segment-exited:tagged-texans", task("AddTag", "Tag", "texan"));
        List<WorkflowEvent> events = new ArrayList<>();

        runner.withPropertyValues("segments.max-cascade-steps=2")
                .withBean(SegmentEngineCustomizer.class, () -> engine -> engine.addWorkflowListener(events::addAll))
                .run(context -> {
                    assertThat(context.getBean(WorkflowSettings.class).maxCascadeSteps()).isEqualTo(2);
                    SegmentEngine engine = context.getBean(SegmentEngine.class);
                    engine.upsert(ContactData.builder("c-1").addTag("texan").build());

                    assertThat(events).hasSize(3).last().isInstanceOfSatisfying(WorkflowEvent.WorkflowFailed.class,
                            failed -> assertThat(failed.reason()).startsWith("cascade did not settle after 2 steps"));
                    engine.upsert(texan("c-2"));
                    assertThat(engine.members("texas")).containsExactly("c-2");
                });
    }

    @Test
    void editsOfTheWorkflowsDirectoryAreAppliedOnReload(CapturedOutput output) throws IOException {
        writeWorkflow("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "texan"));

        runner.run(context -> {
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            RulesDirectoryWatcher watcher = context.getBean(RulesDirectoryWatcher.class);
            engine.upsert(texan("c-1"));
            assertThat(engine.contact("c-1").orElseThrow().tags()).containsExactly("texan");
            assertThat(watcher.reloadIfChanged()).isEmpty();

            writeWorkflow("tag-texans", "segment-entered:texas", task("AddTag", "Tag", "lone-star"));
            assertThat(watcher.reloadIfChanged()).isEmpty();
            engine.upsert(texan("c-2"));
            assertThat(engine.contact("c-2").orElseThrow().tags()).containsExactly("lone-star");

            // a broken edit of one file refuses that file only; another file added with it loads
            Path broken = write("tag-texans.bpmn", "<bpmn2:definitions");
            writeWorkflow("bye", "segment-exited:texas", task("AddTag", "Tag", "gone"));
            watcher.reloadIfChanged();
            engine.upsert(texan("c-3"));
            assertThat(engine.contact("c-3").orElseThrow().tags()).isEmpty();
            engine.upsert(ContactData.builder("c-3").state("OK").build());
            assertThat(engine.contact("c-3").orElseThrow().tags()).containsExactly("gone");
            assertThat(output).contains("workflow refused: " + broken);

            Files.delete(broken);
            Files.delete(workflows.resolve("bye.bpmn"));
            watcher.reloadIfChanged();
            engine.upsert(texan("c-4"));
            engine.upsert(ContactData.builder("c-4").state("OK").build());
            assertThat(engine.contact("c-4").orElseThrow().tags()).isEmpty();
        });
    }

    @Test
    void documentedWorkflowDefaultsAreTheRealDefaults() {
        SegmentsProperties properties = new SegmentsProperties();
        assertThat(properties.getWorkflowsDir()).isEqualTo(Path.of("workflows"));
        assertThat(properties.getMaxCascadeSteps()).isEqualTo(WorkflowSettings.DEFAULT_MAX_CASCADE_STEPS).isEqualTo(10);
    }
}
