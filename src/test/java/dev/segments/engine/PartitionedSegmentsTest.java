package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PartitionedSegmentsTest {

    static final Instant START = RandomContacts.BASE.minus(Duration.ofDays(3));

    @Test
    void partitionsGiveTheSameMembershipsAndChangesAsOneEngine() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(11)).segments(25);
        RuleSources sources = RuleSources.of(segments);
        RandomContacts random = new RandomContacts(new Random(12));
        List<ContactData> contacts = random.contacts(120);
        List<EmailEvent> events = random.events(contacts, 200);
        try (Segments one = PartitionedSegments.start(sources, EngineOptions.startingAt(START), 1);
                Segments three = PartitionedSegments.start(sources, EngineOptions.startingAt(START), 3)) {
            assertThat(three).isInstanceOf(PartitionedSegments.class);
            List<MembershipChange> heardByOne = Collections.synchronizedList(new ArrayList<>());
            List<MembershipChange> heardByThree = Collections.synchronizedList(new ArrayList<>());
            one.addListener(heardByOne::addAll);
            three.addListener(heardByThree::addAll);

            for (ContactData contact : contacts) {
                assertThat(three.upsert(contact)).containsExactlyInAnyOrderElementsOf(one.upsert(contact));
            }
            for (EmailEvent event : events) {
                if (!event.at().isAfter(one.now())) {
                    assertThat(three.record(event)).containsExactlyInAnyOrderElementsOf(one.record(event));
                }
            }
            for (int i = 0; i < 10; i += 3) {
                assertThat(three.delete(contacts.get(i).id()))
                        .containsExactlyInAnyOrderElementsOf(one.delete(contacts.get(i).id()));
            }
            List<MembershipChange> timeOne = one.advanceTo(RandomContacts.BASE.plus(Duration.ofDays(9)));
            List<MembershipChange> timeThree = three.advanceTo(RandomContacts.BASE.plus(Duration.ofDays(9)));
            assertThat(timeThree).containsExactlyInAnyOrderElementsOf(timeOne);
            assertThat(timeThree).isSortedAccordingTo(java.util.Comparator.comparing(MembershipChange::at));

            assertThat(three.counts()).isEqualTo(one.counts());
            assertThat(three.segmentIds()).isEqualTo(one.segmentIds());
            assertThat(three.contactCount()).isEqualTo(one.contactCount());
            assertThat(three.nextTimeChange()).isEqualTo(one.nextTimeChange());
            for (String segment : one.segmentIds()) {
                assertThat(three.members(segment)).as(segment).isEqualTo(one.members(segment));
            }
            for (ContactData contact : contacts) {
                assertThat(three.segmentsOf(contact.id())).isEqualTo(one.segmentsOf(contact.id()));
                assertThat(three.contact(contact.id())).isEqualTo(one.contact(contact.id()));
            }
            assertThat(heardByThree).containsExactlyInAnyOrderElementsOf(heardByOne);
            assertThat(one.members(one.segmentIds().first())).isNotNull();
        }
    }

    @Test
    void writersOfDifferentPartitionsRunAtOnceAndTheViewStaysExact() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(21)).segments(15);
        List<ContactData> contacts = new RandomContacts(new Random(22)).contacts(400);
        try (Segments two = PartitionedSegments.start(RuleSources.of(segments), EngineOptions.startingAt(START), 2);
                Segments one = PartitionedSegments.start(RuleSources.of(segments), EngineOptions.startingAt(START), 1)) {
            Map<String, Set<String>> heard = new HashMap<>();
            two.addListener(changes -> changes.forEach(change -> {
                Set<String> members = heard.computeIfAbsent(change.segmentId(), id -> new TreeSet<>());
                if (change.kind() == MembershipChange.Kind.ENTERED) {
                    assertThat(members.add(change.contactId())).isTrue();
                } else {
                    assertThat(members.remove(change.contactId())).isTrue();
                }
            }));
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Void> evens = CompletableFuture.runAsync(() -> upsertEvery(two, contacts, 0), writers);
                CompletableFuture<Void> odds = CompletableFuture.runAsync(() -> upsertEvery(two, contacts, 1), writers);
                CompletableFuture.allOf(evens, odds).join();
            } finally {
                writers.shutdown();
            }
            contacts.forEach(one::upsert);

            for (String segment : one.segmentIds()) {
                assertThat(two.members(segment)).as(segment).isEqualTo(one.members(segment));
                assertThat(heard.getOrDefault(segment, Set.of())).as(segment).isEqualTo(one.members(segment));
            }
        }
    }

    @Test
    void partitionOfNamesThePartitionThatHoldsTheContact() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(31)).segments(10);
        List<ContactData> contacts = new RandomContacts(new Random(32)).contacts(300);
        try (Segments three = PartitionedSegments.start(RuleSources.of(segments), EngineOptions.startingAt(START), 3)) {
            List<Set<Integer>> partitionsHeardTogether = new ArrayList<>();
            // Listeners hear one partition at a time: a load's changes come in one call per partition.
            three.addListener(changes -> partitionsHeardTogether.add(changes.stream()
                    .map(change -> PartitionedSegments.partitionOf(change.contactId(), 3))
                    .collect(Collectors.toSet())));
            three.load(contacts, List.of());

            assertThat(partitionsHeardTogether).hasSizeGreaterThanOrEqualTo(3).allSatisfy(heard ->
                    assertThat(heard).hasSize(1));
            assertThat(partitionsHeardTogether.stream().flatMap(Set::stream).distinct().sorted())
                    .containsExactly(0, 1, 2);
        }
        assertThatThrownBy(() -> PartitionedSegments.partitionOf("c1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void upsertEvery(Segments segments, List<ContactData> contacts, int offset) {
        for (int i = offset; i < contacts.size(); i += 2) {
            segments.upsert(contacts.get(i));
        }
    }

    @Test
    void rulesThatDoNotCompileAreRefusedBeforeAnyPartitionChanges() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(31)).segments(5);
        try (Segments two = PartitionedSegments.start(RuleSources.of(segments), EngineOptions.startingAt(START), 2)) {
            RuleSources broken = new RuleSources(segments,
                    List.of(new DrlFile("rules/broken.drl", "package x;\nrule \"b\" when\n  Nope( ) then end\n")));
            assertThatThrownBy(() -> two.updateRules(broken)).isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("rules/broken.drl:3");
            assertThat(two.segmentIds()).hasSize(5);
        }
    }

    @Test
    void aRuleChangeThatFailsInOnePartitionIsUndoneInAll() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(61)).segments(8);
        List<ContactData> contacts = new RandomContacts(new Random(62)).contacts(40);
        ContactData exploding = contacts.get(0);
        DrlFile rules = new DrlFile("rules/exploding.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "one contact explodes" when $c : Contact( id == "%s" )
                then throw new IllegalStateException("boom"); end
                rule "everyone" when $c : Contact( ) then insertLogical(new SegmentMembership("everyone", $c.getId())); end
                """.formatted(exploding.id()));
        try (Segments two = PartitionedSegments.start(RuleSources.of(segments), EngineOptions.startingAt(START), 2)) {
            contacts.forEach(two::upsert);
            Map<String, Integer> countsBefore = two.counts();
            Map<String, Integer> heardNet = new HashMap<>();
            two.addListener(changes -> changes.forEach(change -> heardNet.merge(change.segmentId() + "/"
                    + change.contactId(), change.kind() == MembershipChange.Kind.ENTERED ? 1 : -1, Integer::sum)));

            assertThatThrownBy(() -> two.updateRules(new RuleSources(segments, List.of(rules))))
                    .hasRootCauseMessage("boom");

            assertThat(two.segmentIds()).doesNotContain("everyone");
            assertThat(two.counts()).isEqualTo(countsBefore);
            assertThat(heardNet).as("the partition that switched went back").isNotEmpty()
                    .allSatisfy((membership, net) -> assertThat(net).as(membership).isZero());
            ContactData later = new RandomContacts(new Random(63)).contact("later");
            assertThat(two.upsert(later)).isNotEmpty().noneMatch(change -> change.segmentId().equals("everyone"));
            List<SegmentDefinition> fewer = segments.subList(1, segments.size());
            two.updateRules(RuleSources.of(fewer));
            assertThat(two.segmentIds()).doesNotContain(segments.get(0).id()).hasSize(fewer.size());
        }
    }

    @Test
    void atLeastOnePartitionIsNeeded() {
        assertThatThrownBy(() -> PartitionedSegments.start(RuleSources.of(List.of()), EngineOptions.startingAt(START), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
