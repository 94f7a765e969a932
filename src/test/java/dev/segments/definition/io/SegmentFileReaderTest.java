package dev.segments.definition.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.segments.definition.Condition;
import dev.segments.definition.Condition.FieldCondition;
import dev.segments.definition.ContactField;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Location;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentFileReaderTest {

    /** One fixture, every format: the same segment written as JSON and as YAML. */
    enum Format {
        JSON("engaged.json", """
                {"id": "engaged-texas-clients", "name": "Active Clients in Texas - Engaged",
                 "description": "optional",
                 "match": {"any": [
                    {"all": [
                      {"field": "tags", "op": "contains", "value": "Active Client"},
                      {"field": "lastEmailOpenedAt", "op": "withinLast", "value": "P7D"}]},
                    {"field": "state", "op": "equals", "value": "TX"}]}}
                """),
        YAML("engaged.yaml", """
                id: engaged-texas-clients
                name: Active Clients in Texas - Engaged
                description: optional
                match:
                  any:
                    - all:
                        - field: tags
                          op: contains
                          value: Active Client
                        - field: lastEmailOpenedAt
                          op: withinLast
                          value: P7D
                    - field: state
                      op: equals
                      value: TX
                """),
        YML("engaged.yml", YAML.content);

        final String file;
        final String content;

        Format(String file, String content) {
            this.file = file;
            this.content = content;
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsTheSpecExampleIntoTheConditionTree(Format format) {
        SegmentDefinition segment = SegmentFileReader.read(format.file, format.content);

        assertThat(segment.id()).isEqualTo("engaged-texas-clients");
        assertThat(segment.name()).isEqualTo("Active Clients in Texas - Engaged");
        assertThat(segment.description()).contains("optional");
        assertThat(segment.sourceFile()).isEqualTo(format.file);
        assertThat(segment.at().line()).isEqualTo(1);
        assertThat(segment.match()).isEqualTo(new Condition.Any(List.of(
                new Condition.All(List.of(
                        standard(ContactField.TAGS, Operator.CONTAINS, new Operand.Text("Active Client")),
                        standard(ContactField.LAST_EMAIL_OPENED_AT, Operator.WITHIN_LAST,
                                new Operand.Length(Duration.ofDays(7))))),
                standard(ContactField.STATE, Operator.EQUALS, new Operand.Text("TX")))));
    }

    @Test
    void pointsTheSegmentAtItsIdValue() {
        SegmentDefinition segment = SegmentFileReader.read("s.json", "{\n  \"id\": \"s\", \"match\": {\"all\": []}}");

        assertThat(segment.at()).isEqualTo(new Location("s.json", 2, 9));
    }

    static Stream<Arguments> everyOperandShape() {
        return Stream.of(
                Arguments.of("{\"field\": \"state\", \"op\": \"in\", \"value\": [\"TX\", \"CA\"]}",
                        standard(ContactField.STATE, Operator.IN, new Operand.TextList(List.of("TX", "CA")))),
                Arguments.of("{\"field\": \"state\", \"op\": \"notIn\", \"value\": [\"TX\"]}",
                        standard(ContactField.STATE, Operator.NOT_IN, new Operand.TextList(List.of("TX")))),
                Arguments.of("{\"field\": \"city\", \"op\": \"contains\", \"value\": \"new \"}",
                        standard(ContactField.CITY, Operator.CONTAINS, new Operand.Text("new "))),
                Arguments.of("{\"field\": \"email\", \"op\": \"matches\", \"value\": \"(?i)@acme\\\\.com$\"}",
                        standard(ContactField.EMAIL, Operator.MATCHES, new Operand.Pattern("(?i)@acme\\.com$"))),
                Arguments.of("{\"field\": \"emailStatus\", \"op\": \"equals\", \"value\": \" Bounced \"}",
                        standard(ContactField.EMAIL_STATUS, Operator.EQUALS, new Operand.Text(" Bounced "))),
                Arguments.of("{\"field\": \"emailStatus\", \"op\": \"startsWith\", \"value\": \"un\"}",
                        standard(ContactField.EMAIL_STATUS, Operator.STARTS_WITH, new Operand.Text("un"))),
                Arguments.of("{\"field\": \"dnd\", \"op\": \"notEquals\", \"value\": true}",
                        standard(ContactField.DND, Operator.NOT_EQUALS, new Operand.Bool(true))),
                Arguments.of("{\"field\": \"createdAt\", \"op\": \"before\", \"value\": \"2026-01-05T12:00:00+02:00\"}",
                        standard(ContactField.CREATED_AT, Operator.BEFORE,
                                new Operand.Time(new TimePoint.AtInstant(Instant.parse("2026-01-05T10:00:00Z"))))),
                Arguments.of("{\"field\": \"dateOfBirth\", \"op\": \"after\", \"value\": \"1990-04-02\"}",
                        standard(ContactField.DATE_OF_BIRTH, Operator.AFTER,
                                new Operand.Time(new TimePoint.OnDate(LocalDate.of(1990, 4, 2))))),
                Arguments.of("{\"field\": \"createdAt\", \"op\": \"between\", \"value\": [\"2026-01-01\", \"2026-02-01T00:00:00Z\"]}",
                        standard(ContactField.CREATED_AT, Operator.BETWEEN, new Operand.TimeRange(
                                new TimePoint.OnDate(LocalDate.of(2026, 1, 1)),
                                new TimePoint.AtInstant(Instant.parse("2026-02-01T00:00:00Z"))))),
                Arguments.of("{\"field\": \"lastEmailSentAt\", \"op\": \"moreThanAgo\", \"value\": \"PT12H\"}",
                        standard(ContactField.LAST_EMAIL_SENT_AT, Operator.MORE_THAN_AGO,
                                new Operand.Length(Duration.ofHours(12)))),
                Arguments.of("{\"field\": \"tags\", \"op\": \"containsAll\", \"value\": [\"vip\", \"gold\"]}",
                        standard(ContactField.TAGS, Operator.CONTAINS_ALL, new Operand.TextList(List.of("vip", "gold")))),
                Arguments.of("{\"field\": \"tags\", \"op\": \"isEmpty\"}",
                        standard(ContactField.TAGS, Operator.IS_EMPTY, new Operand.None())),
                Arguments.of("{\"field\": \"phone\", \"op\": \"isNotEmpty\", \"value\": null}",
                        standard(ContactField.PHONE, Operator.IS_NOT_EMPTY, new Operand.None())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperandShape")
    void buildsTheOperandTheOperatorTakes(String condition, Condition expected) {
        assertThat(SegmentFileReader.read("s.json", "{\"id\": \"s\", \"match\": " + condition + "}").match())
                .isEqualTo(expected);
    }

    static Stream<Arguments> customFieldKinds() {
        return Stream.of(
                Arguments.of("\"gt\", \"value\": 10", FieldKind.NUMBER, new Operand.Number(new BigDecimal("10"))),
                Arguments.of("\"lte\", \"value\": 2.50", FieldKind.NUMBER, new Operand.Number(new BigDecimal("2.50"))),
                Arguments.of("\"equals\", \"value\": \"gold\"", FieldKind.TEXT, new Operand.Text("gold")),
                Arguments.of("\"equals\", \"value\": 12", FieldKind.NUMBER, new Operand.Number(new BigDecimal("12"))),
                Arguments.of("\"notEquals\", \"value\": true", FieldKind.BOOLEAN, new Operand.Bool(true)),
                Arguments.of("\"before\", \"value\": \"2027-01-01\"", FieldKind.TIME,
                        new Operand.Time(new TimePoint.OnDate(LocalDate.of(2027, 1, 1)))),
                Arguments.of("\"between\", \"value\": [1, 5]", FieldKind.NUMBER,
                        new Operand.NumberRange(BigDecimal.ONE, new BigDecimal("5"))),
                Arguments.of("\"between\", \"value\": [\"2026-01-01\", \"2026-02-01\"]", FieldKind.TIME,
                        new Operand.TimeRange(new TimePoint.OnDate(LocalDate.of(2026, 1, 1)),
                                new TimePoint.OnDate(LocalDate.of(2026, 2, 1)))),
                Arguments.of("\"withinLast\", \"value\": \"P7D\"", FieldKind.TIME,
                        new Operand.Length(Duration.ofDays(7))),
                Arguments.of("\"contains\", \"value\": \"old\"", FieldKind.TEXT, new Operand.Text("old")),
                Arguments.of("\"in\", \"value\": [\"gold\", \"silver\"]", FieldKind.TEXT,
                        new Operand.TextList(List.of("gold", "silver"))),
                Arguments.of("\"isEmpty\"", FieldKind.TEXT, new Operand.None()));
    }

    @ParameterizedTest(name = "custom.x {0}")
    @MethodSource("customFieldKinds")
    void infersACustomFieldsKindFromItsOperatorAndValue(String opAndValue, FieldKind kind, Operand operand) {
        Condition match = SegmentFileReader.read("s.json",
                "{\"id\": \"s\", \"match\": {\"field\": \"custom.x\", \"op\": " + opAndValue + "}}").match();

        assertThat(match).isInstanceOfSatisfying(FieldCondition.class, c -> {
            assertThat(c.field()).isEqualTo(new Field.Custom("x"));
            assertThat(c.kind()).isEqualTo(kind);
            assertThat(c.value()).isEqualTo(operand);
        });
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "YAML"})
    void readsActivityWithItsDefaultCountAndWithAnExplicitOne(Format format) {
        String content = format == Format.JSON ? """
                {"id": "clickers", "match": {"all": [
                  {"activity": "email.opened", "within": "P30D"},
                  {"activity": "email.clicked", "within": "P7D", "campaignId": "nov-promo",
                   "count": {"op": "between", "value": [2, 5]}},
                  {"activity": "email.bounced", "within": "PT1H", "count": {"op": "equals", "value": 0}}]}}
                """ : """
                id: clickers
                match:
                  all:
                    - activity: email.opened
                      within: P30D
                    - activity: email.clicked
                      within: P7D
                      campaignId: nov-promo
                      count: {op: between, value: [2, 5]}
                    - activity: email.bounced
                      within: PT1H
                      count:
                        op: equals
                        value: 0
                """;

        SegmentDefinition segment = SegmentFileReader.read("clickers." + format.name().toLowerCase(), content);

        assertThat(segment.name()).as("name defaults to the id").isEqualTo("clickers");
        assertThat(segment.description()).isEmpty();
        assertThat(segment.match()).isEqualTo(new Condition.All(List.of(
                new Condition.Activity(EmailEventType.OPENED, Duration.ofDays(30), CountComparison.AT_LEAST_ONE,
                        Optional.empty()),
                new Condition.Activity(EmailEventType.CLICKED, Duration.ofDays(7),
                        new CountComparison(Operator.BETWEEN, 2, 5), Optional.of("nov-promo")),
                new Condition.Activity(EmailEventType.BOUNCED, Duration.ofHours(1),
                        CountComparison.of(Operator.EQUALS, 0), Optional.empty()))));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "YAML"})
    void readsNotAndMemberOfWithTheReferencesPlace(Format format) {
        String content = format == Format.JSON
                ? "{\"id\": \"not-vip\",\n \"match\": {\"not\": {\"memberOf\": \"vip\"}}}"
                : "id: not-vip\nmatch:\n  not:\n    memberOf: vip\n";

        SegmentDefinition segment = SegmentFileReader.read("n." + format.name().toLowerCase(), content);

        Location expected = format == Format.JSON ? new Location("n.json", 2, 32) : new Location("n.yaml", 4, 15);
        assertThat(segment.match()).isEqualTo(new Condition.Not(new Condition.MemberOf("vip", expected)));
    }

    @Test
    void acceptsEmptyGroups() {
        assertThat(SegmentFileReader.read("e.json", "{\"id\": \"e\", \"match\": {\"any\": []}}").match())
                .isEqualTo(new Condition.Any(List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "YAML"})
    void reportsEveryProblemOfAFileTogetherInOrder(Format format) {
        String content = format == Format.JSON ? """
                {"id": "Bad Id", "match": {"all": [
                  {"field": "stat", "op": "equals", "value": "TX"},
                  {"field": "state", "op": "equal", "value": "TX"},
                  {"field": "lastEmailOpenedAt", "op": "withinLast", "value": "P1M"}]}}
                """ : """
                id: Bad Id
                match:
                  all:
                    - field: stat
                      op: equals
                      value: TX
                    - field: state
                      op: equal
                      value: TX
                    - field: lastEmailOpenedAt
                      op: withinLast
                      value: P1M
                """;
        String file = "bad." + format.name().toLowerCase();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentFileReader.read(file, content));

        assertThat(e.issues()).extracting(Issue::message).satisfiesExactly(
                m -> assertThat(m).startsWith("id \"Bad Id\" is not valid"),
                m -> assertThat(m).startsWith("unknown field \"stat\""),
                m -> assertThat(m).startsWith("unknown operator \"equal\""),
                m -> assertThat(m).contains("months and years are not fixed lengths"));
        List<String> places = e.issues().stream().map(i -> i.at().line() + ":" + i.at().column()).toList();
        assertThat(places).isEqualTo(format == Format.JSON
                ? List.of("1:8", "2:13", "3:28", "4:63")
                : List.of("1:5", "4:14", "8:11", "12:14"));
        assertThat(e.getMessage()).contains(file + ":1:");
    }

    @Test
    void reportsAMisspeltKeyOnceNotAlsoAsAMissingOne() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentFileReader.read("s.json",
                        "{\"id\": \"s\", \"mtch\": {\"field\": \"state\", \"op\": \"equals\", \"vaule\": \"TX\"}}"));

        assertThat(e.issues()).extracting(Issue::message).singleElement().asString()
                .startsWith("unknown key \"mtch\" (did you mean \"match\"?)");
    }

    @Test
    void reportsAJsonSyntaxErrorWithItsPlace() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentFileReader.read("s.json", "{\"id\": \"s\",\n \"match\" {}}"));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.message()).startsWith("not valid JSON: ").contains("colon");
            assertThat(i.at()).isEqualTo(new Location("s.json", 2, 10));
        });
    }

    @Test
    void reportsAYamlSyntaxErrorWithItsPlace() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentFileReader.read("s.yaml", "id: s\nmatch:\n  all: [\n  b: 1\n"));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.message()).startsWith("not valid YAML: ").doesNotContain("\n");
            assertThat(i.at().file()).isEqualTo("s.yaml");
            assertThat(i.at().line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void refusesAFileThatIsNeitherJsonNorYaml() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentFileReader.read("s.txt", "{}"));

        assertThat(e.issues()).singleElement().extracting(Issue::message).asString()
                .contains("name it *.json, *.yaml or *.yml");
    }

    @Test
    void readsAFileFromDiskNamingItByItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vip.yml");
        Files.writeString(file, "id: vip\nmatch:\n  field: tags\n  op: contains\n  value: vip\n");

        assertThat(SegmentFileReader.read(file).sourceFile()).isEqualTo(file.toString());
    }

    @Test
    void reportsAFileThatCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentFileReader.read(missing));

        assertThat(e.issues()).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(Location.unknown(missing.toString()));
            assertThat(i.message()).startsWith("cannot read the file");
        });
    }

    private static FieldCondition standard(ContactField field, Operator op, Operand operand) {
        return new FieldCondition(new Field.Standard(field), field.kind(), op, operand);
    }
}
