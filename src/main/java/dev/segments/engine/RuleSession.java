package dev.segments.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import dev.segments.workflow.ContactEditor;
import dev.segments.workflow.SegmentChange;
import dev.segments.workflow.WorkflowEvent;
import dev.segments.workflow.WorkflowRunner;
import java.util.concurrent.TimeUnit;
import org.drools.base.rule.EntryPointId;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.kie.internal.event.rule.RuleEventManager;

/**
 * The one stateful KIE session, behind the few operations the engine needs. It records every insertion and
 * retraction of a {@link SegmentMembership} and every flip of a membership kept from rule matches
 * ({@link MatchedMemberships}), and hands out the net changes, so a membership that leaves and comes back within one
 * step is no change at all. Not thread-safe: the engine calls it from its single writer.
 */
final class RuleSession implements AutoCloseable {

    private final RuleCompiler compiler;
    private final KieContainer container;
    private final KieSession session;
    private Map<SegmentMembership, Integer> pending = new LinkedHashMap<>();
    private final RuleFirings firings = new RuleFirings();
    private final WorkflowRunner workflows;
    private final MatchedMemberships matched;
    private final RuleChanges changes;
    private final Optional<ContactStore> contactStore;
    private CompiledRules rules;
    private final ContactWalk walk;
    private final Optional<ReleaseId> ownModule;
    private boolean retired;
    private ContactUpdates contactUpdates;
    private long clockMillis;
    private boolean workflowsAttached;
    /** Whether nothing was written or changed since the rules last fired to the end: every match has fired. */
    private boolean everyMatchFired = true;

    /**
     * Starts a session on the rules. Rules compiled as a change ({@link ChangedFilesBuild}) only serve to update a
     * running container: a session starting from them starts from the same files compiled whole, a module the session
     * owns and discards when it ends.
     */
    RuleSession(RuleCompiler compiler, CompiledRules rules, Instant start, WorkflowRunner workflows,
            ContactOrdinals ordinals, ContactWalk walk) {
        this.compiler = compiler;
        this.rules = rules;
        this.workflows = workflows;
        this.ownModule = rules.module().whole() ? Optional.empty()
                : Optional.of(compiler.wholeModuleOf(rules).releaseId());
        this.container = compiler.kie().newKieContainer(ownModule.orElse(rules.releaseId()));
        KieBase base = container.getKieBase();
        KieSessionConfiguration configuration = compiler.kie().newKieSessionConfiguration();
        configuration.setOption(ClockTypeOption.PSEUDO);
        WorkflowRunner.configure(configuration);
        this.session = base.newKieSession(configuration, null);
        this.contactStore = ContactStore.installIn(session);
        this.matched = new MatchedMemberships(ordinals);
        this.changes = new RuleChanges((InternalWorkingMemory) session, (InternalRuleBase) base,
                matched::contactsMatching, contactStore);
        this.walk = walk;
        this.contactUpdates = ContactUpdates.of((InternalRuleBase) base, walk);
        base.addEventListener(changes);
        this.clockMillis = 0;
        advanceClockTo(start);
        ((RuleEventManager) session).addEventListener(new MatchEvents(matched, firings));
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof SegmentMembership m) {
                    pending.merge(m, 1, Integer::sum);
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                // Drools gives an updated fact a plain list of matches (MatchLists), whoever updated it.
                if (event.getObject() instanceof Contact contact && contactStore.isPresent()) {
                    contactStore.get().written(contact.ordinal());
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getOldObject() instanceof SegmentMembership m) {
                    pending.merge(m, -1, Integer::sum);
                }
            }
        });
    }

    /** How often each rule has fired, by rule name: what a change actually re-evaluated. */
    Map<String, Long> firings() {
        return firings.byName();
    }

    CompiledRules rules() {
        return rules;
    }

    /** What the removals of the last rule change marked and skipped. */
    RemovalShortcut removals() {
        return changes.removals();
    }

    FactHandle insert(Contact contact) {
        everyMatchFired = false;
        return session.insert(contact);
    }

    /**
     * Changes the contact's fact in place to the values of {@code next} and tells the rules that read them that these
     * properties changed.
     */
    void change(FactHandle handle, Contact fact, Contact next, String... changedProperties) {
        if (changedProperties.length > 0) {
            everyMatchFired = false;
        }
        contactUpdates.change((InternalWorkingMemory) session, handle, fact, next, changedProperties);
    }

    /**
     * Gives every contact's fact a list of matches that survives rules changing ({@link MatchLists}), as the first
     * rule change would: after a load, so that the rule author's first edit does not pay for a million of them. The
     * lists are made in the order rule changes walk them, which keeps those walks quick: by ordinal where the
     * session's store hands Drools' walks the contacts in that order ({@link ContactStore}), else in the store's.
     */
    void prepareContactLists() {
        if (contactStore.isPresent()) {
            MatchLists.prepare(contactStore.get().everyContact());
            contactStore.get().listsPrepared();
            return;
        }
        InternalWorkingMemoryEntryPoint contacts = (InternalWorkingMemoryEntryPoint) session.getEntryPoint(
                EntryPointId.DEFAULT.getEntryPointId());
        MatchLists.prepare(contacts.getObjectStore().getStoreForClass(Contact.class).iterator());
    }

    void delete(FactHandle handle) {
        everyMatchFired = false;
        session.delete(handle);
    }

    /** Keeps the session's pseudo clock on the engine's clock, for hand-written rules that use timers. */
    void advanceClockTo(Instant instant) {
        long target = instant.toEpochMilli();
        if (target > clockMillis) {
            ((SessionPseudoClock) session.getSessionClock()).advanceTime(target - clockMillis, TimeUnit.MILLISECONDS);
            clockMillis = target;
        }
    }

    /**
     * Swaps in new rules in place: unchanged rules keep their state, removed ones retract what they justified. The
     * previous module stays available (to go back to) until the caller discards it.
     *
     * @param factsAsRulesSawThem whether every fact was last updated naming every property that changed, so that the
     *     rules' constraints tell what the network holds; false after time state moved for new windows without
     *     telling the rules of the old ones
     */
    void replaceRules(CompiledRules next, boolean factsAsRulesSawThem) {
        // A rule that halted the session leaves matches on the agenda although firing returned.
        boolean nothingToFire = ((InternalWorkingMemory) session).getActivationsManager().getAgendaGroupsManager()
                .agendaSize() == 0;
        changes.begin(factsAsRulesSawThem, everyMatchFired && nothingToFire);
        everyMatchFired = false; // the new rules' matches fire at the next step
        try {
            Results results = container.updateToVersion(next.releaseId());
            if (results.hasMessages(Message.Level.ERROR)) {
                throw new IllegalStateException("KIE container refused an update that compiled: "
                        + results.getMessages());
            }
            removeLeftovers(container.getKieBase(), next);
        } finally {
            MatchLists.rulesChanged();
            changes.end();
            contactUpdates = ContactUpdates.of((InternalRuleBase) container.getKieBase(), walk);
        }
        matched.forgetReplaced(container.getKieBase());
        firings.forgetReplaced(container.getKieBase());
        rules = next;
    }

    /**
     * Drools 10.2 leaves a rule in the KieBase when its file was changed in one update (the rule itself unchanged) and
     * removed in a later one: the rule would go on firing and keep its memberships. Removing what the new module does
     * not have puts the KieBase right; removal retracts what the rule justified, like any removed rule.
     */
    private static void removeLeftovers(KieBase base, CompiledRules next) {
        List<String[]> leftovers = new ArrayList<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (!next.ruleNames().contains(kiePackage.getName() + "/" + rule.getName())) {
                    leftovers.add(new String[] {kiePackage.getName(), rule.getName()});
                }
            }
        }
        leftovers.forEach(rule -> base.removeRule(rule[0], rule[1]));
    }

    /** Whether the current rules have any workflow; without one, changes need not be looked at for triggers. */
    boolean hasWorkflows() {
        return !rules.workflows().isEmpty();
    }

    /** Whether any of the changes starts a workflow of the current rules. */
    boolean triggersWorkflows(List<SegmentChange> changes) {
        return WorkflowRunner.triggersAny(rules.workflows(), changes);
    }

    /** Runs the workflows the changes start; their contact changes are left for the next {@link #fire}. */
    List<WorkflowEvent> runWorkflows(List<SegmentChange> changes, Instant at,
            Function<String, Optional<ContactEditor>> editors) {
        // Attached on first use: jBPM's process runtime adds an agenda listener, and with one Drools builds an event
        // object for every match created and fired, which a session without workflows never needs.
        if (!workflowsAttached) {
            workflows.attach(session);
            workflowsAttached = true;
        }
        return workflows.run(session, rules.workflows(), changes, at, editors);
    }

    List<WorkflowEvent> stopCascade(List<SegmentChange> changes, Instant at, int steps) {
        return WorkflowRunner.stopped(rules.workflows(), changes, at, steps);
    }

    /** Fires all rules and returns the net membership changes since the last call, stamped {@code at}. */
    FiredChanges fire(Instant at) {
        everyMatchFired = false; // until firing ends: a rule that throws leaves matches unfired
        session.fireAllRules();
        everyMatchFired = true;
        FiredChanges changes = new FiredChanges();
        if (pending.isEmpty()) {
            matched.drainChanges(at, changes::add);
            return changes;
        }
        // Changes of segments kept by facts come first: those are the segments a memberOf reads. A segment whose
        // keeping the rules just changed (a memberOf now reads it, or no longer does) can leave by its matches and
        // come back as a fact in one step: those two are netted together.
        Set<String> keptByFacts = new HashSet<>();
        pending.keySet().forEach(membership -> keptByFacts.add(membership.getSegmentId()));
        FiredChanges byMatches = new FiredChanges();
        matched.drainChanges(at, (change, ordinal) -> {
            if (keptByFacts.contains(change.segmentId())) {
                pending.merge(new SegmentMembership(change.segmentId(), change.contactId()),
                        change.kind() == MembershipChange.Kind.ENTERED ? 1 : -1, Integer::sum);
            } else {
                byMatches.add(change, ordinal);
            }
        });
        pending.forEach((membership, delta) -> {
            if (delta != 0) {
                changes.add(new MembershipChange(at,
                        delta > 0 ? MembershipChange.Kind.ENTERED : MembershipChange.Kind.EXITED,
                        membership.getSegmentId(), membership.getContactId()), FiredChanges.UNKNOWN);
            }
        });
        changes.addAll(byMatches);
        // A new map, not clear(): clear() walks the whole table, which a bulk load grows to its largest chunk.
        pending = new LinkedHashMap<>();
        return changes;
    }

    @Override
    public void close() {
        retire();
        compiler.discard(rules.releaseId());
    }

    /** Ends the session, leaving its rules' module in place: other partitions may run it, or go back to it. */
    void retire() {
        if (!retired) {
            retired = true;
            session.dispose();
            ownModule.ifPresent(compiler::discard);
        }
    }
}
