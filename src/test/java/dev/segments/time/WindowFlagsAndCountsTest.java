package dev.segments.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A contact's flags and counts kept by window position read as the sets and maps rules and listeners expect. */
class WindowFlagsAndCountsTest {

    private static final WindowKeys KEYS = new WindowKeys(List.of("opened within P7D", "clicked within P7D",
            "sent within P14D"));

    @Test
    void flagsHoldTheKeysSetAndEqualAnySetOfThem() {
        Set<String> flags = WindowFlags.builder(KEYS).add("sent within P14D").add("opened within P7D").build();

        assertThat(flags).containsExactly("opened within P7D", "sent within P14D").hasSize(2)
                .doesNotContain("clicked within P7D", "createdAt withinLast P30D");
        assertThat(flags).isEqualTo(Set.of("sent within P14D", "opened within P7D"));
        assertThat(Set.of("sent within P14D", "opened within P7D")).isEqualTo(flags);
        assertThat(flags.hashCode()).isEqualTo(Set.of("sent within P14D", "opened within P7D").hashCode());
        assertThat(flags).isEqualTo(WindowFlags.builder(KEYS).add("opened within P7D").add("sent within P14D").build())
                .isNotEqualTo(WindowFlags.builder(KEYS).add("opened within P7D").build());
    }

    @Test
    void noFlagSetIsTheEmptySet() {
        assertThat(WindowFlags.builder(KEYS).build()).isSameAs(Set.of());
    }

    @Test
    void flagsBeyondTheSixtyFourthWindow() {
        WindowKeys many = new WindowKeys(IntStream.range(0, 130).mapToObj(i -> "window " + i).toList());
        Set<String> flags = WindowFlags.builder(many).add("window 3").add("window 64").add("window 129").build();

        assertThat(flags).containsExactly("window 3", "window 64", "window 129")
                .doesNotContain("window 0", "window 65", "window 128");
    }

    @Test
    void flagsAnswerAsAHashSetOfTheSameKeys() {
        // Keys share the bits of their hashes that answer a quick "no": every answer must still be exact
        List<String> names = IntStream.range(0, 130).mapToObj(i -> "lastEmailOpenedAt withinLast P" + i + "D").toList();
        WindowKeys many = new WindowKeys(names);
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Set<String> expected = new HashSet<>();
            WindowFlags.Builder builder = WindowFlags.builder(many);
            for (String name : names) {
                if (random.nextInt(8) == 0) {
                    expected.add(name);
                    builder.add(name);
                }
            }
            Set<String> flags = builder.build();
            for (String name : names) {
                assertThat(flags.contains(name)).as("%s in %s", name, expected).isEqualTo(expected.contains(name));
            }
            assertThat(flags.contains("not a window")).isFalse();
            assertThat(flags.contains(null)).isFalse();
            assertThat(flags).hasSameSizeAs(expected).isEqualTo(expected).hasSameHashCodeAs(expected);
        }
    }

    @Test
    void aFlagOfAnotherRuleSetIsRefused() {
        assertThatThrownBy(() -> WindowFlags.builder(KEYS).add("createdAt withinLast P30D"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createdAt withinLast P30D");
    }

    @Test
    void countsAboveZeroAreTheEntries() {
        Map<String, Integer> counts = WindowCounts.builder(KEYS).add("opened within P7D", 3).add("clicked within P7D", 0)
                .add("opened within P7D", 2).build();

        assertThat(counts).isEqualTo(Map.of("opened within P7D", 5)).hasSize(1)
                .doesNotContainKey("clicked within P7D");
        assertThat(Map.of("opened within P7D", 5)).isEqualTo(counts);
        assertThat(counts.hashCode()).isEqualTo(Map.of("opened within P7D", 5).hashCode());
        assertThat(counts.get("clicked within P7D")).isNull();
        assertThat(counts.get("not a window")).isNull();
        WindowCounts windowCounts = (WindowCounts) counts;
        assertThat(windowCounts.count("opened within P7D")).isEqualTo(5);
        assertThat(windowCounts.count("clicked within P7D")).isZero();
        assertThat(windowCounts.count("not a window")).isZero();
    }

    @Test
    void countsAddUpAcrossMaps() {
        Map<String, Integer> counts = WindowCounts.builder(KEYS).addAll(Map.of("opened within P7D", 1, "sent within P14D", 4))
                .addAll(Map.of("opened within P7D", 2)).build();

        assertThat(counts).containsOnly(Map.entry("opened within P7D", 3), Map.entry("sent within P14D", 4));
    }

    @Test
    void noCountAboveZeroIsTheEmptyMap() {
        assertThat(WindowCounts.builder(KEYS).add("sent within P14D", 0).build()).isSameAs(Map.of());
    }

    @Test
    void aNegativeCountOrAnotherRuleSetsWindowIsRefused() {
        assertThatThrownBy(() -> WindowCounts.builder(KEYS).add("sent within P14D", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> WindowCounts.builder(KEYS).add("bounced within P7D", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bounced within P7D");
    }
}
