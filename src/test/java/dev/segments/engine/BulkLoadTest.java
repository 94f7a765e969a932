package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Segments#load}: the same result as upserts then records, one engine or partitioned. */
class BulkLoadTest {

    static final Instant START = RandomContacts.BASE.plus(Duration.ofDays(1));

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void loadingGivesWhatUpsertsThenRecordsGive(int partitions) {
        List<SegmentDefinition> segments = new RandomSegments(new Random(31)).segments(30);
        RandomContacts random = new RandomContacts(new Random(32));
        List<ContactData> contacts = random.contacts(400);
        List<EmailEvent> events = random.events(contacts, 1_500).stream()
                .filter(e -> !e.at().isAfter(START)).toList();
        RuleSources sources = RuleSources.of(segments);
        try (Segments oneByOne = SegmentEngine.start(sources, EngineOptions.startingAt(START));
                Segments loaded = PartitionedSegments.start(sources, EngineOptions.startingAt(START), partitions)) {
            List<MembershipChange> expected = new ArrayList<>();
            contacts.forEach(c -> expected.addAll(oneByOne.upsert(c)));
            events.forEach(e -> expected.addAll(oneByOne.record(e)));
            List<MembershipChange> heard = new ArrayList<>();
            loaded.addListener(changes -> {
                synchronized (heard) {
                    heard.addAll(changes);
                }
            });

            List<MembershipChange> changes = loaded.load(contacts, events);

            assertThat(changes).containsExactlyInAnyOrderElementsOf(net(expected));
            assertThat(heard).containsExactlyInAnyOrderElementsOf(changes);
            assertSameState(oneByOne, loaded, contacts);
            Instant later = START.plus(Duration.ofDays(8));
            assertThat(loaded.advanceTo(later)).containsExactlyInAnyOrderElementsOf(oneByOne.advanceTo(later));
            assertSameState(oneByOne, loaded, contacts);
        }
    }

    @Test
    void loadingOntoLoadedContactsReplacesThemAndAddsTheirEvents() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(41)).segments(20);
        RandomContacts random = new RandomContacts(new Random(42));
        List<ContactData> first = random.contacts(50);
        List<ContactData> replaced = first.subList(0, 20).stream().map(c -> random.contact(c.id())).toList();
        EmailEvent forUntouched = new EmailEvent(first.get(30).id(), EmailEventType.OPENED, START.minusSeconds(60));
        EmailEvent forReplaced = new EmailEvent(first.get(3).id(), EmailEventType.CLICKED, START.minusSeconds(5));
        RuleSources sources = RuleSources.of(segments);
        try (Segments oneByOne = SegmentEngine.start(sources, EngineOptions.startingAt(START));
                Segments loaded = SegmentEngine.start(sources, EngineOptions.startingAt(START))) {
            first.forEach(oneByOne::upsert);
            replaced.forEach(oneByOne::upsert);
            oneByOne.record(forUntouched);
            oneByOne.record(forReplaced);
            loaded.load(first, List.of());

            loaded.load(replaced, List.of(forUntouched, forReplaced));

            assertSameState(oneByOne, loaded, first);
            assertThat(loaded.contact(first.get(30).id()).orElseThrow().lastEmailOpenedAt()).isNotNull();
        }
    }

    /** Chunks after the first are prepared while the one before fires; new and loaded contacts alternate here. */
    @Test
    void aLoadOfSeveralChunksMixingNewAndLoadedContactsGivesWhatUpsertsThenRecordsGive() {
        List<SegmentDefinition> segments = new RandomSegments(new Random(71)).segments(12);
        RandomContacts random = new RandomContacts(new Random(72));
        List<ContactData> first = random.contacts(1_500);
        List<ContactData> second = new ArrayList<>();
        for (int i = 0; i < 2 * SegmentEngine.LOAD_CHUNK + 300; i++) {
            second.add(i % 2 == 0 ? random.contact(first.get(i / 2).id()) : random.contact("new-" + i));
        }
        List<ContactData> everyone = new ArrayList<>(first);
        everyone.addAll(second);
        List<EmailEvent> events = random.events(everyone, 4_000).stream().filter(e -> !e.at().isAfter(START)).toList();
        RuleSources sources = RuleSources.of(segments);
        try (Segments oneByOne = SegmentEngine.start(sources, EngineOptions.startingAt(START));
                Segments loaded = SegmentEngine.start(sources, EngineOptions.startingAt(START))) {
            first.forEach(oneByOne::upsert);
            loaded.load(first, List.of());
            List<MembershipChange> expected = new ArrayList<>();
            second.forEach(c -> expected.addAll(oneByOne.upsert(c)));
            events.forEach(e -> expected.addAll(oneByOne.record(e)));

            List<MembershipChange> changes = loaded.load(second, events);

            assertThat(changes).containsExactlyInAnyOrderElementsOf(net(expected));
            assertSameState(oneByOne, loaded, everyone);
            Instant later = START.plus(Duration.ofDays(8));
            assertThat(loaded.advanceTo(later)).containsExactlyInAnyOrderElementsOf(oneByOne.advanceTo(later));
            assertSameState(oneByOne, loaded, everyone);
        }
    }

    /** The next chunk is prepared on the common pool; a pool whose threads are all busy must not hold the load up. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // guards against a hang; the load itself takes seconds
    void aLoadDoesNotWaitForABusyCommonPool() throws InterruptedException {
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch busy = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            busy.await();
            List<SegmentDefinition> segments = new RandomSegments(new Random(81)).segments(8);
            List<ContactData> contacts = new RandomContacts(new Random(82)).contacts(2 * SegmentEngine.LOAD_CHUNK + 10);
            RuleSources sources = RuleSources.of(segments);
            try (Segments oneByOne = SegmentEngine.start(sources, EngineOptions.startingAt(START));
                    Segments loaded = SegmentEngine.start(sources, EngineOptions.startingAt(START))) {
                contacts.forEach(oneByOne::upsert);

                loaded.load(contacts, List.of());

                assertSameState(oneByOne, loaded, contacts);
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void anEventForAnUnknownContactIsRefusedBeforeAnythingIsLoaded() {
        RandomContacts random = new RandomContacts(new Random(51));
        List<ContactData> contacts = random.contacts(10);
        EmailEvent stray = new EmailEvent("nobody", EmailEventType.OPENED, START);
        try (Segments engine = PartitionedSegments.start(
                RuleSources.of(new RandomSegments(new Random(52)).segments(5)), EngineOptions.startingAt(START), 2)) {
            assertThatThrownBy(() -> engine.load(contacts, List.of(stray)))
                    .isInstanceOf(UnknownContactException.class).hasMessageContaining("nobody");
            assertThat(engine.contactCount()).isZero();
        }
    }

    @Test
    void aChunkWhoseRulesThrowIsUndoneAndEndsTheLoad() {
        DrlFile exploding = new DrlFile("rules/exploding.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                rule "one contact explodes" when $c : Contact( id == "c1500" )
                then throw new IllegalStateException("boom"); end
                """);
        List<ContactData> contacts = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            contacts.add(ContactData.builder("c" + i).state("TX").build());
        }
        try (SegmentEngine engine = SegmentEngine.start(new RuleSources(
                new RandomSegments(new Random(61)).segments(3), List.of(exploding)), EngineOptions.startingAt(START))) {
            assertThatThrownBy(() -> engine.load(contacts, List.of())).hasRootCauseMessage("boom");

            assertThat(engine.contactCount()).isEqualTo(SegmentEngine.LOAD_CHUNK);
            assertThat(engine.contact("c999")).isPresent();
            assertThat(engine.contact("c1000")).isEmpty();
            assertThat(engine.contact("c1500")).isEmpty();
            assertThat(engine.upsert(ContactData.builder("c1000").build())).isNotNull();
        }
    }

    private static List<MembershipChange> net(List<MembershipChange> changes) {
        NetChanges net = new NetChanges(changes);
        return net.changes();
    }

    private static void assertSameState(Segments expected, Segments actual, List<ContactData> contacts) {
        assertThat(actual.counts()).isEqualTo(expected.counts());
        assertThat(actual.contactCount()).isEqualTo(expected.contactCount());
        assertThat(actual.nextTimeChange()).isEqualTo(expected.nextTimeChange());
        for (String segment : expected.segmentIds()) {
            assertThat(actual.members(segment)).as(segment).isEqualTo(expected.members(segment));
        }
        for (ContactData contact : contacts) {
            assertThat(actual.contact(contact.id())).isEqualTo(expected.contact(contact.id()));
        }
    }
}
