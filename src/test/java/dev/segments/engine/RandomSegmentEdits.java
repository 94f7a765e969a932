package dev.segments.engine;

import static dev.segments.engine.Definitions.all;
import static dev.segments.engine.Definitions.any;
import static dev.segments.engine.Definitions.memberOf;
import static dev.segments.engine.Definitions.not;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static dev.segments.engine.Definitions.textList;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random segments of the kinds that share rule inputs and chain {@code memberOf} ("vip" and "partner" first, each
 * {@code s<i>} reading at most {@code s<i-1>}), random edits of them, and random contacts over the few states, cities
 * and tags they read: for tests of rule edits and changes against another engine.
 */
final class RandomSegmentEdits {

    static final String STATES = "TX CA NY FL";
    static final List<String> TAGS = List.of("vip", "lead", "churned", "beta", "partner", "x", "y");
    static final List<String> CITIES = List.of("Austin", "Dallas", "Boston", "Miami");

    private RandomSegmentEdits() {
    }

    static List<SegmentDefinition> segments(Random random, int count) {
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
    static List<SegmentDefinition> edited(Random random, List<SegmentDefinition> segments) {
        List<SegmentDefinition> edited = new ArrayList<>(segments);
        for (int i = 0; i < 3; i++) {
            int at = 2 + random.nextInt(edited.size() - 2);
            edited.set(at, randomSegment(random, edited.get(at).id(), at));
        }
        edited.removeIf(segment -> segment.id().equals("s" + (segments.size() - 1)));
        edited.add(randomSegment(random, "n" + random.nextInt(1_000_000), 2));
        return edited;
    }

    static ContactData contact(Random random, String id) {
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
