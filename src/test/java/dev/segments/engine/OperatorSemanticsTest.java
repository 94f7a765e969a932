package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.EmailEvent;
import dev.segments.contact.io.ContactJson;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.drl.DrlGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The meaning of every operator of every kind (SPEC 4, "Meaning"), through the real engine: each row is a segment
 * condition as a user writes it (JSON, read by {@link SegmentFileReader}), a contact as JSON (read by
 * {@link ContactJson}), optionally email events, and whether the contact is a member.
 *
 * <p>Each segment is compiled into its own engine, whose clock stands still at {@link #NOW}; each row inserts its
 * own contact and asks for its membership in that segment. JSON in rows is written with single quotes for
 * readability; they become double quotes.
 */
class OperatorSemanticsTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    /** Segments that rows refer to with {@code memberOf}. */
    static final Map<String, String> REFERENCED = Map.of(
            "texas", "{'field': 'state', 'op': 'equals', 'value': 'TX'}",
            "vips", "{'field': 'tags', 'op': 'contains', 'value': 'vip'}");

    /** One engine per segment, so that a fault of one operator cannot spoil the rows of another. */
    static final Map<String, SegmentEngine> engines = new HashMap<>();
    static Map<String, String> conditions;

    @BeforeAll
    static void collectTheSegments() {
        conditions = new LinkedHashMap<>(REFERENCED);
        for (Table table : tables()) {
            conditions.putAll(table.segments);
        }
    }

    @AfterAll
    static void closeTheEngines() {
        engines.values().forEach(SegmentEngine::close);
        engines.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textRows")
    void textOperators(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numberRows")
    void numberOperators(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("booleanRows")
    void booleanOperators(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeRows")
    void absoluteTimeOperators(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relativeTimeRows")
    void relativeTimeOperatorsAtTheEngineClock(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagRows")
    void tagOperators(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activityRows")
    void activityCountsInTheWindow(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinationRows")
    void combinationsOfConditions(Row row) {
        check(row);
    }

    private static void check(Row row) {
        SegmentDefinition segment = definition(row.segmentId());
        String drl = new DrlGenerator(ZoneOffset.UTC).generate(segment).drl();
        SegmentEngine engine = engines.computeIfAbsent(row.segmentId(), id -> start(segment));
        try {
            engine.upsert(ContactJson.parse(withId(row.contactId(), json(row.contact()))));
            for (Event event : row.events()) {
                engine.record(event.toEmailEvent(row.contactId()));
            }
        } catch (RuntimeException e) {
            // a session that threw mid-step is not trusted for the next row
            engines.remove(row.segmentId()).close();
            throw new AssertionError(row + "\nsegment " + row.segmentId() + " generated:\n" + drl + "\nthe engine threw "
                    + e, e);
        }
        assertThat(engine.segmentsOf(row.contactId()).contains(row.segmentId()))
                .as("%s%nsegment %s generated:%n%s", row, row.segmentId(), drl)
                .isEqualTo(row.member());
    }

    private static SegmentEngine start(SegmentDefinition segment) {
        List<SegmentDefinition> segments = new ArrayList<>();
        segments.add(segment);
        if (conditions.get(segment.id()).contains("memberOf")) {
            REFERENCED.keySet().forEach(id -> segments.add(definition(id)));
        }
        return SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(NOW));
    }

    private static SegmentDefinition definition(String id) {
        return SegmentFileReader.read("rules/segments/" + id + ".json",
                json("{'id': '" + id + "', 'match': " + conditions.get(id) + "}"));
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    static List<Table> tables() {
        return List.of(textTable(), numberTable(), booleanTable(), timeTable(), relativeTimeTable(), tagTable(),
                activityTable(), combinationTable());
    }

    static Stream<Row> textRows() {
        return textTable().rows.stream();
    }

    static Stream<Row> numberRows() {
        return numberTable().rows.stream();
    }

    static Stream<Row> booleanRows() {
        return booleanTable().rows.stream();
    }

    static Stream<Row> timeRows() {
        return timeTable().rows.stream();
    }

    static Stream<Row> relativeTimeRows() {
        return relativeTimeTable().rows.stream();
    }

    static Stream<Row> tagRows() {
        return tagTable().rows.stream();
    }

    static Stream<Row> activityRows() {
        return activityTable().rows.stream();
    }

    static Stream<Row> combinationRows() {
        return combinationTable().rows.stream();
    }

    static Table textTable() {
        Table t = new Table("text");
        t.when("state", "equals", "'TX'")
                .member("{'state': 'TX'}")
                .member("{'state': '  tX '}")
                .notMember("{'state': 'CA'}")
                .notMember("{'state': 'TXX'}")
                .notMember("{}")
                .notMember("{'state': null}")
                .notMember("{'state': '  '}");
        t.when("state", "equals", "'  tx '")
                .member("{'state': 'TX'}")
                .notMember("{}");
        t.when("state", "notEquals", "'TX'")
                .notMember("{'state': '  tX '}")
                .member("{'state': 'CA'}")
                .member("{}")
                .member("{'state': null}")
                .member("{'state': '  '}");
        t.when("state", "notEquals", "' tx  '")
                .notMember("{'state': 'TX'}")
                .member("{'state': 'CA'}");
        t.when("city", "contains", "'new '")
                .member("{'city': '  New York '}")
                .member("{'city': 'Little NEW Town'}")
                .notMember("{'city': 'Newark'}")
                .notMember("{'city': 'New '}")
                .notMember("{}")
                .notMember("{'city': null}")
                .notMember("{'city': '   '}");
        t.when("city", "contains", "'YORK'")
                .member("{'city': 'new york'}")
                .notMember("{'city': 'new jersey'}");
        t.when("city", "notContains", "'new '")
                .notMember("{'city': ' New York'}")
                .member("{'city': 'Newark'}")
                .member("{}")
                .member("{'city': null}")
                .member("{'city': '  '}");
        t.when("city", "startsWith", "'new'")
                .member("{'city': '  NEW york'}")
                .member("{'city': 'Newark'}")
                .notMember("{'city': 'Renew'}")
                .notMember("{}")
                .notMember("{'city': ' '}");
        // the condition's leading space is kept, and contact values are trimmed: nothing starts with a space
        t.when("city", "startsWith", "' new'")
                .notMember("{'city': ' new york'}")
                .notMember("{'city': 'new york'}");
        t.when("city", "contains", "' york'")
                .member("{'city': 'New York'}")
                .notMember("{'city': ' York'}");
        t.when("city", "endsWith", "'TON'")
                .member("{'city': 'Boston  '}")
                .notMember("{'city': 'Tonga'}")
                .notMember("{}")
                .notMember("{'city': ' '}");
        t.when("city", "endsWith", "'ton '")
                .notMember("{'city': 'Boston '}");
        t.when("state", "in", "['TX', ' ca ']")
                .member("{'state': 'tx'}")
                .member("{'state': ' CA'}")
                .notMember("{'state': 'NY'}")
                .notMember("{'state': 'T'}")
                .notMember("{}")
                .notMember("{'state': '  '}");
        t.when("state", "notIn", "['TX', ' ca ']")
                .notMember("{'state': ' ca'}")
                .notMember("{'state': 'Tx'}")
                .member("{'state': 'NY'}")
                .member("{}")
                .member("{'state': null}")
                .member("{'state': '  '}");
        t.when("city", "matches", "'^Aus'")
                .member("{'city': 'Austin'}")
                .member("{'city': '  Austin'}")
                .notMember("{'city': 'austin'}")
                .notMember("{'city': 'Lake Austin'}")
                .notMember("{}")
                .notMember("{'city': '  '}");
        t.when("city", "matches", "'stin'")
                .member("{'city': 'Austin'}")
                .notMember("{'city': 'AUSTIN'}");
        t.when("city", "matches", "'(?i)^aus'")
                .member("{'city': 'AUSTIN'}")
                .member("{'city': 'austin'}")
                .notMember("{'city': 'Lake Austin'}");
        t.when("city", "matches", "'.*'")
                .member("{'city': 'x'}")
                .notMember("{}")
                .notMember("{'city': '  '}");
        t.when("postalCode", "matches", "'^[0-9]{5}$'")
                .member("{'postalCode': ' 78701 '}")
                .notMember("{'postalCode': '7870A'}")
                .notMember("{'postalCode': '787011'}");
        t.when("state", "isEmpty")
                .member("{}")
                .member("{'state': null}")
                .member("{'state': '  '}")
                .notMember("{'state': 'TX'}");
        t.when("state", "isNotEmpty")
                .notMember("{}")
                .notMember("{'state': null}")
                .notMember("{'state': ' '}")
                .member("{'state': 'TX'}");
        // every standard text field, read through the same path
        for (String field : List.of("email", "firstName", "lastName", "phone", "companyName", "country", "timezone",
                "source")) {
            t.when(field, "equals", "'Value X'")
                    .member("{'" + field + "': ' value x '}")
                    .notMember("{'" + field + "': 'value'}")
                    .notMember("{}");
            t.when(field, "notEquals", "'Value X'")
                    .notMember("{'" + field + "': 'VALUE X'}")
                    .member("{}");
        }
        // emailStatus always has a value (default subscribed)
        t.when("emailStatus", "equals", "'Subscribed'")
                .member("{}")
                .member("{'emailStatus': 'subscribed'}")
                .notMember("{'emailStatus': 'bounced'}");
        t.when("emailStatus", "notEquals", "'subscribed'")
                .notMember("{}")
                .member("{'emailStatus': 'unsubscribed'}");
        t.when("emailStatus", "in", "['bounced', 'unsubscribed']")
                .member("{'emailStatus': 'bounced'}")
                .notMember("{}");
        t.when("emailStatus", "startsWith", "'un'")
                .member("{'emailStatus': 'unsubscribed'}")
                .notMember("{}");
        t.when("emailStatus", "matches", "'^sub'")
                .member("{}");
        t.when("emailStatus", "isEmpty")
                .notMember("{}")
                .notMember("{'emailStatus': null}")
                .notMember("{'emailStatus': 'bounced'}");
        t.when("emailStatus", "isNotEmpty")
                .member("{}")
                .member("{'emailStatus': null}")
                .member("{'emailStatus': 'bounced'}");
        // custom text
        t.when("custom.plan", "equals", "'Gold'")
                .member("{'custom': {'plan': '  gold '}}")
                .notMember("{'custom': {'plan': 'silver'}}")
                .notMember("{}")
                .notMember("{'custom': {}}")
                .notMember("{'custom': {'plan': null}}")
                .notMember("{'custom': {'plan': '  '}}")
                .notMember("{'custom': {'plan': true}}");
        t.when("custom.plan", "notEquals", "'gold'")
                .notMember("{'custom': {'plan': 'GOLD'}}")
                .member("{'custom': {'plan': 'silver'}}")
                .member("{}")
                .member("{'custom': {'plan': '  '}}")
                .member("{'custom': {'plan': 12}}");
        t.when("custom.code", "equals", "'12'")
                .member("{'custom': {'code': ' 12 '}}")
                .notMember("{'custom': {'code': 12}}");
        t.when("custom.renewalDate", "equals", "'2027-01-31'")
                .member("{'custom': {'renewalDate': '2027-01-31'}}")
                .notMember("{'custom': {'renewalDate': '2027-01-31T00:00:00Z'}}");
        t.when("custom.plan", "contains", "'ol'")
                .member("{'custom': {'plan': 'GOLD'}}")
                .notMember("{'custom': {'plan': 'silver'}}")
                .notMember("{}");
        t.when("custom.plan", "contains", "'old '")
                .member("{'custom': {'plan': 'old gold'}}")
                .notMember("{'custom': {'plan': 'gold '}}");
        t.when("custom.plan", "notContains", "'ol'")
                .notMember("{'custom': {'plan': 'Gold'}}")
                .member("{'custom': {'plan': 'silver'}}")
                .member("{}")
                .member("{'custom': {'plan': false}}");
        t.when("custom.plan", "startsWith", "'GO'")
                .member("{'custom': {'plan': '  gold'}}")
                .notMember("{'custom': {'plan': 'ago'}}")
                .notMember("{}");
        t.when("custom.plan", "endsWith", "'LD'")
                .member("{'custom': {'plan': 'gold  '}}")
                .notMember("{'custom': {'plan': 'golden'}}")
                .notMember("{}");
        t.when("custom.plan", "in", "[' gold', 'Silver ']")
                .member("{'custom': {'plan': 'SILVER'}}")
                .notMember("{'custom': {'plan': 'bronze'}}")
                .notMember("{}")
                .notMember("{'custom': {'plan': 1}}");
        t.when("custom.plan", "notIn", "[' gold', 'Silver ']")
                .notMember("{'custom': {'plan': 'GOLD'}}")
                .member("{'custom': {'plan': 'bronze'}}")
                .member("{}")
                .member("{'custom': {'plan': 1}}");
        t.when("custom.plan", "matches", "'^Go'")
                .member("{'custom': {'plan': ' Gold'}}")
                .notMember("{'custom': {'plan': 'gold'}}")
                .notMember("{}")
                .notMember("{'custom': {'plan': true}}");
        t.when("custom.plan", "isEmpty")
                .member("{}")
                .member("{'custom': {'plan': null}}")
                .member("{'custom': {'plan': '   '}}")
                .notMember("{'custom': {'plan': 'gold'}}");
        t.when("custom.plan", "isNotEmpty")
                .notMember("{}")
                .notMember("{'custom': {'plan': ' '}}")
                .member("{'custom': {'plan': 'gold'}}");
        return t;
    }

    static Table numberTable() {
        Table t = new Table("number");
        t.when("custom.seats", "equals", "12")
                .member("{'custom': {'seats': 12}}")
                .member("{'custom': {'seats': 12.0}}")
                .member("{'custom': {'seats': 12.000}}")
                .notMember("{'custom': {'seats': 12.5}}")
                .notMember("{'custom': {'seats': 13}}")
                .notMember("{}")
                .notMember("{'custom': {'seats': null}}")
                .notMember("{'custom': {'seats': '12'}}")
                .notMember("{'custom': {'seats': true}}");
        t.when("custom.seats", "equals", "12.0")
                .member("{'custom': {'seats': 12}}");
        t.when("custom.seats", "notEquals", "12")
                .notMember("{'custom': {'seats': 12.0}}")
                .member("{'custom': {'seats': 13}}")
                .member("{}")
                .member("{'custom': {'seats': '12'}}");
        t.when("custom.seats", "gt", "10")
                .member("{'custom': {'seats': 10.5}}")
                .member("{'custom': {'seats': 1000000}}")
                .notMember("{'custom': {'seats': 10}}")
                .notMember("{'custom': {'seats': 9}}")
                .notMember("{'custom': {'seats': -11}}")
                .notMember("{}")
                .notMember("{'custom': {'seats': '12'}}")
                .notMember("{'custom': {'seats': true}}");
        t.when("custom.seats", "gte", "10")
                .member("{'custom': {'seats': 10}}")
                .member("{'custom': {'seats': 10.0}}")
                .notMember("{'custom': {'seats': 9.999}}")
                .notMember("{}");
        t.when("custom.seats", "lt", "10")
                .member("{'custom': {'seats': 9.999}}")
                .member("{'custom': {'seats': -3}}")
                .notMember("{'custom': {'seats': 10}}")
                .notMember("{}")
                .notMember("{'custom': {'seats': '5'}}");
        t.when("custom.seats", "lte", "10")
                .member("{'custom': {'seats': 10}}")
                .notMember("{'custom': {'seats': 10.001}}")
                .notMember("{}");
        t.when("custom.seats", "lt", "0")
                .member("{'custom': {'seats': -0.5}}")
                .notMember("{'custom': {'seats': 0}}")
                .notMember("{}");
        t.when("custom.seats", "between", "[5, 10]")
                .member("{'custom': {'seats': 5}}")
                .member("{'custom': {'seats': 7.5}}")
                .member("{'custom': {'seats': 10}}")
                .notMember("{'custom': {'seats': 4.999}}")
                .notMember("{'custom': {'seats': 10.001}}")
                .notMember("{}")
                .notMember("{'custom': {'seats': '7'}}");
        t.when("custom.seats", "between", "[-1.5, 0]")
                .member("{'custom': {'seats': -1.5}}")
                .member("{'custom': {'seats': 0}}")
                .notMember("{'custom': {'seats': -1.51}}");
        t.when("custom.seats", "isEmpty")
                .member("{}")
                .member("{'custom': {'seats': null}}")
                .notMember("{'custom': {'seats': 12}}")
                .notMember("{'custom': {'seats': 0}}");
        t.when("custom.seats", "isNotEmpty")
                .member("{'custom': {'seats': 0}}")
                .notMember("{}");
        return t;
    }

    static Table booleanTable() {
        Table t = new Table("boolean");
        t.when("dnd", "equals", "false")
                .member("{}")
                .member("{'dnd': null}")
                .member("{'dnd': false}")
                .notMember("{'dnd': true}");
        t.when("dnd", "equals", "true")
                .member("{'dnd': true}")
                .notMember("{}")
                .notMember("{'dnd': false}");
        t.when("dnd", "notEquals", "true")
                .member("{}")
                .member("{'dnd': false}")
                .notMember("{'dnd': true}");
        t.when("dnd", "notEquals", "false")
                .member("{'dnd': true}")
                .notMember("{}")
                .notMember("{'dnd': false}");
        t.when("dnd", "isEmpty")
                .notMember("{}")
                .notMember("{'dnd': null}")
                .notMember("{'dnd': true}");
        t.when("dnd", "isNotEmpty")
                .member("{}")
                .member("{'dnd': null}")
                .member("{'dnd': false}");
        t.when("custom.trial", "equals", "true")
                .member("{'custom': {'trial': true}}")
                .notMember("{'custom': {'trial': false}}")
                .notMember("{}")
                .notMember("{'custom': {'trial': null}}")
                .notMember("{'custom': {'trial': 'true'}}")
                .notMember("{'custom': {'trial': 1}}");
        t.when("custom.trial", "equals", "false")
                .member("{'custom': {'trial': false}}")
                .notMember("{'custom': {'trial': true}}")
                .notMember("{}")
                .notMember("{'custom': {'trial': 'false'}}");
        t.when("custom.trial", "notEquals", "true")
                .member("{'custom': {'trial': false}}")
                .member("{}")
                .member("{'custom': {'trial': 'true'}}")
                .notMember("{'custom': {'trial': true}}");
        t.when("custom.trial", "notEquals", "false")
                .member("{'custom': {'trial': true}}")
                .member("{}")
                .notMember("{'custom': {'trial': false}}");
        t.when("custom.trial", "isEmpty")
                .member("{}")
                .member("{'custom': {'trial': null}}")
                .notMember("{'custom': {'trial': false}}");
        t.when("custom.trial", "isNotEmpty")
                .member("{'custom': {'trial': false}}")
                .member("{'custom': {'trial': 'true'}}")
                .notMember("{}");
        return t;
    }

    static Table timeTable() {
        Table t = new Table("time");
        t.when("createdAt", "before", "'2026-01-01T00:00:00Z'")
                .member("{'createdAt': '2025-12-31T23:59:59.999Z'}")
                .member("{'createdAt': '2026-01-01T01:00:00+02:00'}")
                .notMember("{'createdAt': '2026-01-01T00:00:00Z'}")
                .notMember("{'createdAt': '2026-06-01T00:00:00Z'}")
                .notMember("{}")
                .notMember("{'createdAt': null}");
        t.when("createdAt", "before", "'2026-01-01'")
                .member("{'createdAt': '2025-12-31T23:59:59.999Z'}")
                .notMember("{'createdAt': '2026-01-01T00:00:00Z'}")
                .notMember("{'createdAt': '2026-01-01'}");
        t.when("createdAt", "after", "'2026-01-01T00:00:00Z'")
                .member("{'createdAt': '2026-01-01T00:00:00.001Z'}")
                .notMember("{'createdAt': '2026-01-01T00:00:00Z'}")
                .notMember("{'createdAt': '2025-12-31T00:00:00Z'}")
                .notMember("{}");
        t.when("createdAt", "after", "'2026-01-01'")
                .member("{'createdAt': '2026-01-01T00:00:00.001Z'}")
                .member("{'createdAt': '2026-01-01T00:00:00-00:01'}")
                .notMember("{'createdAt': '2026-01-01T00:00:00Z'}");
        t.when("createdAt", "between", "['2026-01-01', '2026-01-31T12:00:00Z']")
                .member("{'createdAt': '2026-01-01T00:00:00Z'}")
                .member("{'createdAt': '2026-01-15T00:00:00Z'}")
                .member("{'createdAt': '2026-01-31T12:00:00Z'}")
                .notMember("{'createdAt': '2025-12-31T23:59:59.999Z'}")
                .notMember("{'createdAt': '2026-01-31T12:00:00.001Z'}")
                .notMember("{}");
        t.when("createdAt", "isEmpty")
                .member("{}")
                .member("{'createdAt': null}")
                .notMember("{'createdAt': '2026-01-01T00:00:00Z'}");
        t.when("createdAt", "isNotEmpty")
                .member("{'createdAt': '2026-01-01T00:00:00Z'}")
                .notMember("{}");
        for (String field : List.of("lastEmailSentAt", "lastEmailOpenedAt", "lastEmailClickedAt")) {
            t.when(field, "before", "'2026-11-01T00:00:00Z'")
                    .member("{'" + field + "': '2026-10-31T23:59:59.999Z'}")
                    .notMember("{'" + field + "': '2026-11-01T00:00:00Z'}")
                    .notMember("{}");
            t.when(field, "after", "'2026-11-01'")
                    .member("{'" + field + "': '2026-11-01T00:00:00.001Z'}")
                    .notMember("{'" + field + "': '2026-11-01T00:00:00Z'}")
                    .notMember("{}");
            t.when(field, "between", "['2026-11-01', '2026-11-02']")
                    .member("{'" + field + "': '2026-11-01T00:00:00Z'}")
                    .member("{'" + field + "': '2026-11-02T00:00:00Z'}")
                    .notMember("{'" + field + "': '2026-11-02T00:00:00.001Z'}")
                    .notMember("{}");
            t.when(field, "isEmpty")
                    .member("{}")
                    .notMember("{'" + field + "': '2026-11-01T00:00:00Z'}");
            t.when(field, "isNotEmpty")
                    .member("{'" + field + "': '2026-11-01T00:00:00Z'}")
                    .notMember("{}");
        }
        // dateOfBirth is a date: 00:00 UTC of that day
        t.when("dateOfBirth", "before", "'1990-04-02'")
                .member("{'dateOfBirth': '1990-04-01'}")
                .notMember("{'dateOfBirth': '1990-04-02'}")
                .notMember("{}");
        t.when("dateOfBirth", "before", "'1990-04-02T00:00:00.001Z'")
                .member("{'dateOfBirth': '1990-04-02'}");
        t.when("dateOfBirth", "after", "'1990-04-01T23:59:59.999Z'")
                .member("{'dateOfBirth': '1990-04-02'}")
                .notMember("{'dateOfBirth': '1990-04-01'}")
                .notMember("{}");
        t.when("dateOfBirth", "after", "'1990-04-02T00:00:00Z'")
                .notMember("{'dateOfBirth': '1990-04-02'}");
        t.when("dateOfBirth", "between", "['1990-04-02T00:00:00Z', '1990-04-02T00:00:00Z']")
                .member("{'dateOfBirth': '1990-04-02'}")
                .notMember("{'dateOfBirth': '1990-04-01'}")
                .notMember("{'dateOfBirth': '1990-04-03'}");
        t.when("dateOfBirth", "between", "['1980-01-01', '1989-12-31']")
                .member("{'dateOfBirth': '1980-01-01'}")
                .member("{'dateOfBirth': '1989-12-31'}")
                .notMember("{'dateOfBirth': '1979-12-31'}")
                .notMember("{'dateOfBirth': '1990-01-01'}")
                .notMember("{}");
        t.when("dateOfBirth", "isEmpty")
                .member("{}")
                .notMember("{'dateOfBirth': '1990-04-02'}");
        t.when("dateOfBirth", "isNotEmpty")
                .member("{'dateOfBirth': '1990-04-02'}")
                .notMember("{'dateOfBirth': null}");
        // a custom date string
        t.when("custom.renewalDate", "before", "'2027-02-01'")
                .member("{'custom': {'renewalDate': '2027-01-31'}}")
                .member("{'custom': {'renewalDate': ' 2027-01-31 '}}")
                .notMember("{'custom': {'renewalDate': '2027-02-01'}}")
                .notMember("{}")
                .notMember("{'custom': {'renewalDate': 20270131}}")
                .notMember("{'custom': {'renewalDate': 'soon'}}")
                .notMember("{'custom': {'renewalDate': true}}")
                .notMember("{'custom': {'renewalDate': '  '}}");
        t.when("custom.renewalDate", "before", "'2027-01-31T00:00:00Z'")
                .notMember("{'custom': {'renewalDate': '2027-01-31'}}")
                .member("{'custom': {'renewalDate': '2027-01-30'}}");
        t.when("custom.renewalDate", "after", "'2027-01-30T23:59:59.999Z'")
                .member("{'custom': {'renewalDate': '2027-01-31'}}")
                .notMember("{'custom': {'renewalDate': '2027-01-30'}}")
                .notMember("{}");
        t.when("custom.renewalDate", "between", "['2027-01-31', '2027-01-31']")
                .member("{'custom': {'renewalDate': '2027-01-31'}}")
                .member("{'custom': {'renewalDate': '2027-01-31T00:00:00Z'}}")
                .notMember("{'custom': {'renewalDate': '2027-01-31T00:00:00.001Z'}}")
                .notMember("{'custom': {'renewalDate': '2027-01-30'}}")
                .notMember("{}");
        // a custom instant string, with an offset
        t.when("custom.trialEnds", "before", "'2026-11-25T09:00:00.001Z'")
                .member("{'custom': {'trialEnds': '2026-11-25T10:00:00+01:00'}}")
                .notMember("{'custom': {'trialEnds': '2026-11-25T10:00:00.001+01:00'}}")
                .notMember("{}");
        t.when("custom.trialEnds", "before", "'2026-11-25T09:00:00Z'")
                .notMember("{'custom': {'trialEnds': '2026-11-25T10:00:00+01:00'}}");
        t.when("custom.trialEnds", "after", "'2026-11-25T08:59:59.999Z'")
                .member("{'custom': {'trialEnds': '2026-11-25T10:00:00+01:00'}}")
                .notMember("{'custom': {'trialEnds': '2026-11-25T08:59:59.999Z'}}")
                .notMember("{'custom': {'trialEnds': 5}}");
        t.when("custom.trialEnds", "between", "['2026-11-25T09:00:00Z', '2026-11-26']")
                .member("{'custom': {'trialEnds': '2026-11-25T10:00:00+01:00'}}")
                .member("{'custom': {'trialEnds': '2026-11-26T00:00:00Z'}}")
                .notMember("{'custom': {'trialEnds': '2026-11-26T00:00:00.001Z'}}")
                .notMember("{'custom': {'trialEnds': '2026-11-25T08:59:59.999Z'}}");
        t.when("custom.renewalDate", "isEmpty")
                .member("{}")
                .notMember("{'custom': {'renewalDate': '2027-01-31'}}");
        t.when("custom.renewalDate", "isNotEmpty")
                .member("{'custom': {'renewalDate': '2027-01-31'}}")
                .notMember("{}");
        return t;
    }

    static Table relativeTimeTable() {
        Table t = new Table("relative");
        t.when("lastEmailOpenedAt", "withinLast", "'P7D'")
                .member(at("lastEmailOpenedAt", "PT0S", 0))
                .member(at("lastEmailOpenedAt", "-PT1H", 0))
                .member(at("lastEmailOpenedAt", "-P7D", 1))
                .notMember(at("lastEmailOpenedAt", "-P7D", 0))
                .notMember(at("lastEmailOpenedAt", "-P30D", 0))
                .notMember(at("lastEmailOpenedAt", "PT0S", 1))
                .notMember(at("lastEmailOpenedAt", "P1D", 0))
                .notMember("{}")
                .notMember("{'lastEmailOpenedAt': null}");
        t.when("createdAt", "withinLast", "'PT12H'")
                .member(at("createdAt", "-PT12H", 1))
                .notMember(at("createdAt", "-PT12H", 0));
        t.when("lastEmailOpenedAt", "notWithinLast", "'P7D'")
                .notMember(at("lastEmailOpenedAt", "PT0S", 0))
                .notMember(at("lastEmailOpenedAt", "-P7D", 1))
                .member(at("lastEmailOpenedAt", "-P7D", 0))
                .member(at("lastEmailOpenedAt", "-P30D", 0))
                .member(at("lastEmailOpenedAt", "PT0S", 1))
                .member("{}")
                .member("{'lastEmailOpenedAt': null}");
        t.when("lastEmailSentAt", "moreThanAgo", "'P7D'")
                .member(at("lastEmailSentAt", "-P7D", 0))
                .member(at("lastEmailSentAt", "-P365D", 0))
                .notMember(at("lastEmailSentAt", "-P7D", 1))
                .notMember(at("lastEmailSentAt", "PT0S", 0))
                .notMember(at("lastEmailSentAt", "P1D", 0))
                .notMember("{}");
        t.when("lastEmailClickedAt", "withinNext", "'P7D'")
                .notMember(at("lastEmailClickedAt", "PT0S", 0))
                .member(at("lastEmailClickedAt", "PT0S", 1))
                .member(at("lastEmailClickedAt", "P7D", 0))
                .notMember(at("lastEmailClickedAt", "P7D", 1))
                .notMember(at("lastEmailClickedAt", "-PT1H", 0))
                .notMember("{}");
        t.when("dateOfBirth", "moreThanAgo", "'P365D'")
                .member("{'dateOfBirth': '1990-04-02'}")
                .notMember("{'dateOfBirth': '2026-11-21'}")
                .notMember("{}");
        // 2026-11-21 is 00:00 UTC: 12 hours before the clock
        t.when("dateOfBirth", "withinLast", "'PT12H'")
                .notMember("{'dateOfBirth': '2026-11-21'}");
        t.when("dateOfBirth", "withinLast", "'PT13H'")
                .member("{'dateOfBirth': '2026-11-21'}");
        // custom date string: 2026-12-21 is 00:00 UTC, within 30 days of 2026-11-21T12:00Z; 2026-12-22 is not
        t.when("custom.renewalDate", "withinNext", "'P30D'")
                .member("{'custom': {'renewalDate': '2026-12-21'}}")
                .notMember("{'custom': {'renewalDate': '2026-12-22'}}")
                .notMember("{'custom': {'renewalDate': '2026-11-21'}}")
                .notMember("{}")
                .notMember("{'custom': {'renewalDate': 20261201}}")
                .notMember("{'custom': {'renewalDate': 'next month'}}");
        t.when("custom.renewalDate", "notWithinLast", "'P7D'")
                .member("{}")
                .member("{'custom': {'renewalDate': 20261120}}")
                .member("{'custom': {'renewalDate': 'last week'}}")
                .member("{'custom': {'renewalDate': '2026-11-14'}}")
                .notMember("{'custom': {'renewalDate': '2026-11-15'}}");
        t.when("custom.renewalDate", "moreThanAgo", "'P1D'")
                .member("{'custom': {'renewalDate': '2026-11-20'}}")
                .notMember("{'custom': {'renewalDate': '2026-11-21'}}")
                .notMember("{'custom': {'renewalDate': true}}");
        // custom instant string
        t.when("custom.trialEnds", "withinLast", "'P1D'")
                .member(custom("trialEnds", NOW.minus(Duration.ofDays(1)).plusMillis(1)))
                .member("{'custom': {'trialEnds': '2026-11-21T13:00:00+01:00'}}")
                .notMember(custom("trialEnds", NOW.minus(Duration.ofDays(1))))
                .notMember(custom("trialEnds", NOW.plusMillis(1)))
                .notMember("{'custom': {'trialEnds': 'yesterday'}}")
                .notMember("{'custom': {'trialEnds': 1}}")
                .notMember("{}");
        t.when("custom.trialEnds", "withinNext", "'PT1H'")
                .member("{'custom': {'trialEnds': '2026-11-21T14:00:00+01:00'}}")
                .notMember("{'custom': {'trialEnds': '2026-11-21T14:00:00.001+01:00'}}")
                .notMember("{'custom': {'trialEnds': '2026-11-21T13:00:00+01:00'}}");
        return t;
    }

    static Table tagTable() {
        Table t = new Table("tags");
        t.when("tags", "contains", "'Active Client'")
                .member("{'tags': [' active client ']}")
                .member("{'tags': ['ACTIVE CLIENT', 'vip']}")
                .notMember("{'tags': ['active']}")
                .notMember("{'tags': ['active clients']}")
                .notMember("{'tags': []}")
                .notMember("{}")
                .notMember("{'tags': null}");
        t.when("tags", "contains", "'  vip '")
                .member("{'tags': ['VIP']}")
                .notMember("{'tags': ['vips']}");
        t.when("tags", "notContains", "'vip'")
                .notMember("{'tags': [' Vip']}")
                .member("{'tags': ['other']}")
                .member("{'tags': ['vips']}")
                .member("{'tags': []}")
                .member("{}")
                .member("{'tags': null}");
        t.when("tags", "notContains", "' VIP '")
                .notMember("{'tags': ['vip']}");
        t.when("tags", "containsAny", "['vip', ' gold ']")
                .member("{'tags': ['GOLD']}")
                .member("{'tags': ['vip', 'x']}")
                .member("{'tags': ['vip', ' Gold']}")
                .notMember("{'tags': ['silver']}")
                .notMember("{'tags': []}")
                .notMember("{}");
        t.when("tags", "containsAny", "['Vip']")
                .member("{'tags': ['vip']}")
                .notMember("{'tags': ['gold']}");
        t.when("tags", "containsAll", "['vip', ' Gold ']")
                .member("{'tags': ['gold', 'VIP', 'x']}")
                .member("{'tags': [' vip ', 'gold']}")
                .notMember("{'tags': ['vip']}")
                .notMember("{'tags': ['gold']}")
                .notMember("{'tags': []}")
                .notMember("{}");
        t.when("tags", "containsAll", "['vip']")
                .member("{'tags': ['VIP']}")
                .notMember("{'tags': []}");
        t.when("tags", "isEmpty")
                .member("{}")
                .member("{'tags': null}")
                .member("{'tags': []}")
                .notMember("{'tags': ['x']}");
        t.when("tags", "isNotEmpty")
                .member("{'tags': ['x']}")
                .notMember("{'tags': []}")
                .notMember("{}");
        return t;
    }

    static Table activityTable() {
        Table t = new Table("activity");
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D'}")
                .member("{}", opened("PT0S", 0))
                .member("{}", opened("-P30D", 1))
                .member("{}", opened("-P40D", 0), opened("-P1D", 0))
                .notMember("{}", opened("-P30D", 0))
                .notMember("{}")
                .notMember("{}", clicked("PT0S", 0))
                .notMember("{}", opened("PT0S", 1))
                .member("{}", opened("-P1D", 0, "nov"));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'campaignId': 'nov'}")
                .member("{}", opened("-P1D", 0, "nov"))
                .notMember("{}", opened("-P1D", 0, "dec"))
                .notMember("{}", opened("-P1D", 0))
                .notMember("{}", clicked("-P1D", 0, "nov"))
                .notMember("{}", opened("-P30D", 0, "nov"))
                .notMember("{}");
        t.whenJson("{'activity': 'email.opened', 'within': 'P7D', 'campaignId': 'nov', 'count': {'op': 'gte', 'value': 2}}")
                .member("{}", opened("-P1D", 0, "nov"), opened("-P2D", 0, "nov"))
                .notMember("{}", opened("-P1D", 0, "nov"), opened("-P2D", 0, "dec"))
                .notMember("{}", opened("-P1D", 0, "nov"), opened("-P8D", 0, "nov"));
        t.whenJson("{'activity': 'email.clicked', 'within': 'PT1H', 'count': {'op': 'equals', 'value': 2}}")
                .member("{}", clicked("-PT1M", 0), clicked("-PT59M", 0))
                .member("{}", clicked("-PT1M", 0), clicked("-PT59M", 0), clicked("-PT1H", 0))
                .notMember("{}", clicked("-PT1M", 0))
                .notMember("{}", clicked("-PT1M", 0), clicked("-PT2M", 0), clicked("-PT3M", 0))
                .notMember("{}");
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'equals', 'value': 0}}")
                .member("{}")
                .member("{}", opened("-P30D", 0))
                .member("{}", sent("-P1D", 0))
                .notMember("{}", opened("-P1D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'notEquals', 'value': 0}}")
                .notMember("{}")
                .notMember("{}", opened("-P30D", 0))
                .member("{}", opened("-P1D", 0))
                .member("{}", opened("-P1D", 0), opened("-P2D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'notEquals', 'value': 2}}")
                .member("{}")
                .member("{}", opened("-P1D", 0))
                .notMember("{}", opened("-P1D", 0), opened("-P2D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'gt', 'value': 1}}")
                .member("{}", opened("-P1D", 0), opened("-P2D", 0))
                .notMember("{}", opened("-P1D", 0))
                .notMember("{}");
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'gt', 'value': 0}}")
                .member("{}", opened("-P1D", 0))
                .notMember("{}");
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'gte', 'value': 2}}")
                .member("{}", opened("-P1D", 0), opened("-P2D", 0))
                .member("{}", opened("-P1D", 0), opened("-P2D", 0), opened("-P3D", 0))
                .notMember("{}", opened("-P1D", 0))
                .notMember("{}", opened("-P1D", 0), opened("-P31D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'gte', 'value': 0}}")
                .member("{}")
                .member("{}", opened("-P1D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'lt', 'value': 1}}")
                .member("{}")
                .member("{}", clicked("-P1D", 0))
                .member("{}", opened("-P30D", 0))
                .notMember("{}", opened("-P1D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'lt', 'value': 2}}")
                .member("{}")
                .member("{}", opened("-P1D", 0))
                .notMember("{}", opened("-P1D", 0), opened("-P2D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'lte', 'value': 1}}")
                .member("{}")
                .member("{}", opened("-P1D", 0))
                .notMember("{}", opened("-P1D", 0), opened("-P2D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'lte', 'value': 0}}")
                .member("{}")
                .notMember("{}", opened("-P1D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'between', 'value': [1, 2]}}")
                .notMember("{}")
                .member("{}", opened("-P1D", 0))
                .member("{}", opened("-P1D", 0), opened("-P2D", 0))
                .notMember("{}", opened("-P1D", 0), opened("-P2D", 0), opened("-P3D", 0));
        t.whenJson("{'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'between', 'value': [0, 1]}}")
                .member("{}")
                .member("{}", opened("-P1D", 0))
                .notMember("{}", opened("-P1D", 0), opened("-P2D", 0));
        for (EmailEventType type : EmailEventType.values()) {
            t.whenJson("{'activity': '" + type.wireName() + "', 'within': 'P1D'}")
                    .member("{}", new Event(type, NOW.minus(Duration.ofHours(1)), Optional.empty()))
                    .notMember("{}", new Event(type, NOW.minus(Duration.ofDays(1)), Optional.empty()));
        }
        return t;
    }

    static Table combinationTable() {
        Table t = new Table("combination");
        String tx = "{'field': 'state', 'op': 'equals', 'value': 'TX'}";
        String vip = "{'field': 'tags', 'op': 'contains', 'value': 'vip'}";
        String bigTeam = "{'field': 'custom.seats', 'op': 'gt', 'value': 10}";
        t.whenJson("{'all': []}")
                .member("{}")
                .member("{'state': 'TX', 'tags': ['vip']}");
        t.whenJson("{'any': []}")
                .notMember("{}")
                .notMember("{'state': 'TX', 'tags': ['vip']}");
        t.whenJson("{'not': {'all': []}}")
                .notMember("{}");
        t.whenJson("{'not': {'any': []}}")
                .member("{}");
        t.whenJson("{'all': [{'any': []}, " + tx + "]}")
                .notMember("{'state': 'TX'}");
        t.whenJson("{'any': [{'all': []}, " + tx + "]}")
                .member("{}");
        t.whenJson("{'all': [" + tx + ", " + vip + "]}")
                .member("{'state': 'TX', 'tags': ['VIP']}")
                .notMember("{'state': 'TX'}")
                .notMember("{'tags': ['vip']}")
                .notMember("{}");
        t.whenJson("{'any': [" + tx + ", " + vip + "]}")
                .member("{'state': 'TX', 'tags': ['VIP']}")
                .member("{'state': 'TX'}")
                .member("{'tags': ['vip']}")
                .notMember("{}");
        t.whenJson("{'not': {'any': [" + tx + ", " + vip + "]}}")
                .notMember("{'state': 'TX'}")
                .notMember("{'tags': ['vip']}")
                .member("{'state': 'CA', 'tags': ['gold']}")
                .member("{}");
        t.whenJson("{'not': {'all': [" + tx + ", " + vip + "]}}")
                .notMember("{'state': 'TX', 'tags': ['VIP']}")
                .member("{'state': 'TX'}")
                .member("{'tags': ['vip']}")
                .member("{}");
        t.whenJson("{'not': {'not': " + tx + "}}")
                .member("{'state': ' tx'}")
                .notMember("{}");
        t.whenJson("{'not': {'field': 'state', 'op': 'notEquals', 'value': 'TX'}}")
                .member("{'state': 'TX'}")
                .notMember("{'state': 'CA'}")
                .notMember("{}");
        t.whenJson("{'not': {'field': 'state', 'op': 'isEmpty'}}")
                .member("{'state': 'TX'}")
                .notMember("{'state': '  '}");
        t.whenJson("{'not': {'field': 'state', 'op': 'notIn', 'value': ['TX', 'CA']}}")
                .member("{'state': 'ca'}")
                .notMember("{}");
        t.whenJson("{'not': {'field': 'city', 'op': 'startsWith', 'value': 'new'}}")
                .member("{}")
                .member("{'city': 'Austin'}")
                .notMember("{'city': 'New York'}");
        t.whenJson("{'not': {'field': 'custom.plan', 'op': 'endsWith', 'value': 'old'}}")
                .member("{}")
                .notMember("{'custom': {'plan': 'gold'}}");
        t.whenJson("{'any': [" + tx + ", {'field': 'city', 'op': 'endsWith', 'value': 'ton'}]}")
                .member("{'state': 'TX'}")
                .member("{'city': 'Boston'}")
                .notMember("{'state': 'CA'}");
        t.whenJson("{'not': {'field': 'custom.seats', 'op': 'gt', 'value': 10}}")
                .member("{'custom': {'seats': 10}}")
                .member("{}")
                .member("{'custom': {'seats': '12'}}")
                .notMember("{'custom': {'seats': 11}}");
        t.whenJson("{'not': {'field': 'lastEmailOpenedAt', 'op': 'withinLast', 'value': 'P7D'}}")
                .member("{}")
                .member(at("lastEmailOpenedAt", "-P7D", 0))
                .notMember(at("lastEmailOpenedAt", "-P1D", 0));
        t.whenJson("{'not': {'field': 'lastEmailOpenedAt', 'op': 'notWithinLast', 'value': 'P7D'}}")
                .notMember("{}")
                .member(at("lastEmailOpenedAt", "-P1D", 0));
        t.whenJson("{'not': {'activity': 'email.opened', 'within': 'P30D'}}")
                .member("{}")
                .member("{}", opened("-P30D", 0))
                .notMember("{}", opened("-P1D", 0));
        t.whenJson("{'not': {'activity': 'email.opened', 'within': 'P30D', 'count': {'op': 'lt', 'value': 1}}}")
                .notMember("{}")
                .member("{}", opened("-P1D", 0));
        t.whenJson("{'any': [{'all': [" + tx + ", {'not': " + vip + "}]}, {'all': [{'not': {'any': []}}, " + bigTeam
                        + "]}]}")
                .member("{'state': 'TX'}")
                .notMember("{'state': 'TX', 'tags': ['vip']}")
                .member("{'state': 'TX', 'tags': ['vip'], 'custom': {'seats': 11}}")
                .member("{'custom': {'seats': 11}}")
                .notMember("{}");
        t.whenJson("{'all': [{'any': [" + tx + ", " + vip + "]}, {'not': {'any': [{'field': 'dnd', 'op': 'equals', "
                        + "'value': true}, {'field': 'emailStatus', 'op': 'in', 'value': ['bounced', 'unsubscribed']}]}}]}")
                .member("{'state': 'TX'}")
                .member("{'tags': ['vip'], 'dnd': false, 'emailStatus': 'subscribed'}")
                .notMember("{'state': 'TX', 'dnd': true}")
                .notMember("{'tags': ['vip'], 'emailStatus': 'bounced'}")
                .notMember("{'dnd': false}");
        t.whenJson("{'memberOf': 'texas'}")
                .member("{'state': ' tx '}")
                .notMember("{'state': 'CA'}")
                .notMember("{}");
        t.whenJson("{'not': {'memberOf': 'texas'}}")
                .notMember("{'state': 'TX'}")
                .member("{'state': 'CA'}")
                .member("{}");
        t.whenJson("{'all': [{'memberOf': 'texas'}, {'not': {'memberOf': 'vips'}}]}")
                .member("{'state': 'TX'}")
                .notMember("{'state': 'TX', 'tags': ['VIP']}")
                .notMember("{'tags': ['vip']}");
        t.whenJson("{'not': {'all': [{'memberOf': 'texas'}, {'memberOf': 'vips'}]}}")
                .member("{'state': 'TX'}")
                .member("{'tags': ['vip']}")
                .member("{}")
                .notMember("{'state': 'TX', 'tags': ['vip']}");
        t.whenJson("{'not': {'any': [{'memberOf': 'texas'}, " + vip + "]}}")
                .member("{'state': 'CA'}")
                .notMember("{'state': 'TX'}")
                .notMember("{'tags': ['vip']}");
        return t;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A contact whose time field is {@link #NOW} moved by an ISO duration and some milliseconds. */
    static String at(String field, String offset, long millis) {
        return "{'" + field + "': '" + NOW.plus(Duration.parse(offset)).plusMillis(millis) + "'}";
    }

    static String custom(String name, Instant value) {
        return "{'custom': {'" + name + "': '" + value + "'}}";
    }

    static Event opened(String offset, long millis, String... campaign) {
        return event(EmailEventType.OPENED, offset, millis, campaign);
    }

    static Event clicked(String offset, long millis, String... campaign) {
        return event(EmailEventType.CLICKED, offset, millis, campaign);
    }

    static Event sent(String offset, long millis, String... campaign) {
        return event(EmailEventType.SENT, offset, millis, campaign);
    }

    static Event event(EmailEventType type, String offset, long millis, String... campaign) {
        return new Event(type, NOW.plus(Duration.parse(offset)).plusMillis(millis),
                Arrays.stream(campaign).findFirst());
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String withId(String id, String contactJson) {
        String body = contactJson.strip().substring(1).strip();
        return "{\"id\": \"" + id + "\"" + (body.equals("}") ? "}" : ", " + body);
    }

    record Event(EmailEventType type, Instant at, Optional<String> campaignId) {
        EmailEvent toEmailEvent(String contactId) {
            return new EmailEvent(contactId, type, at, campaignId, Optional.empty());
        }

        @Override
        public String toString() {
            return type.wireName() + " at " + at + campaignId.map(c -> " campaign " + c).orElse("");
        }
    }

    record Row(String segmentId, String condition, String contactId, String contact, List<Event> events,
            boolean member) {
        @Override
        public String toString() {
            String withEvents = events.isEmpty() ? "" : " with " + events.stream().map(Event::toString)
                    .collect(Collectors.joining(", "));
            return condition + " | " + contact + withEvents + " -> " + (member ? "member" : "not a member");
        }
    }

    /** Rows of one kind: each {@code when} adds a segment, each {@code member}/{@code notMember} a contact. */
    static final class Table {
        final String prefix;
        final Map<String, String> segments = new LinkedHashMap<>();
        final List<Row> rows = new ArrayList<>();
        private String segmentId;
        private String shown;

        Table(String prefix) {
            this.prefix = prefix;
        }

        Table when(String field, String op, String value) {
            return add("{'field': '" + field + "', 'op': '" + op + "', 'value': " + value + "}",
                    field + " " + op + " " + value);
        }

        Table when(String field, String op) {
            return add("{'field': '" + field + "', 'op': '" + op + "'}", field + " " + op);
        }

        Table whenJson(String condition) {
            return add(condition, condition);
        }

        private Table add(String condition, String shown) {
            this.segmentId = prefix + "-" + (segments.size() + 1);
            this.shown = shown;
            segments.put(segmentId, condition);
            return this;
        }

        Table member(String contact, Event... events) {
            return row(contact, events, true);
        }

        Table notMember(String contact, Event... events) {
            return row(contact, events, false);
        }

        private Table row(String contact, Event[] events, boolean member) {
            String contactId = segmentId + "-c" + (rows.size() + 1);
            rows.add(new Row(segmentId, shown, contactId, contact, List.of(events), member));
            return this;
        }
    }
}
