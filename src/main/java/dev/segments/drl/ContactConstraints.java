package dev.segments.drl;

import static dev.segments.drl.DrlText.quote;

import dev.segments.definition.Condition.Activity;
import dev.segments.definition.Condition.FieldCondition;
import dev.segments.definition.CountComparison;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.TimePoint;
import dev.segments.time.ActivityWindow;
import dev.segments.time.RelativeWindow;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders field and activity conditions as constraints on the {@code Contact} fact. Values are normalised here,
 * once, the way the fact normalises the contact (trim where SPEC 4 says so, lower case), so that each constraint
 * is a plain comparison. Every {@code not...} operator is written as the negation of its positive twin, and a
 * comparison with an absent value is false, so the complements hold for absent values as SPEC 4 requires.
 */
final class ContactConstraints {

    private final ZoneId zone;
    private final Set<RelativeWindow> relativeWindows;
    private final Set<ActivityWindow> activityWindows;
    private final Set<String> tagsRead;

    ContactConstraints(ZoneId zone, Set<RelativeWindow> relativeWindows, Set<ActivityWindow> activityWindows,
            Set<String> tagsRead) {
        this.zone = zone;
        this.relativeWindows = relativeWindows;
        this.activityWindows = activityWindows;
        this.tagsRead = tagsRead;
    }

    /** A constraint that holds exactly when the condition does (or, negated, does not). */
    Term.Constraint field(FieldCondition condition, boolean negated) {
        Operator op = condition.op();
        boolean inverted = op.isNegation() != negated;
        String expression = positiveExpression(condition, op.positiveTwin());
        return new Term.Constraint(inverted ? Terms.negate(expression) : expression);
    }

    Term.Constraint activity(Activity condition, boolean negated) {
        ActivityWindow window = new ActivityWindow(condition.type(), condition.within(), condition.campaignId());
        activityWindows.add(window);
        // countIn reads a missing entry (no such events) as 0, so every comparison holds or fails as the count says
        String count = "countIn(" + PropertyParts.activityCounts(window.key()) + ", " + quote(window.key()) + ")";
        String expression = comparison(count, condition.count());
        return new Term.Constraint(negated ? Terms.negate(expression) : expression);
    }

    private String positiveExpression(FieldCondition c, Operator op) {
        return switch (c.kind()) {
            case TEXT -> text(c.field(), op, c.value());
            case NUMBER -> number(c.field(), op, c.value());
            case BOOLEAN -> bool(c.field(), op, c.value());
            case TIME -> time(c.field(), op, c.value());
            case TAGS -> tags(op, c.value());
        };
    }

    private String text(Field field, Operator op, Operand value) {
        String p = property(field, FieldKind.TEXT);
        return switch (op) {
            case EQUALS -> p + " == " + quote(trimmedLower(((Operand.Text) value).value()));
            // Static functions rather than Drools' contains and str[...] operators, which are evaluator wrappers that
            // Drools 10.2's constraint JIT mis-compiles inside compound expressions (NullSafeText says why not a
            // method call behind a null guard, and why unqualified).
            case CONTAINS -> textFunction(p, "textContains", ((Operand.Text) value).value());
            case STARTS_WITH -> textFunction(p, "textStartsWith", ((Operand.Text) value).value());
            case ENDS_WITH -> textFunction(p, "textEndsWith", ((Operand.Text) value).value());
            case IN -> p + " in (" + ((Operand.TextList) value).values().stream()
                    .map(v -> quote(trimmedLower(v))).collect(Collectors.joining(", ")) + ")";
            case MATCHES -> "patternFound(originalText[" + quote(field.wireName()) + "], "
                    + quote(((Operand.Pattern) value).regex()) + ")";
            case IS_EMPTY -> isEmpty(field, p);
            default -> throw unsupported(op, FieldKind.TEXT);
        };
    }

    /** Through {@code NullSafeNumber}'s functions, not {@code customNumber["x"] >= 5.0}: that class says why. */
    private String number(Field field, Operator op, Operand value) {
        if (op == Operator.IS_EMPTY) {
            return isEmpty(field, property(field, FieldKind.NUMBER));
        }
        if (!(field instanceof Field.Custom custom)) {
            throw new IllegalArgumentException("only custom fields hold numbers, not " + field);
        }
        String read = "customNumber, " + quote(custom.name());
        return switch (op) {
            case EQUALS -> call("numberEquals", read, number(((Operand.Number) value).value()));
            case GT -> call("numberAbove", read, number(((Operand.Number) value).value()));
            case GTE -> call("numberAtLeast", read, number(((Operand.Number) value).value()));
            case LT -> call("numberBelow", read, number(((Operand.Number) value).value()));
            case LTE -> call("numberAtMost", read, number(((Operand.Number) value).value()));
            case BETWEEN -> {
                Operand.NumberRange range = (Operand.NumberRange) value;
                yield call("numberBetween", read, number(range.low()) + ", " + number(range.high()));
            }
            default -> throw unsupported(op, FieldKind.NUMBER);
        };
    }

    private String bool(Field field, Operator op, Operand value) {
        String p = property(field, FieldKind.BOOLEAN);
        return switch (op) {
            case EQUALS -> p + " == " + ((Operand.Bool) value).value();
            case IS_EMPTY -> isEmpty(field, p);
            default -> throw unsupported(op, FieldKind.BOOLEAN);
        };
    }

    private String time(Field field, Operator op, Operand value) {
        String p = property(field, FieldKind.TIME);
        return switch (op) {
            case BEFORE -> p + " < " + instant(((Operand.Time) value).point());
            case AFTER -> p + " > " + instant(((Operand.Time) value).point());
            case BETWEEN -> {
                Operand.TimeRange range = (Operand.TimeRange) value;
                yield "(" + p + " >= " + instant(range.low()) + " && " + p + " <= " + instant(range.high()) + ")";
            }
            case WITHIN_LAST, MORE_THAN_AGO, WITHIN_NEXT -> {
                RelativeWindow window = new RelativeWindow(field, op, ((Operand.Length) value).duration());
                relativeWindows.add(window);
                yield PropertyParts.timeFlags(window.key()) + ".contains(" + quote(window.key()) + ")";
            }
            case IS_EMPTY -> isEmpty(field, p);
            default -> throw unsupported(op, FieldKind.TIME);
        };
    }

    private String tags(Operator op, Operand value) {
        return switch (op) {
            case CONTAINS -> tagContains(((Operand.Text) value).value());
            case CONTAINS_ANY -> joinTags(((Operand.TextList) value).values(), " || ");
            case CONTAINS_ALL -> joinTags(((Operand.TextList) value).values(), " && ");
            case IS_EMPTY -> "tagsEmpty";
            default -> throw unsupported(op, FieldKind.TAGS);
        };
    }

    private String joinTags(List<String> tags, String operator) {
        String joined = tags.stream().map(this::tagContains).collect(Collectors.joining(operator));
        return tags.size() == 1 ? joined : "(" + joined + ")";
    }

    private static String textFunction(String property, String function, String value) {
        return function + "(" + property + ", " + quote(lower(value)) + ")";
    }

    private String tagContains(String tag) {
        String normal = trimmedLower(tag);
        tagsRead.add(normal);
        return PropertyParts.tags(normal) + ".contains(" + quote(normal) + ")";
    }

    /** A custom field is empty when it has no value of any kind (blank text is stored as no value). */
    private static String isEmpty(Field field, String property) {
        if (field instanceof Field.Custom custom) {
            String name = quote(custom.name());
            return "(customText[" + name + "] == null && customNumber[" + name + "] == null && customBoolean["
                    + name + "] == null)";
        }
        return property + " == null";
    }

    private static String property(Field field, FieldKind kind) {
        if (field instanceof Field.Standard standard) {
            return standard.field().wireName();
        }
        String name = quote(((Field.Custom) field).name());
        return switch (kind) {
            case TEXT -> "customText[" + name + "]";
            case NUMBER -> "customNumber[" + name + "]";
            case BOOLEAN -> "customBoolean[" + name + "]";
            case TIME -> "customTime[" + name + "]";
            case TAGS -> throw new IllegalArgumentException("custom fields are never tags");
        };
    }

    private static String comparison(String count, CountComparison c) {
        return switch (c.op()) {
            case EQUALS -> count + " == " + c.low();
            case NOT_EQUALS -> count + " != " + c.low();
            case GT -> count + " > " + c.low();
            case GTE -> count + " >= " + c.low();
            case LT -> count + " < " + c.low();
            case LTE -> count + " <= " + c.low();
            case BETWEEN -> "(" + count + " >= " + c.low() + " && " + count + " <= " + c.high() + ")";
            default -> throw new IllegalArgumentException("not a count operator: " + c.op());
        };
    }

    private static String call(String function, String read, Object bounds) {
        return function + "(" + read + ", " + bounds + ")";
    }

    private static String number(BigDecimal value) {
        return Double.toString(value.doubleValue());
    }

    private String instant(TimePoint point) {
        return point.resolve(zone).toEpochMilli() + "L /* " + point + " */";
    }

    private static String trimmedLower(String value) {
        return lower(value.strip());
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException unsupported(Operator op, FieldKind kind) {
        return new IllegalArgumentException("operator " + op + " does not apply to " + kind.wireName() + " fields");
    }
}
