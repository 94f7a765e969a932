package dev.segments.drl;

import java.util.ArrayList;
import java.util.List;

/** One rule's left-hand side: constraints on the contact (each its own, so Drools can share them) and memberships. */
record Branch(List<String> constraints, List<Term.Membership> memberships) {

    static final Branch EVERYONE = new Branch(List.of(), List.of());

    Branch {
        constraints = List.copyOf(constraints);
        memberships = List.copyOf(memberships);
    }

    Branch and(Branch other) {
        List<String> c = new ArrayList<>(constraints);
        c.addAll(other.constraints);
        List<Term.Membership> m = new ArrayList<>(memberships);
        m.addAll(other.memberships);
        return new Branch(c, m);
    }
}
