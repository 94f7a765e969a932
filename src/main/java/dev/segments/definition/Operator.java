package dev.segments.definition;

import static dev.segments.definition.FieldKind.BOOLEAN;
import static dev.segments.definition.FieldKind.NUMBER;
import static dev.segments.definition.FieldKind.TAGS;
import static dev.segments.definition.FieldKind.TEXT;
import static dev.segments.definition.FieldKind.TIME;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Field operators with their wire names (SPEC 4, "Operators, by the kind of field"). */
public enum Operator {
    EQUALS("equals", TEXT, NUMBER, BOOLEAN),
    NOT_EQUALS("notEquals", TEXT, NUMBER, BOOLEAN),
    CONTAINS("contains", TEXT, TAGS),
    NOT_CONTAINS("notContains", TEXT, TAGS),
    STARTS_WITH("startsWith", TEXT),
    ENDS_WITH("endsWith", TEXT),
    IN("in", TEXT),
    NOT_IN("notIn", TEXT),
    MATCHES("matches", TEXT),
    GT("gt", NUMBER),
    GTE("gte", NUMBER),
    LT("lt", NUMBER),
    LTE("lte", NUMBER),
    BETWEEN("between", NUMBER, TIME),
    BEFORE("before", TIME),
    AFTER("after", TIME),
    WITHIN_LAST("withinLast", TIME),
    NOT_WITHIN_LAST("notWithinLast", TIME),
    MORE_THAN_AGO("moreThanAgo", TIME),
    WITHIN_NEXT("withinNext", TIME),
    CONTAINS_ANY("containsAny", TAGS),
    CONTAINS_ALL("containsAll", TAGS),
    IS_EMPTY("isEmpty", TEXT, NUMBER, BOOLEAN, TIME, TAGS),
    IS_NOT_EMPTY("isNotEmpty", TEXT, NUMBER, BOOLEAN, TIME, TAGS);

    private final String wireName;
    private final Set<FieldKind> kinds;

    Operator(String wireName, FieldKind first, FieldKind... rest) {
        this.wireName = wireName;
        this.kinds = EnumSet.of(first, rest);
    }

    public String wireName() {
        return wireName;
    }

    /** The field kinds this operator applies to. */
    public Set<FieldKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    public boolean appliesTo(FieldKind kind) {
        return kinds.contains(kind);
    }

    /** True for {@code isEmpty} and {@code isNotEmpty}, the only operators without a value. */
    public boolean takesNoValue() {
        return this == IS_EMPTY || this == IS_NOT_EMPTY;
    }

    /**
     * The positive operator this one negates ({@code notEquals} to {@code equals}, {@code isNotEmpty} to
     * {@code isEmpty}, ...), or this operator itself. Each {@code not...} operator is the exact complement of its twin.
     */
    public Operator positiveTwin() {
        return switch (this) {
            case NOT_EQUALS -> EQUALS;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_IN -> IN;
            case NOT_WITHIN_LAST -> WITHIN_LAST;
            case IS_NOT_EMPTY -> IS_EMPTY;
            default -> this;
        };
    }

    public boolean isNegation() {
        return positiveTwin() != this;
    }

    public static Optional<Operator> find(String wireName) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
