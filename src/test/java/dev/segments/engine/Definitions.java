package dev.segments.engine;

import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Location;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Short constructors for segment definitions in engine tests. */
final class Definitions {

    private Definitions() {
    }

    static SegmentDefinition segment(String id, Condition match) {
        return new SegmentDefinition(id, id, Optional.empty(), match, new Location("rules/segments/" + id + ".json", 1, 2));
    }

    static Condition all(Condition... children) {
        return new Condition.All(List.of(children));
    }

    static Condition any(Condition... children) {
        return new Condition.Any(List.of(children));
    }

    static Condition not(Condition child) {
        return new Condition.Not(child);
    }

    static Condition memberOf(String id) {
        return new Condition.MemberOf(id, Location.unknown("test"));
    }

    static Condition text(String field, Operator op, String value) {
        Operand operand = op == Operator.MATCHES ? new Operand.Pattern(value) : new Operand.Text(value);
        return new Condition.FieldCondition(field(field), FieldKind.TEXT, op, operand);
    }

    static Condition textList(String field, Operator op, String... values) {
        return new Condition.FieldCondition(field(field), FieldKind.TEXT, op, new Operand.TextList(List.of(values)));
    }

    static Condition tags(Operator op, String... values) {
        Operand operand = values.length == 1 && (op == Operator.CONTAINS || op == Operator.NOT_CONTAINS)
                ? new Operand.Text(values[0]) : new Operand.TextList(List.of(values));
        return new Condition.FieldCondition(field("tags"), FieldKind.TAGS, op, operand);
    }

    static Condition empty(String field, FieldKind kind, boolean empty) {
        return new Condition.FieldCondition(field(field), kind, empty ? Operator.IS_EMPTY : Operator.IS_NOT_EMPTY,
                new Operand.None());
    }

    static Condition number(String field, Operator op, String value) {
        return new Condition.FieldCondition(field(field), FieldKind.NUMBER, op, new Operand.Number(new BigDecimal(value)));
    }

    static Condition bool(String field, Operator op, boolean value) {
        return new Condition.FieldCondition(field(field), FieldKind.BOOLEAN, op, new Operand.Bool(value));
    }

    static Condition relative(String field, Operator op, String duration) {
        return new Condition.FieldCondition(field(field), FieldKind.TIME, op, new Operand.Length(Duration.parse(duration)));
    }

    static Condition activity(EmailEventType type, String within, Operator op, long count) {
        return new Condition.Activity(type, Duration.parse(within), CountComparison.of(op, count), Optional.empty());
    }

    static Field field(String name) {
        if (name.startsWith(Field.Custom.PREFIX)) {
            return new Field.Custom(name.substring(Field.Custom.PREFIX.length()));
        }
        return new Field.Standard(ContactField.find(name).orElseThrow());
    }
}
