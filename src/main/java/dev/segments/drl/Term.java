package dev.segments.drl;

import java.util.List;

/**
 * A segment condition in negation normal form, on the way to DRL: constraints on the contact fact, memberships
 * (possibly negated) and AND/OR over them. {@code And([])} is true and {@code Or([])} is false.
 */
sealed interface Term {

    /** A boolean constraint expression on the {@code Contact} fact. */
    record Constraint(String expression) implements Term {
    }

    /** The contact is (or, negated, is not) a member of a segment. */
    record Membership(String segmentId, boolean negated) implements Term {
    }

    record And(List<Term> terms) implements Term {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<Term> terms) implements Term {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    Term TRUE = new And(List.of());
    Term FALSE = new Or(List.of());

    /** Whether the term is only contact constraints, so that it can be written as one expression. */
    default boolean isPure() {
        if (this instanceof Membership) {
            return false;
        }
        if (this instanceof And and) {
            return and.terms().stream().allMatch(Term::isPure);
        }
        if (this instanceof Or or) {
            return or.terms().stream().allMatch(Term::isPure);
        }
        return true;
    }
}
