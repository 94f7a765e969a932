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
 */
class SampleTimelineReplayTest {

    private static CliRun run;

    @BeforeAll
    static void replayTheSamples() {
        run = CliRun.of("replay", "--rules", "rules", "--input", "samples/timeline.jsonl");
    }

    @Test
    void printsExactlyTheFrozenChangesInAtOrder() throws IOException {
        List<String> expected;
        try (InputStream in = SampleTimelineReplayTest.class.getResourceAsStream("/cli/sample-timeline.expected")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        ReplayCommandTest.assertInAtOrder(run.outLines(), expected.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
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

        assertThat(run.outLines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line).startsWith("{\"at\": ").endsWith("}");
            assertThat(mapper.readTree(line).isObject()).isTrue();
        });
    }
}
