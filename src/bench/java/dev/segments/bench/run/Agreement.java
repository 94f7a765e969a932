package dev.segments.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Whether a subject's member counts equal the first subject's at the same point: a baseline that disagrees would make
 * its timings meaningless, so the run records it next to them.
 */
final class Agreement {

    private final SortedMap<String, Integer> expected;
    private final String expectedFrom;

    Agreement(SortedMap<String, Integer> expected, String expectedFrom) {
        this.expected = expected;
        this.expectedFrom = expectedFrom;
    }

    Result check(BenchConfig config, String scenario, String metric, String subject,
            SortedMap<String, Integer> actual) {
        List<String> differences = new ArrayList<>();
        expected.forEach((segment, count) -> {
            Integer other = actual.get(segment);
            if (!Objects.equals(count, other)) {
                differences.add(segment + ": " + other + " (" + expectedFrom + " " + count + ")");
            }
        });
        actual.keySet().stream().filter(s -> !expected.containsKey(s)).forEach(s -> differences.add(s + ": unknown"));
        Result result = Result.of(config, scenario, subject, metric, differences.isEmpty() ? 1 : 0, "");
        return differences.isEmpty() ? result
                : result.withNote(differences.size() + " segments differ, e.g. "
                        + String.join("; ", differences.subList(0, Math.min(3, differences.size()))));
    }

    static long memberships(SortedMap<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }
}
