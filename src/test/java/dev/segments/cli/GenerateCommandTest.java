package dev.segments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code generate}: the DRL of the segment files, or of one segment; a hand-written segment prints its DRL file. */
class GenerateCommandTest {

    private static final Path ENGAGED = Path.of("rules", "segments", "engaged-texas-clients.json");

    @Test
    void printsTheDrlOfEverySegmentFile() {
        CliRun run = CliRun.of("generate", "--rules", "rules");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("rule \"engaged-texas-clients (branch 1 of 2)\"")
                .contains("rule \"engaged-texas-clients (branch 2 of 2)\"")
                .contains("insertLogical(new SegmentMembership(\"engaged-texas-clients\"")
                .contains("// Generated from " + ENGAGED + "; edit that file, not this text.")
                .contains("new SegmentMembership(\"highly-engaged\"", "new SegmentMembership(\"recently-engaged\"",
                        "new SegmentMembership(\"renewals-due\"", "new SegmentMembership(\"warm-leads\"",
                        "new SegmentMembership(\"win-back\"", "new SegmentMembership(\"texas-ambassadors\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsOneSegmentWithSegment() {
        CliRun run = CliRun.of("generate", "--rules", "rules", "--segment", "engaged-texas-clients");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("package segments.generated;")
                .contains("// Segment engaged-texas-clients: Active Clients in Texas - Engaged")
                .contains("// Generated from " + ENGAGED)
                .contains("rule \"engaged-texas-clients (branch 1 of 2)\"")
                .contains("insertLogical(new SegmentMembership(\"engaged-texas-clients\", $contact.getId()));")
                .doesNotContain("win-back", "recently-engaged");
        assertThat(run.out().lines().filter(line -> line.startsWith("rule ")).count()).isEqualTo(2);
    }

    @Test
    void anUnknownSegmentIsBadInputWithADidYouMean() {
        CliRun run = CliRun.of("generate", "--rules", "rules", "--segment", "engaged-texas");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo(
                "rules:0:0: no segment \"engaged-texas\" (did you mean \"engaged-texas-clients\"?)" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aHandWrittenSegmentPrintsItsDrlFile() {
        CliRun run = CliRun.of("generate", "--rules", "rules", "--segment", "big-spenders");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines().get(0))
                .isEqualTo("// Segment big-spenders is written by hand in " + Path.of("rules", "big-spenders.drl") + ":");
        assertThat(run.out())
                .contains("rule \"big-spenders\"")
                .contains("insertLogical(new SegmentMembership(\"big-spenders\", $c.getId()));");
    }

    @Test
    void rulesWithProblemsAreBadInputPrintedOnErr() {
        CliRun run = CliRun.of("generate", "--rules", "no-such-rules");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("no-such-rules:0:0: not a directory");
        assertThat(run.out()).isEmpty();
    }
}
