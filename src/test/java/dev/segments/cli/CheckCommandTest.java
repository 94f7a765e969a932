package dev.segments.cli;

import static dev.segments.cli.CliRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}: its problems are its output, so they go to out as {@code FILE:LINE:COLUMN: message}, followed by a
 * count; exit 1 when there are problems, 2 when the command cannot run at all.
 */
class CheckCommandTest {

    @TempDir
    Path rules;

    @Test
    void theSampleRulesHaveNoProblems() {
        CliRun run = CliRun.of("check", "--rules", "rules");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).containsExactly("ok: 6 segment files, 1 DRL files");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownOperatorIsPrintedAtItsLineAndColumnWithASuggestion() {
        Path file = write(rules.resolve("segments/vip.json"),
                "{\"id\": \"vip\",",
                " \"match\": {\"all\": [",
                "   {\"field\": \"tags\", \"op\": \"contanis\", \"value\": \"vip\"}]}}");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(
                file + ":3:28: unknown operator \"contanis\" for field \"tags\" (did you mean \"contains\"?); tags"
                        + " operators are: contains, notContains, containsAny, containsAll, isEmpty, isNotEmpty",
                "1 problem");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyProblemOfEverySegmentFileIsPrinted() {
        Path yaml = write(rules.resolve("segments/a.yaml"),
                "id: a",
                "match:",
                "  field: state",
                "  op: greaterThan",
                "  value: TX");
        Path json = write(rules.resolve("segments/b.json"),
                "{\"id\": \"b\", \"match\": {\"any\": [",
                "  {\"field\": \"stat\", \"op\": \"equals\", \"value\": \"TX\"},",
                "  {\"field\": \"lastEmailOpenedAt\", \"op\": \"withinLast\", \"value\": \"P1M\"}]}}");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines().get(0)).startsWith(yaml + ":4:7: unknown operator \"greaterThan\" for field \"state\"");
        assertThat(run.outLines().get(1)).startsWith(json + ":2:13: unknown field \"stat\" (did you mean \"state\"?)");
        assertThat(run.outLines().get(2)).startsWith(json + ":3:63: ").contains("\"P1M\"", "\"P30D\"");
        assertThat(run.outLines().get(3)).isEqualTo("3 problems");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aSyntaxErrorInHandWrittenDrlIsPrintedAtItsLineInTheDrlFile() {
        Path drl = write(rules.resolve("bad.drl"),
                "package x;",
                "import dev.segments.engine.Contact;",
                "rule \"r\"",
                "when",
                "    $c : Contact( foo == )",
                "then",
                "end");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        // Drools knows the column (its text says "Line 5:25") but reports it as 0 in Message.getColumn().
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
                .matches(java.util.regex.Pattern.quote(drl + ":5:") + "\\d+: .*no viable alternative at input '\\)'.*"));
        assertThat(run.outLines()).allSatisfy(line -> assertThat(line).satisfiesAnyOf(
                l -> assertThat(l).startsWith(drl + ":"),
                l -> assertThat(l).matches("\\d+ problems?")));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void problemsInSegmentFilesAndInDrlAreAllPrinted() {
        Path segment = write(rules.resolve("segments/vip.json"),
                "{\"id\": \"vip\", \"match\": {\"field\": \"tags\", \"op\": \"equals\", \"value\": \"vip\"}}");
        Path drl = write(rules.resolve("handwritten/bad.drl"),
                "package x;",
                "rule \"r\"",
                "when",
                "    Nonsense( )",
                "then",
                "end");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(segment + ":1:")
                .contains("\"equals\""));
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).startsWith(drl + ":4:")
                .contains("Nonsense"));
    }

    @Test
    void aDuplicateIdIsPrintedAtTheSecondFileNamingTheFirst() {
        Path first = write(rules.resolve("segments/a.json"), "{\"id\": \"vip\", \"match\": {\"all\": []}}");
        Path second = write(rules.resolve("segments/b.json"), "{\"id\": \"vip\", \"match\": {\"all\": []}}");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(
                second + ":1:8: duplicate segment id \"vip\": also defined at " + first
                        + ":1:8; give each segment its own id",
                "1 problem");
    }

    @Test
    void aDrlSegmentWhoseIdClashesWithASegmentFileIsAProblem() {
        Path segment = write(rules.resolve("segments/vip.json"), "{\"id\": \"vip\", \"match\": {\"all\": []}}");
        Path drl = write(rules.resolve("vip.drl"),
                "package x;",
                "import dev.segments.engine.Contact;",
                "import dev.segments.engine.SegmentMembership;",
                "rule \"vip by hand\"",
                "when",
                "    $c : Contact( )",
                "then",
                "    insertLogical(new SegmentMembership(\"vip\", $c.getId()));",
                "end");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(
                segment + ":1:8: segment id \"vip\" is also defined in hand-written DRL at " + drl
                        + ":8:19; rename one of them",
                "1 problem");
    }

    @Test
    void aMemberOfAnUnknownSegmentAndAMemberOfCycleAreProblems() {
        Path a = write(rules.resolve("segments/a.json"), "{\"id\": \"a\", \"match\": {\"memberOf\": \"b\"}}");
        write(rules.resolve("segments/b.json"), "{\"id\": \"b\", \"match\": {\"memberOf\": \"a\"}}");
        Path c = write(rules.resolve("segments/c.json"), "{\"id\": \"c\", \"match\": {\"memberOf\": \"vipp\"}}");
        write(rules.resolve("segments/vip.json"), "{\"id\": \"vip\", \"match\": {\"all\": []}}");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactlyInAnyOrder(
                c + ":1:35: memberOf unknown segment \"vipp\" (did you mean \"vip\"?); known segments are: a, b, c, vip",
                a + ":1:35: memberOf cycle: a -> b -> a; a segment cannot depend on itself, remove one of these"
                        + " memberOf references",
                "2 problems");
        assertThat(run.outLines()).last().isEqualTo("2 problems");
    }

    @Test
    void aRulesDirectoryWithOnlyDrlIsFine() {
        write(rules.resolve("big-spenders.drl"),
                "package x;",
                "import dev.segments.engine.Contact;",
                "import dev.segments.engine.SegmentMembership;",
                "rule \"big-spenders\"",
                "when",
                "    $c : Contact( )",
                "then",
                "    insertLogical(new SegmentMembership(\"big-spenders\", $c.getId()));",
                "end");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).containsExactly("ok: 0 segment files, 1 DRL files");
    }

    @Test
    void aRulesDirectoryThatDoesNotExistIsBadUsageNotAProblemFound() {
        Path missing = rules.resolve("nope");

        CliRun run = CliRun.of("check", "--rules", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith(missing + ":0:0: not a directory");
        assertThat(run.out()).isEmpty();
    }

    private CliRun check() {
        return CliRun.of("check", "--rules", rules.toString());
    }
}
