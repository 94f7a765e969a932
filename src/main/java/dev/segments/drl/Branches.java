package dev.segments.drl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a term into rule branches. Contact constraints, however nested, stay inside one pattern as
 * {@code &&}/{@code ||} expressions; only an OR that involves a membership must become separate rules, since a
 * membership is a pattern of its own. Truth maintenance makes several rules justifying one membership exact.
 */
final class Branches {

    private Branches() {
    }

    /** The branches of a whole segment: one per child of a top-level OR (HighLevel's OR filter groups). */
    static List<Branch> of(Term term) {
        Term simple = Terms.simplify(term);
        if (simple instanceof Term.Or or) {
            List<Branch> all = new ArrayList<>();
            for (Term child : or.terms()) {
                all.addAll(expand(child));
            }
            return all;
        }
        return expand(simple);
    }

    private static List<Branch> expand(Term term) {
        if (term instanceof Term.Constraint c) {
            return List.of(new Branch(List.of(c.expression()), List.of()));
        }
        if (term instanceof Term.Membership m) {
            return List.of(new Branch(List.of(), List.of(m)));
        }
        if (term instanceof Term.And and) {
            List<Branch> product = List.of(Branch.EVERYONE);
            for (Term child : and.terms()) {
                List<Branch> next = new ArrayList<>();
                for (Branch left : product) {
                    for (Branch right : expand(child)) {
                        next.add(left.and(right));
                    }
                }
                product = next;
            }
            return product;
        }
        Term.Or or = (Term.Or) term;
        if (or.isPure()) {
            return List.of(new Branch(List.of(Terms.expression(or)), List.of()));
        }
        List<Term> pure = new ArrayList<>();
        List<Branch> branches = new ArrayList<>();
        for (Term child : or.terms()) {
            if (child.isPure()) {
                pure.add(child);
            } else {
                branches.addAll(expand(child));
            }
        }
        if (!pure.isEmpty()) {
            Term anyPure = pure.size() == 1 ? pure.get(0) : new Term.Or(pure);
            branches.add(0, new Branch(List.of(Terms.expression(anyPure)), List.of()));
        }
        return branches;
    }
}
