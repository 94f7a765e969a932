package dev.segments.engine;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.event.kiebase.AfterRuleRemovedEvent;
import org.kie.api.event.kiebase.BeforeRuleAddedEvent;
import org.kie.api.event.kiebase.BeforeRuleRemovedEvent;
import org.kie.api.event.kiebase.DefaultKieBaseEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * What the engine does while Drools changes the rules of its running session, rule by rule as Drools announces them:
 * the facts a rule reads get lists that survive the change ({@link MatchLists}), once per change and type, and a rule
 * going lets Drools skip the facts holding no match of it ({@link RemovalShortcut}), whose walk repairs the lists it
 * reads on the way.
 *
 * <p>Only the facts of the types a changed rule reads are ever walked by Drools for that rule, so only theirs need new
 * lists: a segment edit prepares the contacts and not, say, the million membership facts of 500 segments. Only
 * generated rules change in place (a hand-written change starts the session afresh), so a rule reading facts through
 * accumulate, from or collect is refused: the engine then starts the session afresh.
 */
final class RuleChanges extends DefaultKieBaseEventListener {

    private record FactType(String entryPoint, Class<?> type) {
    }

    private static final FactType CONTACTS = new FactType(EntryPointId.DEFAULT.getEntryPointId(), Contact.class);

    private final InternalWorkingMemory session;
    private final RemovalShortcut removals;
    private final Optional<ContactStore> contacts;
    private final Set<FactType> prepared = new HashSet<>();
    private boolean allPrepared;

    RuleChanges(InternalWorkingMemory session, InternalRuleBase base, MatchedContacts matched,
            Optional<ContactStore> contacts) {
        this.session = session;
        this.contacts = contacts;
        this.removals = new RemovalShortcut(session, base, matched, contacts);
    }

    /**
     * Before Drools changes any rule: runs what is queued, as Drools would, and forgets the last change's lists.
     *
     * @param factsAsRulesSawThem whether the rules' constraints, evaluated now, tell which facts Drools' network
     *     matched ({@link RemovalShortcut#trust})
     * @param everyMatchFired whether nothing was written since the rules last fired ({@link RemovalShortcut#trust})
     */
    void begin(boolean factsAsRulesSawThem, boolean everyMatchFired) {
        // Updates still queued (a window edit updates every contact first) would give their facts plain lists again
        // when Drools runs them at the start of the change.
        session.flushPropagations();
        prepared.clear();
        allPrepared = false;
        removals.trust(factsAsRulesSawThem, everyMatchFired);
        // Drools also removes rules without announcing them: merging a changed package into the KieBase removes its
        // changed rules first, silently, through the same walks. The contacts' lists, which every generated rule
        // reads, are prepared before anything changes.
        if (contacts.isPresent()) {
            MatchLists.prepare(contacts.get().writtenContacts());
            contacts.get().listsPrepared();
            prepared.add(CONTACTS);
        } else {
            MatchLists.prepare((KieSession) session);
            allPrepared = true;
        }
    }

    /**
     * After the change, or when it failed: no removal may skip a list any longer, and a rule changed outside
     * {@link #begin} (none is) would have its facts prepared afresh.
     */
    void end() {
        removals.close();
        removals.trust(false, false);
        prepared.clear();
        allPrepared = false;
    }

    RemovalShortcut removals() {
        return removals;
    }

    @Override
    public void beforeRuleAdded(BeforeRuleAddedEvent event) {
        prepareFactsRead((RuleImpl) event.getRule());
    }

    @Override
    public void beforeRuleRemoved(BeforeRuleRemovedEvent event) {
        RuleImpl rule = (RuleImpl) event.getRule();
        // The marking reads, and repairs, the lists of the types Drools walks to remove the rule: one walk for both.
        for (ObjectTypeNode type : removals.ruleGoing(rule)) {
            if (type.getObjectType() instanceof ClassObjectType objectType) {
                FactType marked = new FactType(type.getEntryPoint().getEntryPointId(), objectType.getClassType());
                prepared.add(marked);
                if (marked.equals(CONTACTS)) {
                    contacts.ifPresent(ContactStore::listsPrepared);
                }
            }
        }
        prepareFactsRead(rule);
    }

    @Override
    public void afterRuleRemoved(AfterRuleRemovedEvent event) {
        removals.close();
    }

    private void prepareFactsRead(RuleImpl rule) {
        if (allPrepared) {
            return;
        }
        Set<FactType> types = new HashSet<>();
        if (!collectTypes(rule.getLhs(), types)) {
            // Only generated rules (patterns, joins, not) change in place; any other change starts afresh.
            throw new IllegalStateException("rule \"" + rule.getName() + "\" reads facts through accumulate, from or "
                    + "collect, which a rule changed in a running session may not");
        }
        for (FactType type : types) {
            if (type.equals(CONTACTS) && contacts.isPresent() && prepared.add(type)) {
                // Only the contacts written since the last preparation can have plain lists.
                MatchLists.prepare(contacts.get().writtenContacts());
                contacts.get().listsPrepared();
            } else if (prepared.add(type)) {
                EntryPoint entryPoint = session.getEntryPoint(type.entryPoint());
                if (entryPoint != null) {
                    MatchLists.prepare(((InternalWorkingMemoryEntryPoint) entryPoint).getObjectStore()
                            .getStoreForClass(type.type()).iterator());
                }
            }
        }
    }

    /** Adds the types the condition's patterns read; false if it has an element whose facts this cannot tell. */
    private static boolean collectTypes(RuleConditionElement element, Set<FactType> types) {
        if (element instanceof GroupElement group) {
            for (RuleConditionElement child : group.getChildren()) {
                if (!collectTypes(child, types)) {
                    return false;
                }
            }
            return true;
        }
        if (element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type) {
            if (pattern.getSource() == null) {
                types.add(new FactType(EntryPointId.DEFAULT.getEntryPointId(), type.getClassType()));
                return true;
            }
            if (pattern.getSource() instanceof EntryPointId entryPoint) {
                types.add(new FactType(entryPoint.getEntryPointId(), type.getClassType()));
                return true;
            }
            return false;
        }
        return element instanceof EvalCondition;
    }
}
