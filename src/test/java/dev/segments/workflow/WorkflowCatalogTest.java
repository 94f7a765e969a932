package dev.segments.workflow;

import static dev.segments.workflow.Bpmn.file;
import static dev.segments.workflow.Bpmn.task;
import static dev.segments.workflow.WorkflowHarness.TEXAS;
import static dev.segments.workflow.WorkflowHarness.VIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.engine.RuleCompilationException;
import dev.segments.engine.RuleCompiler;
import dev.segments.engine.RuleSources;
import dev.segments.validation.Issue;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the check refuses in a workflow file, each problem at the file, line and column of its element. */
class WorkflowCatalogTest {

    static final String PATH = "workflows/waits.bpmn";

    /**
     * A process whose lines 1 to 5 are fixed: the header, the signal, the process (line 4) and a signal start on
     * line 5; the body starts on line 6 and flows from {@code f0} (out of the start) to {@code f1} (into the end).
     */
    static String process(String startSignal, String... body) {
        return String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<bpmn2:definitions xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:drools=\"http://www.jboss.org/drools\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"defs\" targetNamespace=\"http://www.jboss.org/drools\">",
                "  <bpmn2:signal id=\"trigger\" name=\"" + startSignal + "\"/>",
                "  <bpmn2:process id=\"waits\" name=\"waits\" isExecutable=\"true\" processType=\"Private\">",
                "    <bpmn2:startEvent id=\"start\"><bpmn2:outgoing>f0</bpmn2:outgoing><bpmn2:signalEventDefinition signalRef=\"trigger\"/></bpmn2:startEvent>",
                String.join("\n", body),
                "    <bpmn2:endEvent id=\"end\"><bpmn2:incoming>f1</bpmn2:incoming></bpmn2:endEvent>",
                "  </bpmn2:process>",
                "</bpmn2:definitions>",
                "");
    }

    static final String STEP_FLOWS = String.join("\n",
            "    <bpmn2:sequenceFlow id=\"f0\" sourceRef=\"start\" targetRef=\"step\"/>",
            "    <bpmn2:sequenceFlow id=\"f1\" sourceRef=\"step\" targetRef=\"end\"/>");

    static List<Issue> problemsOf(WorkflowFile... files) {
        try {
            RuleCompiler.check(new RuleSources(List.of(TEXAS, VIP), List.of(), List.of(files)), ZoneOffset.UTC,
                    WorkflowSettings.defaults().taskNames());
            return List.of();
        } catch (RuleCompilationException refused) {
            return refused.issues();
        }
    }

    static Stream<Arguments> waitStates() {
        return Stream.of(
                Arguments.of("a timer", List.of(
                        "      <bpmn2:intermediateCatchEvent id=\"step\" name=\"Wait a day\">",
                        "        <bpmn2:incoming>f0</bpmn2:incoming><bpmn2:outgoing>f1</bpmn2:outgoing>",
                        "        <bpmn2:timerEventDefinition><bpmn2:timeDuration xsi:type=\"bpmn2:tFormalExpression\">P1D</bpmn2:timeDuration></bpmn2:timerEventDefinition>",
                        "      </bpmn2:intermediateCatchEvent>", STEP_FLOWS), 7),
                Arguments.of("a user task", List.of(
                        "      <bpmn2:userTask id=\"step\" name=\"Call the contact\">",
                        "        <bpmn2:incoming>f0</bpmn2:incoming><bpmn2:outgoing>f1</bpmn2:outgoing>",
                        "      </bpmn2:userTask>", STEP_FLOWS), 7),
                Arguments.of("an intermediate or boundary catch event", List.of(
                        "      <bpmn2:intermediateCatchEvent id=\"step\" name=\"Wait for a signal\">",
                        "        <bpmn2:incoming>f0</bpmn2:incoming><bpmn2:outgoing>f1</bpmn2:outgoing>",
                        "        <bpmn2:signalEventDefinition signalRef=\"trigger\"/>",
                        "      </bpmn2:intermediateCatchEvent>", STEP_FLOWS), 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waitStates")
    void aWaitStateIsRefusedAtItsElementAsNotSupportedYet(String kind, List<String> body, int column) {
        List<Issue> problems = problemsOf(new WorkflowFile(PATH,
                process("segment-entered:texas", body.toArray(String[]::new))));

        assertThat(problems).extracting(Issue::toString).containsExactly(PATH + ":6:" + column + ": \"step\" ("
                + kind + ") waits; wait states are not supported yet: a workflow must run from its start to its end"
                + " at once");
    }

    @Test
    void aBoundaryEventIsRefusedAtItsElement() {
        List<Issue> problems = problemsOf(new WorkflowFile(PATH, process("segment-entered:texas",
                "    <bpmn2:task id=\"step\" name=\"Tag\" drools:taskName=\"AddTag\">",
                "      <bpmn2:incoming>f0</bpmn2:incoming><bpmn2:outgoing>f1</bpmn2:outgoing>",
                "    </bpmn2:task>",
                "    <bpmn2:boundaryEvent id=\"deadline\" attachedToRef=\"step\" cancelActivity=\"true\">",
                "      <bpmn2:outgoing>f2</bpmn2:outgoing>",
                "      <bpmn2:timerEventDefinition><bpmn2:timeDuration xsi:type=\"bpmn2:tFormalExpression\">PT1H</bpmn2:timeDuration></bpmn2:timerEventDefinition>",
                "    </bpmn2:boundaryEvent>",
                "    <bpmn2:endEvent id=\"late\"><bpmn2:incoming>f2</bpmn2:incoming></bpmn2:endEvent>",
                STEP_FLOWS,
                "    <bpmn2:sequenceFlow id=\"f2\" sourceRef=\"deadline\" targetRef=\"late\"/>")));

        assertThat(problems).extracting(Issue::toString).singleElement().asString()
                .startsWith(PATH + ":9:5: \"deadline\" (")
                .contains("waits; wait states are not supported yet");
    }

    @Test
    void aStartEventOnASignalThatIsNoSegmentTriggerIsRefused() {
        List<Issue> problems = problemsOf(file("hello", "contact-created", task("AddTag", "Tag", "x")),
                file("half", "segment-entered:", task("AddTag", "Tag", "x")));

        assertThat(problems).extracting(Issue::toString).containsExactlyInAnyOrder(
                "workflows/hello.bpmn:7:5: start event \"start\" listens to signal \"contact-created\"; segment "
                        + "triggers are named segment-entered:<segment-id> or segment-exited:<segment-id>",
                "workflows/half.bpmn:7:5: start event \"start\" listens to signal \"segment-entered:\"; segment "
                        + "triggers are named segment-entered:<segment-id> or segment-exited:<segment-id>");
    }

    @Test
    void aProcessThatNoSegmentChangeCanStartIsRefusedAtTheProcess() {
        String xml = process("segment-entered:texas", "    <bpmn2:sequenceFlow id=\"f1\" sourceRef=\"start\" "
                + "targetRef=\"end\"/>")
                .replace("<bpmn2:signalEventDefinition signalRef=\"trigger\"/>", "")
                .replace("<bpmn2:outgoing>f0</bpmn2:outgoing>", "<bpmn2:outgoing>f1</bpmn2:outgoing>");

        List<Issue> problems = problemsOf(new WorkflowFile("workflows/plain.bpmn", xml));

        assertThat(problems).extracting(Issue::toString).containsExactly("workflows/plain.bpmn:4:3: workflow \"waits\" "
                + "has no start event that a segment change triggers: give it a signal start event named "
                + "segment-entered:<segment-id> or segment-exited:<segment-id>");
    }

    /** A timer start would never fire (process timers do not run in the engine's session), so it is refused. */
    @Test
    void aTimerStartNextToASegmentStartIsRefused() {
        String xml = String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<bpmn2:definitions xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:drools=\"http://www.jboss.org/drools\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"defs\" targetNamespace=\"http://www.jboss.org/drools\">",
                "  <bpmn2:signal id=\"s1\" name=\"segment-entered:texas\"/>",
                "  <bpmn2:process id=\"hourly\" name=\"hourly\" isExecutable=\"true\" processType=\"Private\">",
                "    <bpmn2:startEvent id=\"start1\"><bpmn2:outgoing>f1</bpmn2:outgoing><bpmn2:signalEventDefinition signalRef=\"s1\"/></bpmn2:startEvent>",
                "    <bpmn2:startEvent id=\"every-hour\"><bpmn2:outgoing>f2</bpmn2:outgoing>",
                "      <bpmn2:timerEventDefinition><bpmn2:timeDuration xsi:type=\"bpmn2:tFormalExpression\">PT1H</bpmn2:timeDuration></bpmn2:timerEventDefinition>",
                "    </bpmn2:startEvent>",
                "    <bpmn2:endEvent id=\"e1\"><bpmn2:incoming>f1</bpmn2:incoming></bpmn2:endEvent>",
                "    <bpmn2:endEvent id=\"e2\"><bpmn2:incoming>f2</bpmn2:incoming></bpmn2:endEvent>",
                "    <bpmn2:sequenceFlow id=\"f1\" sourceRef=\"start1\" targetRef=\"e1\"/>",
                "    <bpmn2:sequenceFlow id=\"f2\" sourceRef=\"every-hour\" targetRef=\"e2\"/>",
                "  </bpmn2:process>",
                "</bpmn2:definitions>",
                "");

        assertThat(problemsOf(new WorkflowFile("workflows/hourly.bpmn", xml))).extracting(Issue::toString)
                .containsExactly("workflows/hourly.bpmn:6:5: start event \"every-hour\" is a timer start; timer starts"
                        + " are not supported yet: workflows start when a contact enters or leaves a segment");
    }

    @Test
    void aTriggerOnAnUnknownSegmentIsRefusedWithASuggestion() {
        assertThat(problemsOf(file("typo", "segment-exited:vpi", task("AddTag", "Tag", "x"))))
                .extracting(Issue::toString).containsExactly("workflows/typo.bpmn:7:5: start event \"start\" is "
                        + "triggered by unknown segment \"vpi\" (did you mean \"vip\"?)");
    }

    /** Process ids are global in a KieBase: a second file with the same id is refused at its process, naming the first. */
    @Test
    void twoFilesWithOneProcessIdAreRefusedNamingBoth() {
        List<Issue> problems = problemsOf(
                Bpmn.fileAt("workflows/a.bpmn", "welcome", "segment-entered:texas", task("AddTag", "Tag", "a")),
                Bpmn.fileAt("workflows/b.bpmn", "welcome", "segment-entered:vip", task("AddTag", "Tag", "b")));

        assertThat(problems).extracting(Issue::toString).containsExactly("workflows/b.bpmn:6:3: process id \"welcome\""
                + " is already used at workflows/a.bpmn:6:3; give each workflow its own id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notBpmn")
    void aFileThatIsNotBpmnIsRefusedNamingTheFile(String path, String content) {
        List<Issue> problems = problemsOf(new WorkflowFile(path, content),
                file("fine", "segment-entered:texas", task("AddTag", "Tag", "x")));

        assertThat(problems).isNotEmpty().allSatisfy(issue -> assertThat(issue.at().file()).isEqualTo(path));
    }

    @Test
    void wellFormedXmlWithoutAProcessSaysSo() {
        assertThat(problemsOf(new WorkflowFile("workflows/page.bpmn", "<html><body>hello</body></html>\n")))
                .extracting(Issue::toString).containsExactly("workflows/page.bpmn:0:0: no BPMN2 process found: a "
                        + "workflow file holds a <bpmn2:definitions> with a <bpmn2:process>");
    }

    static Stream<Arguments> notBpmn() {
        return Stream.of(
                Arguments.of("workflows/page.bpmn", "<html><body>hello</body></html>\n"),
                Arguments.of("workflows/text.bpmn2", "this is not XML at all\n"),
                Arguments.of("workflows/empty.bpmn", ""),
                Arguments.of("workflows/cut.bpmn", "<bpmn2:definitions"),
                Arguments.of("workflows/no-process.bpmn", "<bpmn2:definitions "
                        + "xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\"/>\n"));
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() {
        List<Issue> problems = problemsOf(
                file("a", "segment-entered:texsa", task("AddTagg", "Tag", "x")),
                file("b", "segment-exited:vip", task("LaunchCampain", "CampaignId", "y")),
                file("ok", "segment-exited:vip", task("LaunchCampaign", "CampaignId", "y")));

        assertThat(problems).extracting(issue -> issue.at().file()).containsExactlyInAnyOrder(
                "workflows/a.bpmn", "workflows/a.bpmn", "workflows/b.bpmn");
    }

    @Test
    void aBpmn2FileAndAProcessWithTwoSegmentStartsAreAccepted() {
        String twoStarts = String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<bpmn2:definitions xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:drools=\"http://www.jboss.org/drools\" id=\"defs\" targetNamespace=\"http://www.jboss.org/drools\">",
                "  <bpmn2:signal id=\"s1\" name=\"segment-entered:texas\"/>",
                "  <bpmn2:signal id=\"s2\" name=\"segment-exited:vip\"/>",
                "  <bpmn2:process id=\"two\" name=\"two\" isExecutable=\"true\" processType=\"Private\">",
                "    <bpmn2:startEvent id=\"start1\"><bpmn2:outgoing>f1</bpmn2:outgoing><bpmn2:signalEventDefinition signalRef=\"s1\"/></bpmn2:startEvent>",
                "    <bpmn2:startEvent id=\"start2\"><bpmn2:outgoing>f2</bpmn2:outgoing><bpmn2:signalEventDefinition signalRef=\"s2\"/></bpmn2:startEvent>",
                "    <bpmn2:task id=\"t1\" name=\"Record\" drools:taskName=\"Record\"><bpmn2:incoming>f1</bpmn2:incoming><bpmn2:outgoing>f3</bpmn2:outgoing></bpmn2:task>",
                "    <bpmn2:task id=\"t2\" name=\"Record\" drools:taskName=\"Record\"><bpmn2:incoming>f2</bpmn2:incoming><bpmn2:outgoing>f4</bpmn2:outgoing></bpmn2:task>",
                "    <bpmn2:endEvent id=\"e1\"><bpmn2:incoming>f3</bpmn2:incoming></bpmn2:endEvent>",
                "    <bpmn2:endEvent id=\"e2\"><bpmn2:incoming>f4</bpmn2:incoming></bpmn2:endEvent>",
                "    <bpmn2:sequenceFlow id=\"f1\" sourceRef=\"start1\" targetRef=\"t1\"/>",
                "    <bpmn2:sequenceFlow id=\"f2\" sourceRef=\"start2\" targetRef=\"t2\"/>",
                "    <bpmn2:sequenceFlow id=\"f3\" sourceRef=\"t1\" targetRef=\"e1\"/>",
                "    <bpmn2:sequenceFlow id=\"f4\" sourceRef=\"t2\" targetRef=\"e2\"/>",
                "  </bpmn2:process>",
                "</bpmn2:definitions>",
                "");
        RecordingTask record = new RecordingTask();
        try (WorkflowHarness harness = WorkflowHarness.start(List.of(TEXAS, VIP),
                WorkflowSettings.defaults().withTask("Record", record),
                new WorkflowFile("workflows/two.bpmn2", twoStarts))) {
            harness.engine.upsert(ContactData.builder("c-1").state("TX").addTag("vip").build());
            harness.engine.upsert(ContactData.builder("c-1").state("TX").build());

            assertThat(harness.failures()).isEmpty();
            assertThat(record.seen()).containsExactly("two/c-1/texas", "two/c-1/vip");
        }
    }
}
