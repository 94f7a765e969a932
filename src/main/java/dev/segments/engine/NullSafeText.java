package dev.segments.engine;

/**
 * The {@code contains}, {@code startsWith} and {@code endsWith} operators on a text that may be absent (false then).
 * Called from generated constraints instead of {@code (p != null && p.contains("x"))}: Drools 10.2 compiles a
 * constraint to bytecode after its first 20 evaluations, from the types MVEL saw during them, and leaves a method call
 * that a null guard skipped in all of them to MVEL's interpreter for good. A field that is mostly empty, such as a
 * company name, kept its text constraints interpreted; a static call is always evaluated, so it is always compiled.
 */
public final class NullSafeText {

    private NullSafeText() {
    }

    public static boolean contains(String value, String part) {
        return value != null && value.contains(part);
    }

    public static boolean startsWith(String value, String prefix) {
        return value != null && value.startsWith(prefix);
    }

    public static boolean endsWith(String value, String suffix) {
        return value != null && value.endsWith(suffix);
    }
}
