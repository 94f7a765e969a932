package dev.segments.engine;

import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;

/**
 * Which rules Drools can add to and remove from a session that holds facts. Its walks over the facts when a rule comes
 * or goes are right, with the engine's repairs ({@link MatchLists}), for the conditions generated rules use: a first
 * pattern on any fact, further patterns joined to it that are not on {@code Contact}, and {@code not} over one such,
 * which the random edits of {@code RuleEditsMatchAFreshEngineTest} check against an engine started afresh. Beyond those
 * they are not: below an {@code exists} shared by two rules, Drools 10.2 reads the facts' matches with the iterator of
 * the other memory, which stops after the first bucket of an indexed one, so replacing one of the rules left the other
 * contacts' memberships of the old rule behind; and rules with {@code Contact} as a join's right input lost matches
 * over a few edits. A change of a file holding any other kind of condition ({@code exists}, {@code or}, {@code forall},
 * {@code eval}, {@code from}, {@code accumulate}, {@code collect}, a {@code not} over several patterns, a pattern on
 * contacts after the first or under {@code not}) goes into a session started afresh ({@code SegmentEngine}), as does
 * any change Drools fails at.
 */
final class InPlaceRuleChanges {

    private InPlaceRuleChanges() {
    }

    /** Whether Drools can add or remove the rule while the session holds facts. */
    static boolean supports(RuleImpl rule) {
        return supported(rule.getLhs());
    }

    /** A pattern contacts can match: after the first, or under {@code not}, they come in as a right input. */
    private static boolean readsContacts(RuleConditionElement element) {
        return element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type
                && type.getClassType().isAssignableFrom(Contact.class);
    }

    private static boolean supported(RuleConditionElement element) {
        if (element instanceof Pattern pattern) {
            return pattern.getSource() == null || pattern.getSource() instanceof EntryPointId;
        }
        if (element instanceof GroupElement group && group.isAnd()) {
            List<RuleConditionElement> children = group.getChildren();
            for (int i = 0; i < children.size(); i++) {
                if (!supported(children.get(i)) || i > 0 && readsContacts(children.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (element instanceof GroupElement group && group.isNot()) {
            return group.getChildren().size() == 1 && group.getChildren().get(0) instanceof Pattern pattern
                    && supported(pattern) && !readsContacts(pattern);
        }
        return false;
    }
}
