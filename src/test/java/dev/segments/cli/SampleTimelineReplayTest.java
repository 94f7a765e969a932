package dev.segments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample timeline on the sample rules, frozen in {@code cli/sample-timeline.expected}. Its story: Dana (c-9001), an
 * Active Client in win-back, opens the Cyber Monday email and is recently engaged for exactly seven days; Luis (c-9002),
 * a Texan webinar lead, opens and clicks, then moves to Oklahoma; Priya (c-9003) is a big spender due for renewal who
 * becomes an Active Client, unsubscribes and is deleted.
 *
 * <p>With the example workflows ({@code cli/sample-timeline-workflows.expected}) the same story goes on: whoever enters
 * engaged-texas-clients (Luis at once, Dana when she opens) is tagged engaged-texan, so enters texas-ambassadors and is
 * enrolled in texas-ambassador-program; whoever leaves recently-engaged (Dana, then Luis, each seven days after the
 * open) is enrolled in win-back. Luis's move to Oklahoma is an upsert of his whole contact, without the tag the
 * workflow added, so he also leaves texas-ambassadors; Dana keeps her tag and stays.
 */
class SampleTimelineReplayTest {

    private static CliRun run;
    private static CliRun withWorkflows;

    @BeforeAll
    static void replayTheSamples() {
        run = CliRun.of("replay", "--rules", "rules", "--input", "samples/timeline.jsonl");
        withWorkflows = CliRun.of("replay", "--rules", "rules", "--workflows", "workflows", "--input",
                "samples/timeline.jsonl");
    }

    @Test
    void printsExactlyTheFrozenChangesInAtOrder() throws IOException {
        List<String> expected = expected("/cli/sample-timeline.expected");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        ReplayCommandTest.assertInAtOrder(run.outLines(), expected.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withTheExampleWorkflowsPrintsExactlyTheFrozenChangesAndWhatTheWorkflowsDid() throws IOException {
        List<String> expected = expected("/cli/sample-timeline-workflows.expected");

        assertThat(withWorkflows.exitCode()).isEqualTo(ExitCodes.OK);
        ReplayCommandTest.assertInAtOrder(withWorkflows.outLines(), expected.toArray(String[]::new));
        assertThat(withWorkflows.err()).isEmpty();
    }

    @Test
    void theWorkflowsAddToTheStoryWithoutChangingIt() throws IOException {
        // Every change of the plain replay is still there; the rest is the workflows' doing and texas-ambassadors,
        // which only the workflow tag-engaged-texans fills.
        assertThat(withWorkflows.outLines())
                .filteredOn(line -> line.contains("\"type\": \"segment.") && !line.contains("\"texas-ambassadors\""))
                .containsExactlyElementsOf(run.outLines());
        assertThat(withWorkflows.outLines()).noneMatch(line -> line.contains("\"workflow.failed\""));
    }

    @Test
    void danaIsTaggedEntersTexasAmbassadorsAndIsWonBackSevenDaysAfterHerOpen() {
        assertThat(withWorkflows.outLines()).filteredOn(line -> line.contains("\"c-9001\"")).containsSubsequence(
                "{\"at\": \"2026-11-30T14:25:00Z\", \"type\": \"segment.entered\", \"segment\": \"engaged-texas-clients\", \"contact\": \"c-9001\"}",
                "{\"at\": \"2026-11-30T14:25:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas-ambassadors\", \"contact\": \"c-9001\"}",
                "{\"at\": \"2026-11-30T14:25:00Z\", \"type\": \"contact.tagged\", \"contact\": \"c-9001\", \"tag\": \"engaged-texan\", \"workflow\": \"tag-engaged-texans\"}",
                "{\"at\": \"2026-11-30T14:25:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"texas-ambassador-program\", \"contact\": \"c-9001\", \"workflow\": \"texas-ambassadors-welcome\"}",
                "{\"at\": \"2026-12-07T14:25:00Z\", \"type\": \"campaign.launched\", \"campaign\": \"win-back\", \"contact\": \"c-9001\", \"workflow\": \"win-back-campaign\"}");
        assertThat(withWorkflows.outLines()).contains(
                "{\"at\": \"2026-12-07T14:25:00Z\", \"type\": \"segment.exited\", \"segment\": \"recently-engaged\", \"contact\": \"c-9001\"}");
        assertThat(withWorkflows.outLines()).noneMatch(line -> line.contains("\"segment.exited\", \"segment\": "
                + "\"texas-ambassadors\", \"contact\": \"c-9001\""));
    }

    private static List<String> expected(String resource) throws IOException {
        try (InputStream in = SampleTimelineReplayTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void danaIsRecentlyEngagedForExactlySevenDaysAfterHerOpen() {
        assertThat(run.outLines()).filteredOn(line -> line.contains("\"c-9001\"")).containsSubsequence(
                "{\"at\": \"2026-11-30T14:25:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-engaged\", \"contact\": \"c-9001\"}",
                "{\"at\": \"2026-12-07T14:25:00Z\", \"type\": \"segment.exited\", \"segment\": \"recently-engaged\", \"contact\": \"c-9001\"}");
        assertThat(run.outLines()).contains(
                "{\"at\": \"2026-11-30T14:25:00Z\", \"type\": \"segment.exited\", \"segment\": \"win-back\", \"contact\": \"c-9001\"}",
                "{\"at\": \"2026-12-07T14:25:00Z\", \"type\": \"segment.entered\", \"segment\": \"win-back\", \"contact\": \"c-9001\"}");
    }

    @Test
    void outIsOnlyJsonLinesNoLogs() {
        JsonMapper mapper = JsonMapper.builder().build();

        assertThat(withWorkflows.outLines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("{\"at\": ").endsWith("}");
            assertThat(mapper.readTree(line).isObject()).isTrue();
        });
        assertThat(run.outLines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("{\"at\": ").endsWith("}");
            assertThat(mapper.readTree(line).isObject()).isTrue();
        });
    }
}
