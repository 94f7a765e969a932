package dev.segments.definition;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A node of a segment's condition tree (SPEC 4). Immutable; nesting is unlimited. */
public sealed interface Condition {

    /** This node and every node under it, depth first, in the order written. */
    default Stream<Condition> nodes() {
        Stream<Condition> below = Stream.empty();
        if (this instanceof All all) {
            below = all.children().stream().flatMap(Condition::nodes);
        } else if (this instanceof Any any) {
            below = any.children().stream().flatMap(Condition::nodes);
        } else if (this instanceof Not not) {
            below = not.child().nodes();
        }
        return Stream.concat(Stream.of(this), below);
    }

    /** Every child holds; true when empty. */
    record All(List<Condition> children) implements Condition {
        public All {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds; false when empty. */
    record Any(List<Condition> children) implements Condition {
        public Any {
            children = List.copyOf(children);
        }
    }

    record Not(Condition child) implements Condition {
    }

    /** {@code {"field": F, "op": OP, "value": V}}; {@code kind} is the field's kind (for custom fields, inferred). */
    record FieldCondition(Field field, FieldKind kind, Operator op, Operand value) implements Condition {
    }

    /** The contact is a member of that segment now; {@code at} is where the reference was written. */
    record MemberOf(String segmentId, Location at) implements Condition {
    }

    /** The count of the contact's events of {@code type} (and campaign, if given) with {@code now - within < at <= now}. */
    record Activity(EmailEventType type, Duration within, CountComparison count, Optional<String> campaignId)
            implements Condition {
    }
}
