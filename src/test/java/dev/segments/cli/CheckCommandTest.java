package dev.segments.cli;

import static dev.segments.cli.CliRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} (with {@code --workflows}, the workflows too): its problems are its output, so they go to out as {@code FILE:LINE:COLUMN: message}, followed by a
 * count; exit 1 when there are problems, 2 when the command cannot run at all.
 */
class CheckCommandTest {

    @TempDir
    Path rules;

    @Test
    void theSampleRulesHaveNoProblems() {
        CliRun run = CliRun.of("check", "--rules", "rules");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).containsExactly("ok: 7 segment files, 1 DRL files");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theSampleRulesWithTheExampleWorkflowsHaveNoProblems() {
        CliRun run = CliRun.of("check", "--rules", "rules", "--workflows", "workflows");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).containsExactly("ok: 7 segment files, 1 DRL files, 3 workflow files");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aWorkflowThatIsNotWellFormedXmlIsAProblemOfItsFile() {
        Path file = write(rules.resolve("workflows/broken.bpmn"), workflow("segment-entered:recently-engaged",
                "    <bpmn2:task id=\"step\" drools:taskName=\"LaunchCampaign\">",
                "      <bpmn2:incoming>to-step</bpmn2:incoming>",
                "      <bpmn2:outgoing>to-end</bpmn2:outgoing>",
                "    </bpmn2:tsak>"));

        CliRun run = checkSamplesWith(file.getParent());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).isEqualTo(file + ":13:7: not well-formed XML: The element type \"bpmn2:task\" "
                + "must be terminated by the matching end-tag \"</bpmn2:task>\".");
        assertThat(run.err()).doesNotContain("SAXParseException");
        assertThat(run.outLines().get(1)).isEqualTo("1 problem");
    }

    @Test
    void aTriggerNamingAnUnknownSegmentIsPrintedAtItsStartEventWithASuggestion() {
        Path file = write(rules.resolve("workflows/win-back.bpmn"), workflow("segment-exited:recently-engagd", launch()));

        CliRun run = checkSamplesWith(file.getParent());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(
                file + ":6:5: start event \"start\" is triggered by unknown segment \"recently-engagd\" (did you mean"
                        + " \"recently-engaged\"?)",
                "1 problem");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aTaskNobodyHandlesIsPrintedAtItsElementWithASuggestion() {
        Path file = write(rules.resolve("workflows/win-back.bpmn"), workflow("segment-exited:recently-engaged",
                "    <bpmn2:task id=\"step\" drools:taskName=\"LaunchCampain\">",
                "      <bpmn2:incoming>to-step</bpmn2:incoming>",
                "      <bpmn2:outgoing>to-end</bpmn2:outgoing>",
                "    </bpmn2:task>"));

        CliRun run = checkSamplesWith(file.getParent());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).hasSize(2);
        // the known tasks are listed in no fixed order
        assertThat(run.outLines().get(0)).startsWith(file + ":10:5: task \"step\" names unknown task \"LaunchCampain\""
                + " (did you mean \"LaunchCampaign\"?); tasks are: ")
                .contains("AddTag", "RemoveTag", "SetField", "LaunchCampaign");
        assertThat(run.outLines().get(1)).isEqualTo("1 problem");
    }

    static Stream<Arguments> waitStates() {
        return Stream.of(
                Arguments.of("a timer", List.of(
                        "    <bpmn2:intermediateCatchEvent id=\"step\" name=\"Wait a day\">",
                        "      <bpmn2:incoming>to-step</bpmn2:incoming>",
                        "      <bpmn2:outgoing>to-end</bpmn2:outgoing>",
                        "      <bpmn2:timerEventDefinition>",
                        "        <bpmn2:timeDuration xsi:type=\"bpmn2:tFormalExpression\">P1D</bpmn2:timeDuration>",
                        "      </bpmn2:timerEventDefinition>",
                        "    </bpmn2:intermediateCatchEvent>")),
                Arguments.of("a user task", List.of(
                        "    <bpmn2:userTask id=\"step\" name=\"Call the contact\">",
                        "      <bpmn2:incoming>to-step</bpmn2:incoming>",
                        "      <bpmn2:outgoing>to-end</bpmn2:outgoing>",
                        "    </bpmn2:userTask>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waitStates")
    void aWaitStateIsNotSupportedYetAndNamesTheFileAndTheElement(String kind, List<String> step) {
        Path file = write(rules.resolve("workflows/waits.bpmn"),
                workflow("segment-exited:recently-engaged", step.toArray(String[]::new)));

        CliRun run = checkSamplesWith(file.getParent());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(
                file + ":10:5: \"step\" (" + kind + ") waits; wait states are not supported yet: a workflow must run"
                        + " from its start to its end at once",
                "1 problem");
    }

    @Test
    void everyWorkflowFileIsCheckedAndEachProblemPrinted() {
        Path typo = write(rules.resolve("workflows/a.bpmn"),
                process("a", "segment-entered:texas-ambasadors", launch()));
        Path wrongSignal = write(rules.resolve("workflows/b.bpmn2"), process("b", "contact-created", launch()));
        write(rules.resolve("workflows/notes.txt"), "not a workflow: ignored");

        CliRun run = checkSamplesWith(typo.getParent());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactlyInAnyOrder(
                typo + ":6:5: start event \"start\" is triggered by unknown segment \"texas-ambasadors\" (did you"
                        + " mean \"texas-ambassadors\"?)",
                wrongSignal + ":6:5: start event \"start\" listens to signal \"contact-created\"; segment triggers are"
                        + " named segment-entered:<segment-id> or segment-exited:<segment-id>",
                "2 problems");
    }

    @Test
    void twoWorkflowsWithOneProcessIdAreAProblem() {
        Path first = write(rules.resolve("workflows/a.bpmn"),
                process("welcome", "segment-entered:recently-engaged", launch()));
        Path second = write(rules.resolve("workflows/b.bpmn"),
                process("welcome", "segment-entered:texas-ambassadors", launch()));

        CliRun run = checkSamplesWith(second.getParent());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(
                second + ":5:3: process id \"welcome\" is already used at " + first + ":5:3; give each workflow its own id",
                "1 problem");
    }

    @Test
    void aWorkflowsDirectoryThatDoesNotExistIsBadUsage() {
        Path missing = rules.resolve("no-workflows");

        CliRun run = CliRun.of("check", "--rules", "rules", "--workflows", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith(missing + ":0:0: not a directory");
        assertThat(run.out()).isEmpty();
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
    void handWrittenDrlInTheGeneratedPackageIsAProblemAtItsPackage() {
        Path drl = write(rules.resolve("copied.drl"),
                "// copied from seg generate",
                "package  segments.generated;",
                "import dev.segments.engine.Contact;",
                "import dev.segments.engine.SegmentMembership;",
                "rule \"copied\"",
                "when",
                "    $c : Contact( )",
                "then",
                "    insertLogical(new SegmentMembership(\"copied\", $c.getId()));",
                "end");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(run.outLines()).containsExactly(drl + ":2:10: package segments.generated is reserved for the rules"
                + " generated from segment files; give hand-written rules a package of their own", "1 problem");
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

    /** {@code check} of the sample rules with the workflows of {@code dir}. */
    @Test
    void aCustomTaskDeclaredWithTaskIsAcceptedAndAnUndeclaredOneIsNot() {
        Path file = write(rules.resolve("workflows/sync.bpmn"), workflow("segment-entered:recently-engaged",
                "    <bpmn2:task id=\"step\" drools:taskName=\"SyncToCrm\">",
                "      <bpmn2:incoming>to-step</bpmn2:incoming>",
                "      <bpmn2:outgoing>to-end</bpmn2:outgoing>",
                "    </bpmn2:task>"));

        CliRun undeclared = checkSamplesWith(file.getParent());
        CliRun declared = CliRun.of("check", "--rules", "rules", "--workflows", file.getParent().toString(),
                "--task", "SyncToCrm");

        assertThat(undeclared.exitCode()).isEqualTo(ExitCodes.PROBLEMS_FOUND);
        assertThat(undeclared.out()).contains("names unknown task \"SyncToCrm\"");
        assertThat(declared.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(declared.out()).startsWith("ok: ");
    }

    private static CliRun checkSamplesWith(Path dir) {
        return CliRun.of("check", "--rules", "rules", "--workflows", dir.toString());
    }

    /**
     * A minimal BPMN2 process (id test-workflow unless given): a signal start event (line 6, column 5), the step's lines (from line 10, column 5;
     * its element has id "step"), an end event.
     */
    static String[] workflow(String signal, String... step) {
        return process("test-workflow", signal, step);
    }

    static String[] process(String processId, String signal, String... step) {
        List<String> lines = new ArrayList<>(List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<bpmn2:definitions xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:drools=\"http://www.jboss.org/drools\"",
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"defs\" targetNamespace=\"http://www.jboss.org/drools\">",
                "  <bpmn2:signal id=\"trigger\" name=\"" + signal + "\"/>",
                "  <bpmn2:process id=\"" + processId + "\" isExecutable=\"true\">",
                "    <bpmn2:startEvent id=\"start\">",
                "      <bpmn2:outgoing>to-step</bpmn2:outgoing>",
                "      <bpmn2:signalEventDefinition signalRef=\"trigger\"/>",
                "    </bpmn2:startEvent>"));
        lines.addAll(List.of(step));
        lines.addAll(List.of(
                "    <bpmn2:endEvent id=\"end\"><bpmn2:incoming>to-end</bpmn2:incoming></bpmn2:endEvent>",
                "    <bpmn2:sequenceFlow id=\"to-step\" sourceRef=\"start\" targetRef=\"step\"/>",
                "    <bpmn2:sequenceFlow id=\"to-end\" sourceRef=\"step\" targetRef=\"end\"/>",
                "  </bpmn2:process>",
                "</bpmn2:definitions>"));
        return lines.toArray(String[]::new);
    }

    /** A LaunchCampaign task as the step. */
    static String[] launch() {
        return new String[] {
                "    <bpmn2:task id=\"step\" drools:taskName=\"LaunchCampaign\">",
                "      <bpmn2:incoming>to-step</bpmn2:incoming>",
                "      <bpmn2:outgoing>to-end</bpmn2:outgoing>",
                "    </bpmn2:task>"};
    }
}
