package dev.segments.engine;

import java.util.Map;

/**
 * The comparisons of a custom number or an activity count with a constant, false when the contact has no such number:
 * {@code numberAtLeast(customNumber, "seats", 5.0)}, {@code numberAbove(activityCountsPart3, "email.clicked within
 * P7D", 1)}. Written as {@code customNumber["seats"] >= 5.0}, Drools 10.2's
 * constraint JIT compares boxed values and builds the constant from its text on every evaluation
 * ({@code new Double("5.0")}, the most expensive part of a constraint at load), and reads the map through MVEL's
 * interpreter. Here the constant is a primitive parameter and the comparison plain Java.
 *
 * <p>Imported as functions and called unqualified, like {@link NullSafeText}, so that Drools takes the map, the first
 * name that is not a call, as the property the constraint reads. A function returning the number as a primitive, with
 * NaN for absent, does not work: Drools then held {@code numberIn(...) < 0} true for NaN.
 */
public final class NullSafeNumber {

    private NullSafeNumber() {
    }

    public static boolean numberEquals(Map<String, ? extends Number> numbers, String name, double value) {
        Number number = numbers.get(name);
        return number != null && number.doubleValue() == value;
    }

    public static boolean numberAbove(Map<String, ? extends Number> numbers, String name, double bound) {
        Number number = numbers.get(name);
        return number != null && number.doubleValue() > bound;
    }

    public static boolean numberAtLeast(Map<String, ? extends Number> numbers, String name, double bound) {
        Number number = numbers.get(name);
        return number != null && number.doubleValue() >= bound;
    }

    public static boolean numberBelow(Map<String, ? extends Number> numbers, String name, double bound) {
        Number number = numbers.get(name);
        return number != null && number.doubleValue() < bound;
    }

    public static boolean numberAtMost(Map<String, ? extends Number> numbers, String name, double bound) {
        Number number = numbers.get(name);
        return number != null && number.doubleValue() <= bound;
    }

    public static boolean numberBetween(Map<String, ? extends Number> numbers, String name, double low, double high) {
        Number number = numbers.get(name);
        return number != null && number.doubleValue() >= low && number.doubleValue() <= high;
    }
}
