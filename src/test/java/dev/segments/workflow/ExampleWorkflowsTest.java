package dev.segments.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workflows of {@code workflows/} on the sample rules, end to end through {@code replay --workflows}: the
 * two-step cascade (tag-engaged-texans, then texas-ambassadors-welcome) and the win-back launch exactly seven days
 * after the last open (win-back-campaign).
 */
class ExampleWorkflowsTest {

    @TempDir
    Path dir;

    @Test
    void enteringEngagedTexasClientsTagsTheContactWhichEntersTexasAmbassadorsAndIsEnrolledInItsProgram() {
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-2\", \"state\": \"CA\"}}");

        Run run = replay(timeline);

        assertThat(run.exitCode()).isZero();
        assertInAtOrder(run.lines(),
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"contact.tagged\", \"contact\": \"c-1\", \"tag\": \"engaged-texan\", \"workflow\": \"tag-engaged-texans\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas-ambassadors\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"texas-ambassador-program\", \"contact\": \"c-1\", \"workflow\": \"texas-ambassadors-welcome\"}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theTagOutlivesTheSegmentAndReEnteringAddsItOnceOnly() {
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}",
                // moves to Oklahoma: leaves engaged-texas-clients, keeps the tag and so stays a Texas ambassador
                "{\"at\": \"2026-12-02T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"OK\", \"tags\": [\"engaged-texan\"]}}",
                // back in Texas: AddTag finds the tag (in another case) and changes nothing, so nothing cascades
                "{\"at\": \"2026-12-03T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\", \"tags\": [\"Engaged-Texan\"]}}");

        Run run = replay(timeline);

        assertThat(run.exitCode()).isZero();
        assertInAtOrder(run.lines(),
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"contact.tagged\", \"contact\": \"c-1\", \"tag\": \"engaged-texan\", \"workflow\": \"tag-engaged-texans\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas-ambassadors\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"texas-ambassador-program\", \"contact\": \"c-1\", \"workflow\": \"texas-ambassadors-welcome\"}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-03T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}");
    }

    @Test
    void winBackIsLaunchedExactlySevenDaysAfterTheLastOpen() {
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"WA\"}}",
                "{\"at\": \"2026-12-01T10:00:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-1\", \"type\": \"email.opened\"}}",
                // a second open three days later keeps the contact in recently-engaged and moves its exit
                "{\"at\": \"2026-12-04T10:30:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-1\", \"type\": \"email.opened\"}}",
                "{\"at\": \"2026-12-31T00:00:00Z\", \"op\": \"tick\"}");

        Run run = replay(timeline);

        assertThat(run.exitCode()).isZero();
        assertInAtOrder(run.lines(),
                "{\"at\": \"2026-12-01T10:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-engaged\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-11T10:30:00Z\", \"type\": \"segment.exited\", \"segment\": \"recently-engaged\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-11T10:30:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"win-back\", \"contact\": \"c-1\", \"workflow\": \"win-back-campaign\"}");

        Run oneMillisecondBefore = replay(timeline, "--until", "2026-12-11T10:29:59.999Z");
        assertThat(oneMillisecondBefore.lines()).containsExactly(
                "{\"at\": \"2026-12-01T10:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-engaged\", \"contact\": \"c-1\"}");
    }

    @Test
    void deletingAContactEndsItsMembershipsButLaunchesNoWinBack() {
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"lastEmailOpenedAt\": \"2026-11-30T09:00:00Z\"}}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"op\": \"delete\", \"id\": \"c-1\"}",
                "{\"at\": \"2026-12-31T00:00:00Z\", \"op\": \"tick\"}");

        Run run = replay(timeline);

        assertThat(run.exitCode()).isZero();
        assertInAtOrder(run.lines(),
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-engaged\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"recently-engaged\", \"contact\": \"c-1\"}");
    }

    @Test
    void aWildcardExitTriggerNextToTheExamplesUndoesTheTagAndTheContactLeavesTexasAmbassadors() {
        Path workflows = examplesPlus(Bpmn.file("untag-on-any-exit", "segment-exited:*",
                Bpmn.task("RemoveTag", "Tag", "engaged-texan")));
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"OK\", \"tags\": [\"engaged-texan\"]}}");

        Run run = replay(workflows, timeline);

        assertThat(run.exitCode()).isZero();
        // leaving texas-ambassadors starts untag-on-any-exit again; the tag is gone, so it changes nothing
        assertInAtOrder(run.lines(),
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"contact.tagged\", \"contact\": \"c-1\", \"tag\": \"engaged-texan\", \"workflow\": \"tag-engaged-texans\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas-ambassadors\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"texas-ambassador-program\", \"contact\": \"c-1\", \"workflow\": \"texas-ambassadors-welcome\"}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"type\": \"contact.untagged\", \"contact\": \"c-1\", \"tag\": \"engaged-texan\", \"workflow\": \"untag-on-any-exit\"}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"texas-ambassadors\", \"contact\": \"c-1\"}");
    }

    @Test
    void aFailingTaskIsReportedAndTheCascadeBeforeItStands() {
        Path workflows = examplesPlus(Bpmn.file("bad-dnd", "segment-entered:texas-ambassadors",
                Bpmn.task("SetField", "Field", "dnd", "Value", "maybe")));
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}");

        Run run = replay(workflows, timeline);

        assertThat(run.exitCode()).isZero();
        assertInAtOrder(run.lines(),
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"contact.tagged\", \"contact\": \"c-1\", \"tag\": \"engaged-texan\", \"workflow\": \"tag-engaged-texans\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas-ambassadors\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"workflow.failed\", \"workflow\": \"bad-dnd\", \"contact\": \"c-1\", \"reason\": \"field \\\"dnd\\\": expected true or false, found a string \\\"maybe\\\"\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"texas-ambassador-program\", \"contact\": \"c-1\", \"workflow\": \"texas-ambassadors-welcome\"}");
    }

    @Test
    void aCascadeThatKeepsReTriggeringItselfIsStoppedAfterTenStepsAndTheReplayGoesOn() {
        Path workflows = examplesPlus(
                Bpmn.file("flip-out", "segment-entered:texas-ambassadors", Bpmn.task("RemoveTag", "Tag", "engaged-texan")),
                Bpmn.file("flip-in", "segment-exited:texas-ambassadors", Bpmn.task("AddTag", "Tag", "engaged-texan")));
        Path timeline = timeline(
                "{\"at\": \"2026-12-01T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}",
                "{\"at\": \"2026-12-02T09:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-2\", \"state\": \"WA\"}}",
                "{\"at\": \"2026-12-02T10:00:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-2\", \"type\": \"email.opened\"}}");

        Run run = replay(workflows, timeline);

        assertThat(run.exitCode()).isZero();
        List<String> first = run.lines().stream().filter(line -> line.startsWith("{\"at\": \"2026-12-01T")).toList();
        assertThat(first).filteredOn(line -> line.contains("\"workflow.failed\"")).singleElement().asString()
                .contains("\"contact\": \"c-1\"", "cascade did not settle after 10 steps");
        assertThat(run.lines()).endsWith(
                "{\"at\": \"2026-12-02T10:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-engaged\", \"contact\": \"c-2\"}");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record Run(int exitCode, List<String> lines, String err) {
    }

    private Run replay(Path timeline, String... more) {
        return replay(Path.of("workflows"), timeline, more);
    }

    private static Run replay(Path workflows, Path timeline, String... more) {
        List<String> args = new ArrayList<>(List.of("replay", "--rules", "rules", "--workflows", workflows.toString(),
                "--input", timeline.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(exitCode, out.toString().lines().toList(), err.toString());
    }

    private Path timeline(String... lines) {
        return write(dir.resolve("timeline.jsonl"), String.join("\n", lines) + "\n");
    }

    /** A workflows directory with the examples and the given files. */
    private Path examplesPlus(WorkflowFile... extra) {
        Path workflows = dir.resolve("workflows");
        try (Stream<Path> examples = Files.list(Path.of("workflows"))) {
            for (Path example : examples.toList()) {
                write(workflows.resolve(example.getFileName().toString()), Files.readString(example));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (WorkflowFile file : extra) {
            write(workflows.resolve(Path.of(file.path()).getFileName().toString()), file.content());
        }
        return workflows;
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exactly the expected lines, in {@code at} order; lines with the same {@code at} in any order (SPEC 7). */
    private static void assertInAtOrder(List<String> actual, String... expected) {
        assertThat(actual).containsExactlyInAnyOrder(expected);
        assertThat(actual.stream().map(ExampleWorkflowsTest::at).toList()).isSorted();
    }

    private static String at(String line) {
        return line.substring("{\"at\": \"".length(), line.indexOf('"', "{\"at\": \"".length()));
    }
}
