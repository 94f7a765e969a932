package dev.segments.cli;

import static dev.segments.cli.CliRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** {@code evaluate}: contacts and events up to {@code --at}, one line a segment in the exact SPEC 7 shape. */
class EvaluateCommandTest {

    private static final String AT = "2026-11-28T12:00:00Z";

    @TempDir
    Path dir;

    Path rules;

    @BeforeEach
    void writeRules() {
        rules = dir.resolve("rules");
        write(rules.resolve("segments/vip.json"),
                "{\"id\": \"vip\", \"match\": {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"vip\"}}");
        write(rules.resolve("segments/texas.yaml"),
                "id: texas",
                "match:",
                "  field: state",
                "  op: equals",
                "  value: TX");
        write(rules.resolve("segments/recently-opened.json"),
                "{\"id\": \"recently-opened\",",
                " \"match\": {\"field\": \"lastEmailOpenedAt\", \"op\": \"withinLast\", \"value\": \"P7D\"}}");
        write(rules.resolve("segments/platinum.json"),
                "{\"id\": \"platinum\", \"match\": {\"field\": \"custom.plan\", \"op\": \"equals\", \"value\": \"platinum\"}}");
    }

    @Test
    void printsEachSegmentSortedByIdWithSortedMembersIgnoringEventsAfterAt() {
        Path contacts = write(dir.resolve("contacts.jsonl"),
                "{\"id\": \"c-3\", \"tags\": [\" VIP \"], \"custom\": {\"plan\": \"gold\"}}",
                "{\"id\": \"c-1\", \"state\": \"TX\", \"tags\": [\"vip\"]}",
                "",
                "{\"id\": \"c-2\", \"state\": \"tx\"}",
                "{\"id\": \"c-4\", \"lastEmailOpenedAt\": \"2026-11-01T00:00:00Z\"}",
                "{\"id\": \"c-5\", \"state\": \"CA\"}");
        Path events = write(dir.resolve("events.jsonl"),
                // exactly at --at: counts
                "{\"contactId\": \"c-5\", \"type\": \"email.opened\", \"at\": \"2026-11-28T12:00:00Z\"}",
                // one millisecond after --at: ignored
                "{\"contactId\": \"c-4\", \"type\": \"email.opened\", \"at\": \"2026-11-28T12:00:00.001Z\"}",
                "{\"contactId\": \"c-2\", \"type\": \"email.opened\", \"at\": \"2026-11-25T08:00:00Z\"}",
                // more than seven days before --at: too old for recently-opened
                "{\"contactId\": \"c-1\", \"type\": \"email.opened\", \"at\": \"2026-11-21T12:00:00Z\"}",
                "{\"contactId\": \"c-1\", \"type\": \"email.sent\", \"at\": \"2026-11-27T12:00:00Z\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(),
                "--events", events.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).containsExactly(
                "{\"segment\": \"platinum\", \"count\": 0, \"members\": []}",
                "{\"segment\": \"recently-opened\", \"count\": 2, \"members\": [\"c-2\", \"c-5\"]}",
                "{\"segment\": \"texas\", \"count\": 2, \"members\": [\"c-1\", \"c-2\"]}",
                "{\"segment\": \"vip\", \"count\": 2, \"members\": [\"c-1\", \"c-3\"]}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withoutEventsTheContactFieldsAloneDecide() {
        Path contacts = write(dir.resolve("contacts.jsonl"),
                "{\"id\": \"c-1\", \"lastEmailOpenedAt\": \"2026-11-21T12:00:00.001Z\"}",
                "{\"id\": \"c-2\", \"lastEmailOpenedAt\": \"2026-11-21T12:00:00Z\"}",
                "{\"id\": \"c-3\", \"lastEmailOpenedAt\": \"2026-11-28T12:00:00.001Z\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).contains(
                "{\"segment\": \"recently-opened\", \"count\": 1, \"members\": [\"c-1\"]}");
    }

    @Test
    void theSamplesGiveOneJsonLinePerSegment() {
        CliRun run = CliRun.of("evaluate", "--rules", "rules", "--contacts", "samples/contacts.jsonl",
                "--events", "samples/events.jsonl", "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(run.outLines()).hasSize(8)
                .allSatisfy(line -> assertThat(mapper.readTree(line).isObject()).isTrue())
                .extracting(line -> mapper.readTree(line).get("segment").asString())
                .containsExactly("big-spenders", "engaged-texas-clients", "highly-engaged", "recently-engaged",
                        "renewals-due", "texas-ambassadors", "warm-leads", "win-back");
        assertThat(run.outLines()).allSatisfy(line -> {
            var json = mapper.readTree(line);
            assertThat(json.get("count").asInt()).isEqualTo(json.get("members").size());
        });
        // Only the workflow tag-engaged-texans puts contacts into texas-ambassadors: without workflows it is empty.
        assertThat(run.outLines()).filteredOn(line -> !line.contains("\"texas-ambassadors\""))
                .allSatisfy(line -> assertThat(mapper.readTree(line).get("count").asInt()).isPositive());
        assertThat(run.outLines()).contains("{\"segment\": \"texas-ambassadors\", \"count\": 0, \"members\": []}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withTheExampleWorkflowsEveryEngagedTexasClientIsTaggedAndSoATexasAmbassador() {
        CliRun run = CliRun.of("evaluate", "--rules", "rules", "--contacts", "samples/contacts.jsonl",
                "--events", "samples/events.jsonl", "--at", AT, "--workflows", "workflows");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonMapper mapper = JsonMapper.builder().build();
        var bySegment = new java.util.TreeMap<String, tools.jackson.databind.JsonNode>();
        run.outLines().forEach(line -> bySegment.put(mapper.readTree(line).get("segment").asString(),
                mapper.readTree(line).get("members")));
        assertThat(bySegment).hasSize(8);
        assertThat(bySegment.get("texas-ambassadors")).isNotEmpty().isEqualTo(bySegment.get("engaged-texas-clients"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withWorkflowsAContactTaggedByAWorkflowIsAMemberOfTheSegmentTheTagFeeds() {
        Path contacts = write(dir.resolve("contacts.jsonl"),
                "{\"id\": \"c-1\", \"state\": \"TX\"}",
                "{\"id\": \"c-2\", \"state\": \"CA\"}",
                "{\"id\": \"c-3\", \"state\": \"CA\", \"tags\": [\"Engaged-Texan\"]}");

        CliRun with = CliRun.of("evaluate", "--rules", "rules", "--contacts", contacts.toString(), "--at", AT,
                "--workflows", "workflows");
        CliRun without = CliRun.of("evaluate", "--rules", "rules", "--contacts", contacts.toString(), "--at", AT);

        assertThat(with.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(with.outLines()).contains(
                "{\"segment\": \"engaged-texas-clients\", \"count\": 1, \"members\": [\"c-1\"]}",
                "{\"segment\": \"texas-ambassadors\", \"count\": 2, \"members\": [\"c-1\", \"c-3\"]}");
        assertThat(without.outLines()).contains(
                "{\"segment\": \"engaged-texas-clients\", \"count\": 1, \"members\": [\"c-1\"]}",
                "{\"segment\": \"texas-ambassadors\", \"count\": 1, \"members\": [\"c-3\"]}");
        // evaluate prints memberships only: what the workflows did (tags, launches) is replay's output
        assertThat(with.outLines()).allSatisfy(line -> assertThat(line).startsWith("{\"segment\": "));
    }

    static Stream<Arguments> badContactLines() {
        return Stream.of(
                Arguments.of("an unknown field", "{\"id\": \"c-2\", \"emial\": \"a@b.c\"}", "\"emial\""),
                Arguments.of("a bad date", "{\"id\": \"c-2\", \"createdAt\": \"2026-02-30T00:00:00Z\"}", "\"createdAt\""),
                Arguments.of("a date without offset", "{\"id\": \"c-2\", \"lastEmailOpenedAt\": \"2026-11-01T00:00:00\"}",
                        "\"lastEmailOpenedAt\""),
                Arguments.of("a missing id", "{\"email\": \"a@b.c\"}", "\"id\""),
                Arguments.of("a wrong type", "{\"id\": \"c-2\", \"tags\": \"vip\"}", "\"tags\""),
                Arguments.of("a contact given twice", "{\"id\": \"c-1\"}", "\"c-1\" is already on line 1"),
                Arguments.of("malformed JSON", "{\"id\": \"c-2\",", "not valid JSON"),
                Arguments.of("not an object", "[\"c-2\"]", "expected a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badContactLines")
    void aBadContactLineIsBadInputNamingTheLineAndPrintsNothing(String what, String badLine, String named) {
        Path contacts = write(dir.resolve("contacts.jsonl"),
                "{\"id\": \"c-1\", \"tags\": [\"vip\"]}",
                badLine,
                "{\"id\": \"c-3\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith(contacts + ":2:"))
                .anySatisfy(line -> assertThat(line).contains(named));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everyBadContactLineIsReportedAtOnce() {
        Path contacts = write(dir.resolve("contacts.jsonl"),
                "{\"id\": \"c-1\", \"emial\": \"a@b.c\"}",
                "{\"id\": \"c-2\"}",
                "{\"id\": \"c-3\", \"dnd\": \"no\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(contacts + ":1:0: ").contains("\"emial\"");
        assertThat(run.errLines().get(1)).startsWith(contacts + ":3:0: ").contains("\"dnd\"");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anEventForAnUnknownContactIsBadInputNamingItsLine() {
        Path contacts = write(dir.resolve("contacts.jsonl"), "{\"id\": \"c-1\"}");
        Path events = write(dir.resolve("events.jsonl"),
                "{\"contactId\": \"c-1\", \"type\": \"email.opened\", \"at\": \"2026-11-25T08:00:00Z\"}",
                "{\"contactId\": \"c-9\", \"type\": \"email.opened\", \"at\": \"2026-11-25T08:00:00Z\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(),
                "--events", events.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(events + ":2:0: unknown contact \"c-9\": an event needs a contact"
                + " from the contacts file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadEventLineIsBadInputNamingTheLineAndTheField() {
        Path contacts = write(dir.resolve("contacts.jsonl"), "{\"id\": \"c-1\"}");
        Path events = write(dir.resolve("events.jsonl"),
                "{\"contactId\": \"c-1\", \"type\": \"email.openned\", \"at\": \"2026-11-25T08:00:00Z\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(),
                "--events", events.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith(events + ":1:0: ").contains("\"type\"", "email.opened");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingContactsFileIsBadInput() {
        Path missing = dir.resolve("nope.jsonl");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", missing.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith(missing + ":0:0: cannot read");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rulesWithProblemsAreBadInputPrintedOnErr() {
        Path bad = write(rules.resolve("segments/broken.json"),
                "{\"id\": \"broken\", \"match\": {\"field\": \"stat\", \"op\": \"equals\", \"value\": \"TX\"}}");
        Path contacts = write(dir.resolve("contacts.jsonl"), "{\"id\": \"c-1\"}");

        CliRun run = CliRun.of("evaluate", "--rules", rules.toString(), "--contacts", contacts.toString(), "--at", AT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith(bad + ":1:").contains("unknown field \"stat\"");
        assertThat(run.out()).isEmpty();
    }
}
