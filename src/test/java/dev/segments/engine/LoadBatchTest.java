package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A batch groups a load's events by contact exactly as a map of lists in order of first occurrence would. */
class LoadBatchTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void groupsLikeAMapOfListsForRandomLoads() {
        Random random = new Random(11);
        for (int run = 0; run < 200; run++) {
            // Some loads big enough for the lookup to run on the pool.
            int events = run % 20 == 0 ? 30_000 + random.nextInt(20_000) : random.nextInt(60);
            int population = 1 + random.nextInt(run % 20 == 0 ? 3_000 : 12);
            List<ContactData> contacts = new ArrayList<>();
            for (int i = random.nextInt(population + 3); i > 0; i--) {
                contacts.add(ContactData.builder("c" + random.nextInt(population)).city("v" + i).build());
            }
            List<EmailEvent> loadEvents = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                loadEvents.add(event("c" + random.nextInt(population), i));
            }

            assertGroupedLikeAMap(LoadBatch.of(contacts, loadEvents), contacts, loadEvents, "run " + run);
        }
    }

    @Test
    void groupsOnTheCallingThreadWhenEveryPoolThreadIsBusy() throws InterruptedException {
        int workers = ForkJoinPool.getCommonPoolParallelism();
        AtomicBoolean release = new AtomicBoolean();
        CountDownLatch busy = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                while (!release.get()) {
                    Thread.onSpinWait(); // spinning, not blocking: the pool has no reason to add a thread
                }
            });
        }
        try {
            assertThat(busy.await(10, TimeUnit.SECONDS)).as("every pool thread taken").isTrue();
            List<EmailEvent> events = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                events.add(event("c" + i % 1_000, i));
            }

            LoadBatch batch = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> LoadBatch.of(List.of(), events));

            assertThat(batch.size()).isEqualTo(1_000);
            assertThat(batch.eventsOf(0)).hasSize(50);
        } finally {
            release.set(true);
        }
    }

    @Test
    void aContactGivenTwiceKeepsItsFirstPlaceAndItsLastData() {
        ContactData first = ContactData.builder("a").city("Austin").build();
        ContactData other = ContactData.of("b");
        ContactData last = ContactData.builder("a").city("Boston").build();

        LoadBatch batch = LoadBatch.of(List.of(first, other, last), List.of(event("z", 1), event("a", 2)));

        assertThat(batch.ids()).containsExactly("a", "b", "z");
        assertThat(batch.givenCount()).isEqualTo(2);
        assertThat(batch.given(0)).isSameAs(last);
        assertThat(batch.given(2)).as("only events").isNull();
        assertThat(batch.eventsOf(1)).isEmpty();
    }

    @Test
    void theCallersListsMayChangeAfterwards() {
        List<ContactData> contacts = new ArrayList<>(List.of(ContactData.of("a")));
        EmailEvent opened = event("a", 1);
        List<EmailEvent> events = new ArrayList<>(List.of(opened));

        LoadBatch batch = LoadBatch.of(contacts, events);
        contacts.clear();
        events.set(0, event("b", 2));

        assertThat(batch.ids()).containsExactly("a");
        assertThat(batch.eventsOf(0)).containsExactly(opened);
    }

    @Test
    void aMissingContactOrEventIsRefusedWithItsIndex() {
        List<ContactData> contacts = new ArrayList<>(List.of(ContactData.of("a")));
        contacts.add(null);
        List<EmailEvent> events = new ArrayList<>(List.of(event("a", 1), event("a", 2)));
        events.add(null);

        assertThatThrownBy(() -> LoadBatch.of(contacts, List.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("contacts[1]");
        assertThatThrownBy(() -> LoadBatch.of(List.of(), events)).isInstanceOf(NullPointerException.class)
                .hasMessage("events[2]");
    }

    private static void assertGroupedLikeAMap(LoadBatch batch, List<ContactData> contacts, List<EmailEvent> events,
            String what) {
        Map<String, ContactData> given = new LinkedHashMap<>();
        contacts.forEach(c -> given.put(c.id(), c));
        Map<String, List<EmailEvent>> byContact = new LinkedHashMap<>();
        events.forEach(e -> byContact.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e));
        List<String> ids = new ArrayList<>(given.keySet());
        byContact.keySet().stream().filter(id -> !given.containsKey(id)).forEach(ids::add);

        assertThat(batch.ids()).as(what).containsExactlyElementsOf(ids);
        assertThat(batch.givenCount()).as(what).isEqualTo(given.size());
        for (int position = 0; position < ids.size(); position++) {
            String id = ids.get(position);
            assertThat(batch.id(position)).as(what).isEqualTo(id);
            assertThat(batch.given(position)).as("%s, %s", what, id).isSameAs(given.get(id));
            assertThat(batch.eventsOf(position)).as("%s, %s", what, id)
                    .containsExactlyElementsOf(byContact.getOrDefault(id, List.of()));
        }
    }

    private static EmailEvent event(String contactId, int minute) {
        return new EmailEvent(contactId, EmailEventType.OPENED, START.plusSeconds(60L * minute), Optional.empty(),
                Optional.empty());
    }
}
