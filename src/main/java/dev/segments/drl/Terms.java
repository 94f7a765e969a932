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

    /** {@code !(expression)}, without doubling the parentheses of an expression that is one group already. */
    static String negate(String expression) {
        return isOneGroup(expression) ? "!" + expression : "!(" + expression + ")";
    }

    /** Whether the expression is {@code ( ... )} with the first parenthesis closing at the very end. */
    private static boolean isOneGroup(String expression) {
        if (!expression.startsWith("(")) {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == expression.length() - 1;
            }
        }
        return false;
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
