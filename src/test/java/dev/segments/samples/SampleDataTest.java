package dev.segments.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.ReferenceEvaluator;
import dev.segments.reference.ReferenceJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The committed sample files (README tour) are what {@link SampleDataGenerator} writes, and tell its story. */
class SampleDataTest {

    static final Path SAMPLES = Path.of("samples");
    static final Path SEGMENTS = Path.of("rules", "segments");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void committedSamplesAreExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        new SampleDataGenerator().writeTo(dir);

        for (String file : SampleDataGenerator.FILES) {
            assertThat(Files.readString(SAMPLES.resolve(file), StandardCharsets.UTF_8))
                    .as("%s is stale: run SampleDataGenerator with the samples directory", file)
                    .isEqualTo(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyCommittedLineIsAJsonObject() throws IOException {
        for (String file : SampleDataGenerator.FILES) {
            List<String> lines = Files.readAllLines(SAMPLES.resolve(file), StandardCharsets.UTF_8);
            assertThat(lines).as(file).isNotEmpty();
            for (String line : lines) {
                assertThat(JSON.readTree(line).isObject()).as(file + ": " + line).isTrue();
            }
        }
    }

    @Test
    void contactsAreAlreadyUpToDateWithTheirEventsAllBeforeTheTourInstant() throws IOException {
        Map<String, ContactData> contacts = contacts();
        List<EmailEvent> events = events();

        assertThat(contacts).hasSize(300);
        for (EmailEvent e : events) {
            assertThat(e.at()).isBefore(SampleDataGenerator.TOUR_AT);
            assertThat(contacts).containsKey(e.contactId());
            ContactData c = contacts.get(e.contactId());
            assertThat(ReferenceEvaluator.applyEvent(c, e)).as(e.toString()).isEqualTo(c);
        }
    }

    @Test
    void everySampleSegmentHasSomeDozensOfMembersAtTheTourInstant() throws IOException {
        List<SegmentDefinition> segments = segments();
        Map<String, Set<String>> members = new ReferenceEvaluator(segments).memberships(contacts().values(),
                ReferenceEvaluator.byContact(events()), SampleDataGenerator.TOUR_AT);
        members.put("big-spenders", bigSpenders());

        assertThat(members.keySet()).contains("engaged-texas-clients", "recently-engaged", "warm-leads",
                "highly-engaged", "win-back", "renewals-due", "big-spenders", "texas-ambassadors");
        // texas-ambassadors is fed only by a workflow (workflows/tag-engaged-texans.bpmn adds its tag): no sample
        // contact has the tag, and with the workflows its members are those of engaged-texas-clients
        // (EvaluateCommandTest).
        assertThat(members.remove("texas-ambassadors")).isEmpty();
        members.forEach((segment, ids) -> assertThat(ids.size()).as(segment).isBetween(20, 200));
    }

    @Test
    void theSeedSegmentFileIsTheSpecExample() throws IOException {
        JsonNode seed = JSON.readTree(Files.readString(SEGMENTS.resolve("engaged-texas-clients.json")));
        JsonNode expected = JSON.readTree("""
                {"id": "engaged-texas-clients", "name": "Active Clients in Texas - Engaged",
                 "match": {"any": [
                    {"all": [
                      {"field": "tags", "op": "contains", "value": "Active Client"},
                      {"field": "lastEmailOpenedAt", "op": "withinLast", "value": "P7D"}]},
                    {"field": "state", "op": "equals", "value": "TX"}]}}""");

        assertThat(seed.get("id")).isEqualTo(expected.get("id"));
        assertThat(seed.get("name")).isEqualTo(expected.get("name"));
        assertThat(seed.get("match")).isEqualTo(expected.get("match"));
    }

    @Test
    void theTimelineTellsTheTourStory() throws IOException {
        List<SegmentDefinition> segments = segments();
        ReferenceEvaluator evaluator = new ReferenceEvaluator(segments);
        Map<String, ContactData> contacts = new LinkedHashMap<>();
        List<EmailEvent> events = new ArrayList<>();
        List<Map<String, Set<String>>> after = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (String line : Files.readAllLines(SAMPLES.resolve("timeline.jsonl"))) {
            JsonNode json = JSON.readTree(line);
            Instant at = Instant.parse(json.get("at").asString());
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
            switch (json.get("op").asString()) {
                case "upsert" -> {
                    ContactData c = ReferenceJson.contact(json.get("contact"));
                    contacts.put(c.id(), c);
                }
                case "delete" -> assertThat(contacts.remove(json.get("id").asString())).isNotNull();
                case "event" -> {
                    assertThat(json.get("event").has("at")).isFalse();
                    EmailEvent e = ReferenceJson.event(json.get("event"), at);
                    contacts.put(e.contactId(), ReferenceEvaluator.applyEvent(contacts.get(e.contactId()), e));
                    events.add(e);
                }
                case "tick" -> {
                }
                default -> throw new AssertionError(line);
            }
            after.add(evaluator.memberships(contacts.values(), ReferenceEvaluator.byContact(events), at));
        }

        assertThat(after).hasSizeBetween(10, 20);
        // Dana (c-9001, Denver): quiet Active Client, opens on Nov 30, and is quiet again once the tick passes Dec 7
        assertThat(after.get(0).get("win-back")).contains("c-9001");
        assertThat(after.get(5).get("recently-engaged")).contains("c-9001");
        assertThat(after.get(5).get("engaged-texas-clients")).contains("c-9001");
        assertThat(after.get(5).get("win-back")).doesNotContain("c-9001");
        assertThat(after.get(11).get("recently-engaged")).isEmpty();
        assertThat(after.get(11).get("engaged-texas-clients")).containsExactly("c-9002");
        assertThat(after.get(11).get("win-back")).containsExactly("c-9001");
        // Priya (c-9003): the Active Client tag moves her into win-back; unsubscribing takes her out; then deleted
        assertThat(after.get(7).get("win-back")).doesNotContain("c-9003");
        assertThat(after.get(8).get("win-back")).contains("c-9003");
        assertThat(after.get(9).get("win-back")).doesNotContain("c-9003");
        assertThat(after.get(9).get("renewals-due")).containsExactly("c-9003");
        assertThat(after.get(10).get("renewals-due")).isEmpty();
        // Luis (c-9002) leaves Texas
        assertThat(after.get(12).get("engaged-texas-clients")).isEmpty();
        assertThat(after.get(12).get("warm-leads")).containsExactly("c-9002");
    }

    static List<SegmentDefinition> segments() throws IOException {
        ObjectMapper yaml = YAMLMapper.builder().build();
        List<SegmentDefinition> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEGMENTS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                ObjectMapper mapper = name.endsWith(".json") ? JSON : yaml;
                segments.add(ReferenceJson.segment(mapper.readTree(Files.readString(file)), file.toString()));
                assertThat(name).isEqualTo(segments.get(segments.size() - 1).id() + name.substring(name.lastIndexOf('.')));
            }
        }
        return segments;
    }

    static Map<String, ContactData> contacts() throws IOException {
        Map<String, ContactData> contacts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("contacts.jsonl"))) {
            ContactData c = ReferenceJson.contact(JSON.readTree(line));
            assertThat(contacts.put(c.id(), c)).as("duplicate " + c.id()).isNull();
        }
        return contacts;
    }

    static List<EmailEvent> events() throws IOException {
        List<EmailEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("events.jsonl"))) {
            events.add(ReferenceJson.event(JSON.readTree(line), null));
        }
        return events;
    }

    /** rules/big-spenders.drl: custom number lifetimeValue >= 1000. */
    static Set<String> bigSpenders() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (ContactData c : contacts().values()) {
            if (c.custom().get("lifetimeValue") instanceof CustomValue.Number n
                    && n.value().compareTo(BigDecimal.valueOf(1000)) >= 0) {
                ids.add(c.id());
            }
        }
        return ids;
    }
}
