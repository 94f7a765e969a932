package dev.segments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Help, usage errors and exit codes common to every command (SPEC 7). */
class CliUsageTest {

    @Test
    void rootHelpListsEveryCommandAndExitsZero() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: drools-segments", "check", "generate", "evaluate", "replay", "serve");
        assertThat(run.err()).isEmpty();
    }

    static Stream<Arguments> commandsAndTheirOptions() {
        return Stream.of(
                Arguments.of("check", List.of("--rules=DIR", "--workflows=DIR")),
                Arguments.of("generate", List.of("--rules=DIR", "--segment=ID")),
                Arguments.of("evaluate", List.of("--rules=DIR", "--contacts=FILE", "--events=FILE", "--at=INSTANT",
                        "--workflows=DIR")),
                Arguments.of("replay", List.of("--rules=DIR", "--input=FILE", "--until=INSTANT", "--workflows=DIR")),
                Arguments.of("serve", List.of("--rules=DIR", "--workflows=DIR", "--contacts=FILE", "--events=FILE")));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commandsAndTheirOptions")
    void helpOfEachCommandNamesItsOptionsAndExitsZero(String command, List<String> options) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: drools-segments " + command).contains(options);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpCommandPrintsTheHelpOfACommand() {
        CliRun run = CliRun.of("help", "replay");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: drools-segments replay", "--until=INSTANT");
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnErr() {
        CliRun run = CliRun.of("frobnicate", "--rules", "rules");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("frobnicate");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.of("evaluate", "--rules", "rules", "--at", "2026-11-28T12:00:00Z");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Missing required option", "--contacts");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("check", "--rules", "rules", "--verbose");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--verbose");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "--at {0}")
    @MethodSource("badInstants")
    void aBadAtValueIsAUsageErrorThatShowsTheExpectedForm(String value) {
        CliRun run = CliRun.of("evaluate", "--rules", "rules", "--contacts", "samples/contacts.jsonl", "--at", value);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--at", value, "2026-11-28T12:00:00Z");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anAtBeyondTheEnginesTimesIsAUsageErrorThatSaysSo() {
        CliRun run = CliRun.of("evaluate", "--rules", "rules", "--contacts", "samples/contacts.jsonl", "--at",
                "+999999999-12-31T23:59:59Z");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--at", "+999999999-12-31T23:59:59Z is outside the times the engine keeps");
        assertThat(run.out()).isEmpty();
    }

    static Stream<String> badInstants() {
        return Stream.of("yesterday", "2026-11-28", "2026-11-28T12:00:00", "2026-13-01T00:00:00Z");
    }

    @Test
    void aBadUntilValueIsAUsageError() {
        CliRun run = CliRun.of("replay", "--rules", "rules", "--input", "samples/timeline.jsonl", "--until", "soon");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--until", "soon");
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> commandsWithWorkflows() {
        return Stream.of(
                Arguments.of((Object) new String[] {"check", "--rules", "rules", "--workflows", "no-such-workflows"}),
                Arguments.of((Object) new String[] {"evaluate", "--rules", "rules", "--contacts",
                        "samples/contacts.jsonl", "--at", "2026-11-28T12:00:00Z", "--workflows", "no-such-workflows"}),
                Arguments.of((Object) new String[] {"replay", "--rules", "rules", "--input", "samples/timeline.jsonl",
                        "--workflows", "no-such-workflows"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithWorkflows")
    void aWorkflowsDirectoryThatDoesNotExistIsBadUsageNamingIt(String[] args) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("no-such-workflows:0:0: not a directory: give the directory that holds the"
                + " *.bpmn workflow files");
        assertThat(run.out()).isEmpty();
    }
}
