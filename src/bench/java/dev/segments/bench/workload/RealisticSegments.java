package dev.segments.bench.workload;

import dev.segments.definition.Condition;
import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded segment definitions {@code s000, s001, ...} shaped as marketers build them (HighLevel's AND filters and OR
 * groups): one filter, a filter narrowed by broad ones, OR groups of AND groups, exclusions ({@code not}), nesting
 * three levels deep at most (an {@code all} holding a {@code not} of an {@code any}), and about 10% built on an earlier segment with {@code memberOf} (so there are no cycles). The
 * mix of {@link SegmentLeaves} tiers is chosen so that a segment holds about a quarter of the contacts on average,
 * some a few percent, some most of them.
 */
public final class RealisticSegments {

    static final Location GENERATED = Location.unknown("workload");

    private final Random random;
    private final SegmentLeaves leaves;

    public RealisticSegments(long seed) {
        this.random = new Random(seed ^ 0x7365676dL);
        this.leaves = new SegmentLeaves(random);
    }

    /** The id of the segment of that 0-based index: {@code s000} for 0. */
    public static String id(int index) {
        return String.format("s%03d", index);
    }

    public List<SegmentDefinition> segments(int n) {
        List<SegmentDefinition> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            segments.add(new SegmentDefinition(id(i), "Segment " + (i + 1), Optional.empty(), condition(i), GENERATED));
        }
        return segments;
    }

    private Condition condition(int index) {
        if (index > 0 && random.nextDouble() < 0.1) {
            return onEarlier(index);
        }
        int roll = random.nextInt(100);
        if (roll < 20) {
            return leaves.medium();
        } else if (roll < 45) {
            return all(leaves.medium(), random.nextBoolean() ? leaves.broad() : leaves.customBroad());
        } else if (roll < 65) {
            return any(all(leaves.medium(), leaves.broad()), all(leaves.narrow(), leaves.broad()));
        } else if (roll < 77) {
            return all(leaves.broad(), any(leaves.medium(), leaves.narrow()));
        } else if (roll < 87) {
            return all(leaves.medium(), new Condition.Not(any(leaves.narrow(), leaves.narrow())));
        } else if (roll < 93) {
            return any(leaves.narrow(), leaves.narrow(), leaves.narrow());
        }
        return all(leaves.broad(), leaves.broad(), leaves.customBroad());
    }

    /** Built on an earlier segment: narrowed by a filter, or with another earlier segment excluded. */
    private Condition onEarlier(int index) {
        Condition.MemberOf base = new Condition.MemberOf(id(random.nextInt(index)), GENERATED);
        return switch (random.nextInt(3)) {
            case 0 -> all(base, leaves.broad());
            case 1 -> all(leaves.medium(), new Condition.Not(base));
            default -> any(base, leaves.narrow());
        };
    }

    private static Condition all(Condition... children) {
        return new Condition.All(List.of(children));
    }

    private static Condition any(Condition... children) {
        return new Condition.Any(List.of(children));
    }
}
