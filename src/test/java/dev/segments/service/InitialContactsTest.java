package dev.segments.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.autoconfigure.SegmentsProperties;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.RulesDirectory;
import dev.segments.engine.SegmentEngine;
import dev.segments.validation.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialContactsTest {

    @Test
    void loadsTheSampleContactsAndEvents() {
        SegmentsProperties properties = new SegmentsProperties();
        properties.setContactsFile(Path.of("samples/contacts.jsonl"));
        properties.setEventsFile(Path.of("samples/events.jsonl"));
        try (SegmentEngine engine = SegmentEngine.start(RulesDirectory.load(Path.of("rules")),
                EngineOptions.startingAt(Instant.parse("2026-11-28T12:00:00Z")))) {
            new InitialContacts(engine, properties).run(null);
            assertThat(engine.contactCount()).isEqualTo(300);
            assertThat(engine.members("highly-engaged")).isNotEmpty();
        }
    }

    @Test
    void aBadContactsFileStopsTheLoadNamingTheFileAndLineAndLoadsNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("contacts.jsonl");
        Files.writeString(file, "{\"id\": \"c-1\", \"state\": \"TX\"}\n{\"id\": \"c-2\", \"createdAt\": \"yesterday\"}\n");
        SegmentsProperties properties = new SegmentsProperties();
        properties.setContactsFile(file);
        try (SegmentEngine engine = SegmentEngine.start(RulesDirectory.load(Path.of("rules")),
                EngineOptions.startingAt(Instant.parse("2026-11-28T12:00:00Z")))) {
            assertThatThrownBy(() -> new InitialContacts(engine, properties).run(null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(file + ":2:0: field \"createdAt\"");
            assertThat(engine.contactCount()).isZero();
        }
    }

    @Test
    void aBadEventsFileLoadsNoContactsEither(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "{\"contactId\": \"nobody\", \"type\": \"email.opened\", \"at\": \"2026-11-01T00:00:00Z\"}\n");
        SegmentsProperties properties = new SegmentsProperties();
        properties.setContactsFile(Path.of("samples/contacts.jsonl"));
        properties.setEventsFile(events);
        try (SegmentEngine engine = SegmentEngine.start(RulesDirectory.load(Path.of("rules")),
                EngineOptions.startingAt(Instant.parse("2026-11-28T12:00:00Z")))) {
            assertThatThrownBy(() -> new InitialContacts(engine, properties).run(null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(events + ":1:0: unknown contact");
            assertThat(engine.contactCount()).isZero();
        }
    }
}
