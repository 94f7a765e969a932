package dev.segments.definition;

/**
 * How an {@code activity} condition compares its event count: {@code equals}, {@code notEquals}, {@code gt},
 * {@code gte}, {@code lt}, {@code lte} against {@code low}, or {@code between [low, high]} (inclusive).
 */
public record CountComparison(Operator op, long low, long high) {

    public static final CountComparison AT_LEAST_ONE = new CountComparison(Operator.GTE, 1, 1);

    public CountComparison {
        switch (op) {
            case EQUALS, NOT_EQUALS, GT, GTE, LT, LTE -> {
                if (high != low) {
                    throw new IllegalArgumentException(op + " takes one value");
                }
            }
            case BETWEEN -> {
                if (high < low) {
                    throw new IllegalArgumentException("between needs low <= high");
                }
            }
            default -> throw new IllegalArgumentException("not a count operator: " + op);
        }
    }

    public static CountComparison of(Operator op, long value) {
        return new CountComparison(op, value, value);
    }

    public boolean test(long count) {
        return switch (op) {
            case EQUALS -> count == low;
            case NOT_EQUALS -> count != low;
            case GT -> count > low;
            case GTE -> count >= low;
            case LT -> count < low;
            case LTE -> count <= low;
            case BETWEEN -> low <= count && count <= high;
            default -> throw new IllegalStateException(op.toString());
        };
    }
}
