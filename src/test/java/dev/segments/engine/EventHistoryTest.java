package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A history is a list in time order that no later history changes, however they share their arrays. */
class EventHistoryTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void historiesBranchingFromOneAnotherKeepTheirOwnEventsInTimeOrder() {
        Random random = new Random(3);
        for (int run = 0; run < 200; run++) {
            List<EventHistory> histories = new ArrayList<>(List.of(EventHistory.EMPTY));
            List<List<EmailEvent>> expected = new ArrayList<>(List.of(List.of()));
            for (int step = 0; step < 40; step++) {
                // Mostly the newest history, as the engine does; sometimes an older one, as an undone write leaves it.
                int from = random.nextInt(4) == 0 ? random.nextInt(histories.size()) : histories.size() - 1;
                List<EmailEvent> added = new ArrayList<>();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    added.add(event(random.nextInt(5) == 0 ? random.nextInt(20) : 20 + step));
                }
                histories.add(histories.get(from).with(added));
                expected.add(reference(expected.get(from), added));
                for (int h = 0; h < histories.size(); h++) {
                    assertThat(histories.get(h)).as("run %d, step %d, history %d", run, step, h)
                            .containsExactlyElementsOf(expected.get(h));
                }
            }
        }
    }

    @Test
    void eventsAfterTheLastOfTheNewestHistoryShareItsArray() {
        EmailEvent first = event(1);
        EmailEvent second = event(2);
        EventHistory one = EventHistory.EMPTY.with(List.of(first)).with(List.of(second)); // copied, with room left
        EmailEvent third = event(3);
        EventHistory two = one.with(List.of(third));
        EventHistory sibling = one.with(List.of(event(4)));

        assertThat(two).containsExactly(first, second, third);
        assertThat(sibling).as("the room was taken: copied").hasSize(3).startsWith(first, second)
                .doesNotContain(third);
        assertThat(one).containsExactly(first, second);
    }

    /** What the engine did before histories shared arrays: a copy with each event put after the later ones. */
    private static List<EmailEvent> reference(List<EmailEvent> events, List<EmailEvent> added) {
        List<EmailEvent> all = new ArrayList<>(events);
        for (EmailEvent event : added) {
            int index = all.size();
            while (index > 0 && all.get(index - 1).at().isAfter(event.at())) {
                index--;
            }
            all.add(index, event);
        }
        return all;
    }

    private static int made;

    /** Each event distinct, so that one in another's place shows. */
    private static EmailEvent event(int hour) {
        return new EmailEvent("c-1", EmailEventType.OPENED, START.plusSeconds(3600L * hour),
                Optional.of("campaign-" + made++), Optional.empty());
    }
}
