package dev.segments.engine;

import static dev.segments.engine.Definitions.all;
import static dev.segments.engine.Definitions.any;
import static dev.segments.engine.Definitions.memberOf;
import static dev.segments.engine.Definitions.not;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static dev.segments.engine.Definitions.textList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.ArrayList;
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
    static final String STATES = "TX CA NY FL";
    static final List<String> TAGS = List.of("vip", "lead", "churned", "beta", "partner", "x", "y");
    static final List<String> CITIES = List.of("Austin", "Dallas", "Boston", "Miami");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void membershipsFollowContactsAfterEdits(long seed) {
        Random random = new Random(seed);
        List<SegmentDefinition> segments = segments(random, 24);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "c-" + i).toList();
        Map<String, ContactData> written = new HashMap<>();
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), EngineOptions.startingAt(T0))) {
            for (int step = 0; step < 600; step++) {
                if (step % 150 == 149) {
                    segments = edited(random, segments);
                    engine.updateRules(RuleSources.of(segments));
                } else {
                    ContactData contact = contact(random, ids.get(random.nextInt(ids.size())));
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

    private static List<SegmentDefinition> segments(Random random, int count) {
        List<SegmentDefinition> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(randomSegment(random, i == 0 ? "vip" : i == 1 ? "partner" : "s" + i, i));
        }
        return segments;
    }

    private static SegmentDefinition randomSegment(Random random, String id, int index) {
        String tag = TAGS.get(random.nextInt(TAGS.size()));
        String otherTag = TAGS.get(random.nextInt(TAGS.size()));
        String state = STATES.split(" ")[random.nextInt(4)];
        String city = CITIES.get(random.nextInt(CITIES.size()));
        if (id.equals("vip") || id.equals("partner")) {
            return segment(id, tags(Operator.CONTAINS, id));
        }
        return switch (random.nextInt(6)) {
            case 0 -> segment(id, tags(Operator.CONTAINS, tag));
            case 1 -> segment(id, all(text("state", Operator.EQUALS, state), tags(Operator.NOT_CONTAINS, otherTag)));
            case 2 -> segment(id, any(text("city", Operator.EQUALS, city), tags(Operator.CONTAINS, tag)));
            case 3 -> segment(id, all(memberOf(index > 2 ? "s" + (index - 1) : "vip"), not(text("city",
                    Operator.EQUALS, city))));
            case 4 -> segment(id, any(all(tags(Operator.CONTAINS, tag), text("state", Operator.EQUALS, state)),
                    memberOf("partner")));
            default -> segment(id, textList("state", Operator.IN, state, "NY"));
        };
    }

    /** A few segments replaced, the last of the first set removed (no segment reads it) and one added. */
    private static List<SegmentDefinition> edited(Random random, List<SegmentDefinition> segments) {
        List<SegmentDefinition> edited = new ArrayList<>(segments);
        for (int i = 0; i < 3; i++) {
            int at = 2 + random.nextInt(edited.size() - 2);
            edited.set(at, randomSegment(random, edited.get(at).id(), at));
        }
        edited.removeIf(segment -> segment.id().equals("s" + (segments.size() - 1)));
        edited.add(randomSegment(random, "n" + random.nextInt(1_000_000), 2));
        return edited;
    }

    private static ContactData contact(Random random, String id) {
        ContactData.Builder contact = ContactData.builder(id).state(STATES.split(" ")[random.nextInt(4)])
                .city(CITIES.get(random.nextInt(CITIES.size())));
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                contact.addTag(tag);
            }
        }
        if (random.nextInt(4) == 0) {
            contact.firstName("Ann");
        }
        return contact.build();
    }
}
