package dev.segments.definition;

/** The field a condition reads: a standard contact field or a custom field ({@code custom.<name>}). */
public sealed interface Field {

    /** The name as written in a segment file: {@code state}, {@code custom.plan}. */
    String wireName();

    record Standard(ContactField field) implements Field {
        @Override
        public String wireName() {
            return field.wireName();
        }
    }

    record Custom(String name) implements Field {
        public static final String PREFIX = "custom.";

        @Override
        public String wireName() {
            return PREFIX + name;
        }
    }
}
