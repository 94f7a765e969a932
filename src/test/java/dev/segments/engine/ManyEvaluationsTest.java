package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.ReferenceEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drools compiles a constraint to bytecode once it has been evaluated often (its JIT); some constraint forms then
 * fail at run time. Every golden definition is run here over enough contacts to be compiled, and must agree with
 * the reference evaluator before and after.
 */
class ManyEvaluationsTest {

    @Test
    void everyGeneratedConstraintFormSurvivesDroolsJitAndAgreesWithTheReference() throws IOException {
        List<SegmentDefinition> segments;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/drl/golden"))) {
            segments = files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(SegmentFileReader::read)
                    .filter(s -> s.match().toString().indexOf("MemberOf") < 0)
                    .toList();
        }
        List<ContactData> contacts = new RandomContacts(7).contacts(400);
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments),
                EngineOptions.startingAt(RandomContacts.BASE))) {
            contacts.forEach(engine::upsert);
            contacts.forEach(engine::upsert);
            Map<String, Set<String>> expected = new ReferenceEvaluator(segments, ZoneOffset.UTC)
                    .memberships(contacts, Map.of(), RandomContacts.BASE);
            for (SegmentDefinition segment : segments) {
                assertThat(engine.members(segment.id())).as(segment.id())
                        .containsExactlyElementsOf(expected.get(segment.id()));
            }
        }
    }
}
