package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TimeScheduleTest {

    private static final class Item implements TimeSchedule.Scheduled {
        final String name;
        long at = TimeSchedule.NONE;

        Item(String name) {
            this.name = name;
        }

        @Override
        public long scheduledAt() {
            return at;
        }

        @Override
        public void scheduledAt(long at) {
            this.at = at;
        }
    }

    private final TimeSchedule<Item> schedule = new TimeSchedule<>();

    @Test
    void dueItemsComeOutAtTheirInstantOnlyOnceWhateverTheyWereRescheduledThrough() {
        Item a = new Item("a");
        Item b = new Item("b");
        schedule.set(a, OptionalLong.of(10));
        schedule.set(a, OptionalLong.of(30));
        schedule.set(a, OptionalLong.of(10)); // back to an instant it had: one entry is live, not two
        schedule.set(b, OptionalLong.of(20));

        assertThat(schedule.next()).hasValue(10);
        assertThat(names(schedule.takeDue(10))).containsExactly("a");
        assertThat(schedule.get(a)).isEmpty();
        assertThat(schedule.next()).hasValue(20);
        assertThat(names(schedule.takeDue(20))).containsExactly("b");
        assertThat(schedule.next()).isEmpty();
    }

    @Test
    void aCancelledItemNeverComesOut() {
        Item a = new Item("a");
        schedule.set(a, OptionalLong.of(10));
        schedule.set(a, OptionalLong.empty());

        assertThat(schedule.next()).isEmpty();
        assertThat(schedule.takeDue(10)).isEmpty();
    }

    @Test
    void entriesLeftByReschedulingAreSweptWhenTheyOutnumberTheLiveOnes() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(new Item("i" + i));
        }
        for (int move = 0; move < 1_000; move++) {
            for (Item item : items) {
                schedule.set(item, OptionalLong.of(1_000_000 - move));
            }
        }
        assertThat(schedule.queued()).isLessThanOrEqualTo(2 * items.size() + 1024 + 1);
        assertThat(schedule.next()).hasValue(1_000_000 - 999);
        assertThat(schedule.takeDue(1_000_000 - 999)).hasSize(100);
        assertThat(schedule.next()).isEmpty();
    }

    private static List<String> names(List<Item> items) {
        return items.stream().map(item -> item.name).toList();
    }
}
