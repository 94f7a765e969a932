package dev.segments.bench.sql;

import java.util.Locale;

/** A text value as stored and compared: trimmed ({@link String#strip()}, case kept) and lower case; never blank. */
record StoredText(String trimmed, String lower) {

    /** Null when the value is absent or blank (the spec's "empty"). */
    static StoredText of(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : new StoredText(trimmed, lower(trimmed));
    }

    /** A condition value for {@code equals}, {@code in} and the tags operators: trimmed, then lower case. */
    static String conditionValue(String written) {
        return lower(written.strip());
    }

    /** {@code Locale.ROOT} lower case, as SPEC 4 says; done in Java so no database collation gets a say. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
