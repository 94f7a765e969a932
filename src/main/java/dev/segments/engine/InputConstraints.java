package dev.segments.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.common.BaseNode;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.ObjectTypeNode;

/**
 * The constraints a fact passes on its way from its type's node down to an input of the network. In a session with
 * nothing left to propagate, a fact holds a match made by that input exactly when it passes them all, provided they
 * read nothing but the fact, as the constraints of generated rules do: the contact fact changes only through the
 * engine, which tells Drools whenever something they read changes.
 */
final class InputConstraints {

    private final ObjectTypeNode type;
    private final AlphaNodeFieldConstraint[] constraints;

    private InputConstraints(ObjectTypeNode type, AlphaNodeFieldConstraint[] constraints) {
        this.type = type;
        this.constraints = constraints;
    }

    /** The constraints above the input; empty if anything but constraints lies between it and its type's node. */
    static Optional<InputConstraints> above(LeftInputAdapterNode input) {
        List<AlphaNodeFieldConstraint> constraints = new ArrayList<>();
        BaseNode source = input.getObjectSource();
        while (source instanceof AlphaNode alpha) {
            constraints.add(alpha.getConstraint());
            source = alpha.getParent();
        }
        if (!(source instanceof ObjectTypeNode type)) {
            return Optional.empty();
        }
        Collections.reverse(constraints); // in network order, as Drools evaluates them
        return Optional.of(new InputConstraints(type, constraints.toArray(AlphaNodeFieldConstraint[]::new)));
    }

    ObjectTypeNode type() {
        return type;
    }

    /** False only when the fact fails a constraint: then it holds no match made by the input. */
    boolean mayBePassedBy(InternalFactHandle fact, ReteEvaluator session) {
        try {
            for (AlphaNodeFieldConstraint constraint : constraints) {
                if (!constraint.isAllowed(fact, session)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException cannotTell) {
            return true; // Drools would have failed on it too; its list is walked as before
        }
    }
}
