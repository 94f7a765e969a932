package dev.segments.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Propagation;

/**
 * Gives every rule the metadata of {@code @Propagation(LAZY)}, Drools' default propagation, unless it names one: a rule
 * that names none and has one pattern with alpha constraints alone is otherwise built as an {@code AlphaTerminalNode},
 * which Drools 10.2 gets wrong when rules change in a running session. A rule added next to such a node's rules gets
 * its matches as peers of theirs, which deleting or updating the fact never reaches (each rule's match there is
 * linked to the fact on its own), so the new rule's matches, and what they inserted logically, outlived their facts
 * ({@code RuleEditsMatchAFreshEngineTest}). Generated rules name the propagation in their text for a further reason
 * ({@code DrlGenerator}); hand-written ones, whose text is the author's, get it here, before Drools builds them.
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
