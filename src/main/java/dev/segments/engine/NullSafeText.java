package dev.segments.engine;

/**
 * The {@code contains}, {@code startsWith} and {@code endsWith} operators on a text that may be absent (false then).
 * Called from generated constraints instead of {@code (p != null && p.contains("x"))}: Drools 10.2 compiles a
 * constraint to bytecode after its first 20 evaluations, from the types MVEL saw during them, and leaves a method call
 * that a null guard skipped in all of them to MVEL's interpreter for good. A field that is mostly empty, such as a
 * company name, kept its text constraints interpreted; a static call is always evaluated, so it is always compiled.
 *
 * <p>Generated DRL imports these as functions ({@code import function ...NullSafeText.textContains}) and calls them
 * unqualified, {@code textContains(email, "x")}: Drools takes the first name in a constraint that is not a call to be
 * the property it reads, so {@code NullSafeText.contains(email, "x")} made the rule re-evaluate on every change of the
 * contact, whatever changed.
 */
public final class NullSafeText {

    private NullSafeText() {
    }

    public static boolean textContains(String value, String part) {
        return value != null && value.contains(part);
    }

    public static boolean textStartsWith(String value, String prefix) {
        return value != null && value.startsWith(prefix);
    }

    public static boolean textEndsWith(String value, String suffix) {
        return value != null && value.endsWith(suffix);
    }
}
