package dev.segments.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.bench.Change;
import dev.segments.bench.floor.FloorSubject;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.Condition;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.io.SegmentFileReader;
import dev.segments.reference.ReferenceEvaluator;
import dev.segments.reference.ReferenceJson;
import dev.segments.validation.SegmentSetValidator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WorkloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSameSeedGivesTheSameWorkloadChangesAndEdits() {
        Workload a = Workload.generate(7, 300, 10, 40);
        assertThat(a).isEqualTo(Workload.generate(7, 300, 10, 40));
        assertThat(a).isNotEqualTo(Workload.generate(8, 300, 10, 40));
        assertThat(new ChangeStream(7).changes(a.contacts(), Workload.START, 200))
                .isEqualTo(new ChangeStream(7).changes(a.contacts(), Workload.START, 200));
        assertThat(a.segments().stream().map(new SegmentEdits(7)::edited).toList())
                .isEqualTo(a.segments().stream().map(new SegmentEdits(7)::edited).toList());
    }

    @Test
    void contactsAndEventsLookReal() {
        Workload w = Workload.generate(1, 2000, 10, 0);
        List<ContactData> contacts = w.contacts();
        assertThat(contacts.get(0).id()).isEqualTo("c0000001");
        assertThat(contacts.get(1999).id()).isEqualTo("c0002000");
        List<EmailEvent> events = w.events();
        assertThat(events).isSortedAccordingTo(Comparator.comparing(EmailEvent::at));
        assertThat(events).allSatisfy(e -> assertThat(e.at())
                .isBetween(Workload.START.minus(Duration.ofDays(30)), Workload.START));
        assertThat(events.size() / 2000.0).as("events per contact").isBetween(8.0, 12.0);
        Map<String, Long> perContact = new HashMap<>();
        events.forEach(e -> perContact.merge(e.contactId(), 1L, Long::sum));
        assertThat(perContact.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("the most active contact").isGreaterThan(40);

        long texans = contacts.stream().filter(c -> "TX".equals(c.state())).count();
        long vermont = contacts.stream().filter(c -> "VT".equals(c.state())).count();
        assertThat(texans).isBetween(150L, 350L);
        assertThat(vermont).isZero();
        assertThat(contacts.stream().filter(c -> "US".equals(c.country())).count()).isBetween(1600L, 1800L);
        assertThat(contacts.stream().filter(ContactData::dnd).count()).isBetween(50L, 160L);
        assertThat(contacts.stream().mapToInt(c -> c.tags().size()).max().orElseThrow()).isLessThanOrEqualTo(8);
        assertThat(contacts.stream().filter(c -> c.tags().contains("newsletter")).count())
                .as("the most popular tag").isGreaterThan(contacts.stream()
                        .filter(c -> c.tags().contains("list-import-1")).count() * 5);
    }

    @Test
    void contactsAlreadyShowTheirEventsEffects() {
        Workload w = Workload.generate(2, 500, 10, 0);
        Map<String, ContactData> replayed = new HashMap<>();
        w.contacts().forEach(c -> replayed.put(c.id(), c));
        for (EmailEvent e : w.events()) {
            replayed.put(e.contactId(), ReferenceEvaluator.applyEvent(replayed.get(e.contactId()), e));
        }
        assertThat(w.contacts()).allSatisfy(c -> assertThat(replayed.get(c.id())).isEqualTo(c));
        Map<String, Instant> lastOpen = new HashMap<>();
        w.events().stream().filter(e -> e.type().wireName().equals("email.opened"))
                .forEach(e -> lastOpen.put(e.contactId(), e.at()));
        lastOpen.forEach((id, at) -> assertThat(w.contacts().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow().lastEmailOpenedAt().resolve(ZoneOffset.UTC)).isEqualTo(at));
    }

    @Test
    void segmentsAreValidSegmentFilesAndSoAreTheirEdits() {
        List<SegmentDefinition> segments = new RealisticSegments(3).segments(200);
        assertThat(SegmentSetValidator.validate(segments)).isEmpty();
        SegmentEdits edits = new SegmentEdits(3);
        List<SegmentDefinition> edited = new ArrayList<>();
        for (SegmentDefinition s : segments) {
            assertReadsBack(s);
            SegmentDefinition e = edits.edited(s);
            assertThat(e.id()).isEqualTo(s.id());
            assertThat(e.match()).as("edit of " + s.id()).isNotEqualTo(s.match());
            assertReadsBack(e);
            edited.add(e);
        }
        assertThat(SegmentSetValidator.validate(edited)).isEmpty();
    }

    @Test
    void segmentsUseEveryOperatorNestingAndEarlierSegmentsOnly() {
        List<SegmentDefinition> segments = new RealisticSegments(4).segments(300);
        Set<Operator> used = EnumSet.noneOf(Operator.class);
        int withMemberOf = 0;
        boolean activity = false;
        for (int i = 0; i < segments.size(); i++) {
            int index = i;
            List<Condition> leaves = leaves(segments.get(i).match()).toList();
            for (Condition c : leaves) {
                if (c instanceof Condition.FieldCondition f) {
                    used.add(f.op());
                } else if (c instanceof Condition.MemberOf m) {
                    assertThat(Integer.parseInt(m.segmentId().substring(1))).isLessThan(index);
                } else if (c instanceof Condition.Activity) {
                    activity = true;
                }
            }
            withMemberOf += leaves.stream().anyMatch(c -> c instanceof Condition.MemberOf) ? 1 : 0;
            assertThat(depth(segments.get(i).match())).isLessThanOrEqualTo(3);
        }
        assertThat(used).isEqualTo(EnumSet.allOf(Operator.class));
        assertThat(activity).isTrue();
        assertThat(withMemberOf).isBetween(15, 45);
        assertThat(segments.stream().mapToInt(s -> depth(s.match())).max().orElseThrow()).isEqualTo(3);
    }

    @Test
    void segmentsHoldAPlausibleShareOfContacts() {
        Workload w = Workload.generate(5, 5000, 10, 80);
        try (FloorSubject floor = new FloorSubject(w.segments(), ZoneOffset.UTC, Workload.START)) {
            floor.load(w.contacts(), w.events());
            double average = floor.counts().values().stream().mapToInt(Integer::intValue).average().orElseThrow()
                    / 5000;
            assertThat(average).as("average share").isBetween(0.10, 0.45);
            assertThat(floor.counts().values()).as("some tiny").anyMatch(n -> n < 250);
            assertThat(floor.counts().values()).as("some huge").anyMatch(n -> n > 3000);
        }
    }

    @Test
    void changeStreamMixesTagsFieldsAndOpens() {
        Workload w = Workload.generate(6, 500, 10, 0);
        List<Change> changes = new ChangeStream(6).changes(w.contacts(), Workload.START, 4000);
        Map<String, Integer> kinds = new HashMap<>();
        changes.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder("tag added", "tag removed", "field changed",
                "email opened");
        assertThat(kinds.get("tag added")).isBetween(1100, 1500);
        assertThat(kinds.get("tag removed")).isBetween(400, 700);
        assertThat(kinds.get("field changed")).isBetween(850, 1150);
        assertThat(kinds.get("email opened")).isBetween(1050, 1350);
        for (Change c : changes) {
            if (c instanceof Change.Edit e) {
                assertThat(e.after()).isNotEqualTo(e.before());
                assertThat(e.after().id()).isEqualTo(e.before().id());
            } else {
                assertThat(((Change.Event) c).event().at()).isEqualTo(Workload.START);
            }
        }
    }

    private static void assertReadsBack(SegmentDefinition s) {
        String text = JSON.writeValueAsString(ReferenceJson.toJson(s));
        SegmentDefinition reread = SegmentFileReader.read(s.id() + ".json", text);
        assertThat(ReferenceJson.toJson(reread)).as(text).isEqualTo(ReferenceJson.toJson(s));
    }

    private static int depth(Condition c) {
        if (c instanceof Condition.All all) {
            return 1 + all.children().stream().mapToInt(WorkloadTest::depth).max().orElse(0);
        } else if (c instanceof Condition.Any any) {
            return 1 + any.children().stream().mapToInt(WorkloadTest::depth).max().orElse(0);
        } else if (c instanceof Condition.Not not) {
            return 1 + depth(not.child());
        }
        return 0;
    }

    private static Stream<Condition> leaves(Condition c) {
        if (c instanceof Condition.All all) {
            return all.children().stream().flatMap(WorkloadTest::leaves);
        } else if (c instanceof Condition.Any any) {
            return any.children().stream().flatMap(WorkloadTest::leaves);
        } else if (c instanceof Condition.Not not) {
            return leaves(not.child());
        }
        return Stream.of(c);
    }
}
