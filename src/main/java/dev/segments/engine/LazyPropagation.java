package dev.segments.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Propagation;

/**
 * Gives every rule the metadata of {@code @Propagation(LAZY)}, Drools' default propagation, unless it names one, as the
 * module is compiled whole (every session starts from such a module). A rule that names none and has one pattern with
 * alpha constraints alone is otherwise built as an {@code AlphaTerminalNode}, which queues the rule on the agenda at
 * every update of the fact, whatever changed (the reason generated rules name the propagation in their text,
 * {@code DrlGenerator}), and which Drools 10.2 gets wrong when a rule is added next to it in a running session.
 * Hand-written rules, whose text is the author's, get it here.
 */
final class LazyPropagation {

    private static final String KEY = Propagation.class.getSimpleName();

    private LazyPropagation() {
    }

    static void markUnlessNamed(RuleImpl rule) {
        if (rule.getMetaData(KEY) == null && rule.getMetaData(Propagation.class.getName()) == null) {
            rule.addMetaAttribute(KEY, Propagation.Type.LAZY.name());
        }
    }
}
