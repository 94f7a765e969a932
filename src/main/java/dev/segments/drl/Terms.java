package dev.segments.drl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Simplification and printing of {@link Term}s. */
final class Terms {

    private Terms() {
    }

    /** Flattens nested AND/OR, drops neutral elements, and folds absorbing ones (an AND with a false child is false). */
    static Term simplify(Term term) {
        if (term instanceof Term.And and) {
            List<Term> kept = new ArrayList<>();
            for (Term child : and.terms()) {
                Term s = simplify(child);
                if (s.equals(Term.FALSE)) {
                    return Term.FALSE;
                }
                if (s instanceof Term.And inner) {
                    kept.addAll(inner.terms());
                } else {
                    kept.add(s);
                }
            }
            return kept.size() == 1 ? kept.get(0) : new Term.And(kept);
        }
        if (term instanceof Term.Or or) {
            List<Term> kept = new ArrayList<>();
            for (Term child : or.terms()) {
                Term s = simplify(child);
                if (s.equals(Term.TRUE)) {
                    return Term.TRUE;
                }
                if (s instanceof Term.Or inner) {
                    kept.addAll(inner.terms());
                } else {
                    kept.add(s);
                }
            }
            return kept.size() == 1 ? kept.get(0) : new Term.Or(kept);
        }
        return term;
    }

    /** A pure term as one constraint expression. */
    static String expression(Term term) {
        if (term instanceof Term.Constraint c) {
            return c.expression();
        }
        if (term instanceof Term.And and) {
            return "(" + and.terms().stream().map(Terms::expression).collect(Collectors.joining(" && ")) + ")";
        }
        if (term instanceof Term.Or or) {
            return "(" + or.terms().stream().map(Terms::expression).collect(Collectors.joining(" || ")) + ")";
        }
        throw new IllegalArgumentException("not a pure term: " + term);
    }
}
