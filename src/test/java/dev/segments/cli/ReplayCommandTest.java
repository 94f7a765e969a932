package dev.segments.cli;

import static dev.segments.cli.CliRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code replay}: a timeline in, one JSON line per net membership change out, time-driven changes included. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    Path rules;

    @BeforeEach
    void writeRules() {
        rules = dir.resolve("rules");
        write(rules.resolve("segments/vip.json"),
                "{\"id\": \"vip\", \"match\": {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"vip\"}}");
        write(rules.resolve("segments/texas.json"),
                "{\"id\": \"texas\", \"match\": {\"field\": \"state\", \"op\": \"equals\", \"value\": \"TX\"}}");
        write(rules.resolve("segments/recently-opened.json"),
                "{\"id\": \"recently-opened\",",
                " \"match\": {\"field\": \"lastEmailOpenedAt\", \"op\": \"withinLast\", \"value\": \"P7D\"}}");
        write(rules.resolve("segments/texan-or-vip.yaml"),
                "id: texan-or-vip",
                "match:",
                "  any:",
                "    - {field: state, op: equals, value: TX}",
                "    - {field: tags, op: contains, value: vip}");
    }

    @Test
    void printsEveryNetChangeOfATimelineInAtOrder() {
        Path input = write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-01T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\", \"tags\": [\"vip\"]}}",
                "{\"at\": \"2026-12-01T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-2\"}}",
                "{\"at\": \"2026-12-01T10:00:00+01:00\", \"op\": \"event\", \"event\": {\"contactId\": \"c-2\", \"type\": \"email.opened\", \"campaignId\": \"dec\"}}",
                // state left out: cleared, so c-1 leaves texas (texan-or-vip still holds through the tag)
                "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"tags\": [\"vip\"]}}",
                // a second open moves the exit from 12-08T09:00 to 12-12T00:00
                "{\"at\": \"2026-12-05T00:00:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-2\", \"type\": \"email.opened\"}}",
                // changes that keep every membership print nothing
                "{\"at\": \"2026-12-06T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"tags\": [\"vip\", \"gold\"], \"city\": \"Austin\"}}",
                "{\"at\": \"2026-12-07T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-3\", \"state\": \"TX\", \"tags\": [\"vip\"]}}",
                "{\"at\": \"2026-12-08T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-3\"}",
                "{\"at\": \"2026-12-13T00:00:00.000Z\", \"op\": \"tick\"}");

        CliRun run = replay(input);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertInAtOrder(run.outLines(),
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texan-or-vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T09:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-opened\", \"contact\": \"c-2\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"texas\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-07T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas\", \"contact\": \"c-3\"}",
                "{\"at\": \"2026-12-07T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"vip\", \"contact\": \"c-3\"}",
                "{\"at\": \"2026-12-07T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texan-or-vip\", \"contact\": \"c-3\"}",
                "{\"at\": \"2026-12-08T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"texas\", \"contact\": \"c-3\"}",
                "{\"at\": \"2026-12-08T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"vip\", \"contact\": \"c-3\"}",
                "{\"at\": \"2026-12-08T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"texan-or-vip\", \"contact\": \"c-3\"}",
                "{\"at\": \"2026-12-12T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"recently-opened\", \"contact\": \"c-2\"}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aContactThatLeavesAndReentersWithinOneLinePrintsNothing() {
        Path input = write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-01T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}",
                // texan-or-vip: the state branch stops holding and the tag branch starts, in one upsert
                "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"CA\", \"tags\": [\"vip\"]}}",
                "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"state\": \"TX\"}}");

        CliRun run = replay(input);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertInAtOrder(run.outLines(),
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texan-or-vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"texas\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-03T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texas\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-03T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"vip\", \"contact\": \"c-1\"}");
    }

    @Test
    void aDeleteAndAnUpsertOnTwoLinesOfOneInstantPrintBothChanges() {
        Path input = write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-01T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"tags\": [\"vip\"]}}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-1\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"tags\": [\"vip\"]}}");

        CliRun run = replay(input);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(6);
        // each input line's changes come out together, in input order; within a line in any order
        assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder(
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-01T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texan-or-vip\", \"contact\": \"c-1\"}");
        assertThat(lines.subList(2, 4)).containsExactlyInAnyOrder(
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.exited\", \"segment\": \"texan-or-vip\", \"contact\": \"c-1\"}");
        assertThat(lines.subList(4, 6)).containsExactlyInAnyOrder(
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"vip\", \"contact\": \"c-1\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"texan-or-vip\", \"contact\": \"c-1\"}");
    }

    private Path openedTimeline() {
        return write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-01T12:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-2\", \"lastEmailOpenedAt\": \"2026-12-01T10:00:00.250Z\"}}");
    }

    @Test
    void withoutUntilTheClockStopsAtTheLastLine() {
        CliRun run = replay(openedTimeline());

        assertThat(run.outLines()).containsExactly(
                "{\"at\": \"2026-12-01T12:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-opened\", \"contact\": \"c-2\"}");
    }

    @Test
    void untilBeyondTheLastLinePrintsTheExitsTimeCausesUpToIt() {
        CliRun run = replay(openedTimeline(), "--until", "2026-12-31T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).containsExactly(
                "{\"at\": \"2026-12-01T12:00:00Z\", \"type\": \"segment.entered\", \"segment\": \"recently-opened\", \"contact\": \"c-2\"}",
                "{\"at\": \"2026-12-08T10:00:00.250Z\", \"type\": \"segment.exited\", \"segment\": \"recently-opened\", \"contact\": \"c-2\"}");
    }

    @Test
    void untilExactlyAtTheExitAlreadyShowsTheExit() {
        CliRun run = replay(openedTimeline(), "--until", "2026-12-08T10:00:00.250Z");

        assertThat(run.outLines()).hasSize(2).last().asString().contains("segment.exited");
    }

    @Test
    void untilOneMillisecondBeforeTheExitDoesNotShowIt() {
        CliRun run = replay(openedTimeline(), "--until", "2026-12-08T10:00:00.249Z");

        assertThat(run.outLines()).hasSize(1).first().asString().contains("segment.entered");
    }

    @Test
    void untilBeforeALineLeavesThatLineAndTheRestUnapplied() {
        Path input = write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-01T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"tags\": [\"vip\"]}}",
                "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-1\"}");

        CliRun run = replay(input, "--until", "2026-12-02T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("segment.entered"));
    }

    @Test
    void anEmptyInputPrintsNothing() {
        Path input = write(dir.resolve("timeline.jsonl"), "", "  ");

        CliRun run = replay(input);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    static Stream<Arguments> badTimelines() {
        String upsert = "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"tags\": [\"vip\"]}}";
        return Stream.of(
                Arguments.of("at decreasing", List.of(upsert,
                        "{\"at\": \"2026-12-01T23:59:59Z\", \"op\": \"tick\"}"),
                        2, "\"at\" 2026-12-01T23:59:59Z is before the previous line's 2026-12-02T00:00:00Z"),
                Arguments.of("an unknown op", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"upsrt\", \"contact\": {\"id\": \"c-2\"}}"),
                        2, "unknown operation \"upsrt\" (did you mean \"upsert\"?)"),
                Arguments.of("an event for an unknown contact", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-9\", \"type\": \"email.opened\"}}"),
                        2, "unknown contact \"c-9\""),
                Arguments.of("a delete of an unknown contact", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-9\"}"),
                        2, "unknown contact \"c-9\""),
                Arguments.of("an event for a deleted contact", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-1\"}",
                        "{\"at\": \"2026-12-04T00:00:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-1\", \"type\": \"email.opened\"}}"),
                        3, "unknown contact \"c-1\""),
                Arguments.of("an event with an at of its own", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"event\", \"event\": {\"contactId\": \"c-1\", \"type\": \"email.opened\", \"at\": \"2026-11-01T00:00:00Z\"}}"),
                        2, "the event's time is the line's \"at\""),
                Arguments.of("malformed JSON", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"tick\""),
                        2, "not valid JSON"),
                Arguments.of("a bad contact", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"upsert\", \"contact\": {\"id\": \"c-1\", \"emial\": \"x\"}}"),
                        2, "\"emial\""),
                Arguments.of("a missing at", List.of(upsert,
                        "{\"op\": \"tick\"}"),
                        2, "field \"at\": required"),
                Arguments.of("an at without offset", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00\", \"op\": \"tick\"}"),
                        2, "field \"at\""),
                Arguments.of("an at beyond the engine's times", List.of(upsert,
                        "{\"at\": \"+999999999-12-31T23:59:59Z\", \"op\": \"tick\"}"),
                        2, "field \"at\": \"+999999999-12-31T23:59:59Z\" is outside the times the engine keeps"),
                Arguments.of("a field the op does not take", List.of(upsert,
                        "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"tick\", \"id\": \"c-1\"}"),
                        2, "unknown field \"id\" for op \"tick\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTimelines")
    void badInputIsReportedAtItsLineAndNothingRuns(String what, List<String> lines, int badLine, String message) {
        Path input = write(dir.resolve("timeline.jsonl"), lines.toArray(String[]::new));

        CliRun run = replay(input);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith(input + ":" + badLine + ":"))
                .anySatisfy(line -> assertThat(line).contains(message));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aLineLevelProblemIsReportedAtColumnZero() {
        Path input = write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-9\"}");

        CliRun run = replay(input);

        assertThat(run.errLines()).containsExactly(input + ":1:0: field \"id\": unknown contact \"c-9\"");
    }

    @Test
    void everyBadLineIsReportedAtOnce() {
        Path input = write(dir.resolve("timeline.jsonl"),
                "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"tock\"}",
                "{\"at\": \"2026-12-02T00:00:00Z\", \"op\": \"tick\"}",
                "{\"at\": \"2026-12-03T00:00:00Z\", \"op\": \"delete\", \"id\": \"c-1\"}");

        CliRun run = replay(input);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(input + ":1:0: ").contains("\"tock\"", "\"tick\"");
        assertThat(run.errLines().get(1)).startsWith(input + ":3:0: ").contains("\"c-1\"");
        assertThat(run.out()).isEmpty();
    }

    private CliRun replay(Path input, String... more) {
        String[] args = Stream.concat(Stream.of("replay", "--rules", rules.toString(), "--input", input.toString()),
                Stream.of(more)).toArray(String[]::new);
        return CliRun.of(args);
    }

    /** SPEC 7: lines come in {@code at} order; lines with the same {@code at} in any order. */
    static void assertInAtOrder(List<String> actual, String... expected) {
        assertThat(actual).containsExactlyInAnyOrder(expected);
        List<String> ats = actual.stream().map(ReplayCommandTest::at).toList();
        assertThat(ats).isSorted();
    }

    private static String at(String line) {
        return line.substring(line.indexOf("\"at\": \"") + 7, line.indexOf("\", \"type\""));
    }
}
