package dev.segments.engine;

import dev.segments.time.WindowCounts;
import java.util.Map;

/**
 * The comparisons of a custom number with a constant, false when the contact has no such number:
 * {@code numberAtLeast(customNumber, "seats", 5.0)}; and an activity count, 0 when the contact has no such events:
 * {@code countIn(activityCountsPart3, "email.clicked within P7D") > 1}. Written as {@code customNumber["seats"] >= 5.0}
 * or {@code activityCountsPart3["..."] > 1}, Drools 10.2's
 * constraint JIT compares boxed values and builds the constant from its text on every evaluation
 * ({@code new Double("5.0")}, the most expensive part of a constraint at load), and reads the map through MVEL's
 * interpreter. Here the constant is a primitive parameter, or compared with a primitive, and the map read is plain Java.
 *
 * <p>Imported as functions and called unqualified, like {@link NullSafeText}, so that Drools takes the map, the first
 * name that is not a call, as the property the constraint reads. A function returning the number as a primitive, with
 * NaN for absent, does not work: Drools then held {@code numberIn(...) < 0} true for NaN. A count has no such problem:
 * absent is 0.
 */
public final class NullSafeNumber {

    private NullSafeNumber() {
    }

    public static int countIn(Map<String, Integer> counts, String key) {
        if (counts instanceof WindowCounts windowCounts) {
            return windowCounts.count(key); // the engine's counts: no boxed count to read
        }
        Integer count = counts.get(key);
        return count == null ? 0 : count;
    }

    public static boolean numberEquals(Map<String, Double> numbers, String name, double value) {
        Double number = numbers.get(name);
        return number != null && number == value;
    }

    public static boolean numberAbove(Map<String, Double> numbers, String name, double bound) {
        Double number = numbers.get(name);
        return number != null && number > bound;
    }

    public static boolean numberAtLeast(Map<String, Double> numbers, String name, double bound) {
        Double number = numbers.get(name);
        return number != null && number >= bound;
    }

    public static boolean numberBelow(Map<String, Double> numbers, String name, double bound) {
        Double number = numbers.get(name);
        return number != null && number < bound;
    }

    public static boolean numberAtMost(Map<String, Double> numbers, String name, double bound) {
        Double number = numbers.get(name);
        return number != null && number <= bound;
    }

    public static boolean numberBetween(Map<String, Double> numbers, String name, double low, double high) {
        Double number = numbers.get(name);
        return number != null && number >= low && number <= high;
    }
}
