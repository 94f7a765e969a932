package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segments replaced in place keep rules of the same names, which Drools removes silently while it merges the changed
 * package, before it announces any rule change: a running engine's memberships must still follow its contacts
 * afterwards, as an engine started afresh with the edited rules and the same contacts.
 */
class RuleEditsMatchAFreshEngineTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void membershipsFollowContactsAfterEdits(long seed) {
        Random random = new Random(seed);
        List<SegmentDefinition> segments = RandomSegmentEdits.segments(random, 24);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "c-" + i).toList();
        Map<String, ContactData> written = new HashMap<>();
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(T0))) {
            for (int step = 0; step < 600; step++) {
                if (step % 150 == 149) {
                    segments = RandomSegmentEdits.edited(random, segments);
                    engine.updateRules(RuleSources.of(segments));
                } else {
                    ContactData contact = RandomSegmentEdits.contact(random, ids.get(random.nextInt(ids.size())));
                    written.put(contact.id(), contact);
                    engine.upsert(contact);
                }
                if (step % 25 == 24 || step % 150 == 149) {
                    try (SegmentEngine fresh = SegmentEngine.start(RuleSources.of(segments),
                            EngineOptions.startingAt(T0))) {
                        written.values().forEach(fresh::upsert);
                        for (String id : written.keySet()) {
                            assertThat(engine.segmentsOf(id)).as("step %d: %s", step, id)
                                    .isEqualTo(fresh.segmentsOf(id));
                        }
                    }
                }
            }
        }
    }
}
