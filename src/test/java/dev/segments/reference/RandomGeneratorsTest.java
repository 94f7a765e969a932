package dev.segments.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.Condition;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RandomGeneratorsTest {

    @Test
    void theSameSeedGivesTheSameSegmentsAndContacts() {
        assertThat(new RandomSegments(7).segments(20)).isEqualTo(new RandomSegments(7).segments(20));
        RandomContacts a = new RandomContacts(7);
        RandomContacts b = new RandomContacts(7);
        List<ContactData> contacts = a.contacts(30);
        assertThat(contacts).isEqualTo(b.contacts(30));
        assertThat(a.events(contacts, 50)).isEqualTo(b.events(contacts, 50));
    }

    @Test
    void randomSegmentsUseEveryOperatorOfEveryKindAndReferOnlyToEarlierSegments() {
        List<SegmentDefinition> segments = new RandomSegments(1).segments(300);
        Map<FieldKind, Set<Operator>> used = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            int index = i;
            leaves(segments.get(i).match()).forEach(c -> {
                if (c instanceof Condition.FieldCondition f) {
                    used.computeIfAbsent(f.kind(), k -> EnumSet.noneOf(Operator.class)).add(f.op());
                } else if (c instanceof Condition.MemberOf m) {
                    assertThat(Integer.parseInt(m.segmentId().substring(1))).isLessThan(index);
                }
            });
        }
        for (FieldKind kind : FieldKind.values()) {
            EnumSet<Operator> all = EnumSet.noneOf(Operator.class);
            for (Operator op : Operator.values()) {
                if (op.appliesTo(kind)) {
                    all.add(op);
                }
            }
            assertThat(used.get(kind)).as(kind.toString()).isEqualTo(all);
        }
    }

    @Test
    void randomSegmentsSplitRandomContacts() {
        List<SegmentDefinition> segments = new RandomSegments(2).segments(60);
        RandomContacts random = new RandomContacts(2);
        List<ContactData> contacts = random.contacts(200);
        Map<String, List<EmailEvent>> events = ReferenceEvaluator.byContact(random.events(contacts, 600));

        Map<String, Set<String>> members = new ReferenceEvaluator(segments)
                .memberships(contacts, events, RandomContacts.BASE);

        long split = members.values().stream().filter(m -> !m.isEmpty() && m.size() < contacts.size()).count();
        assertThat(members).hasSize(60);
        assertThat(split).as("segments with some members but not all").isGreaterThan(30);
    }

    @Test
    void randomSegmentsSurviveAJsonRoundTrip() {
        JsonMapper json = JsonMapper.builder().build();
        List<SegmentDefinition> segments = new RandomSegments(3).segments(80);
        List<SegmentDefinition> reread = new ArrayList<>();
        for (SegmentDefinition s : segments) {
            String text = json.writeValueAsString(ReferenceJson.toJson(s));
            reread.add(ReferenceJson.segment(json.readTree(text), s.id() + ".json"));
        }
        RandomContacts random = new RandomContacts(3);
        List<ContactData> contacts = random.contacts(150);
        Map<String, List<EmailEvent>> events = ReferenceEvaluator.byContact(random.events(contacts, 400));

        for (Duration later : List.of(Duration.ZERO, Duration.ofHours(13), Duration.ofDays(3))) {
            assertThat(new ReferenceEvaluator(reread).memberships(contacts, events, RandomContacts.BASE.plus(later)))
                    .isEqualTo(new ReferenceEvaluator(segments).memberships(contacts, events, RandomContacts.BASE.plus(later)));
        }
    }

    private static Stream<Condition> leaves(Condition c) {
        if (c instanceof Condition.All all) {
            return all.children().stream().flatMap(RandomGeneratorsTest::leaves);
        } else if (c instanceof Condition.Any any) {
            return any.children().stream().flatMap(RandomGeneratorsTest::leaves);
        } else if (c instanceof Condition.Not not) {
            return leaves(not.child());
        }
        return Stream.of(c);
    }
}
