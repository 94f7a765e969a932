package dev.segments.definition;

/** The kinds of value a segment condition can compare; each operator belongs to one or more kinds (SPEC 4). */
public enum FieldKind {
    TEXT, NUMBER, BOOLEAN, TIME, TAGS;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
