package dev.segments.engine;

import static dev.segments.engine.Definitions.any;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import dev.segments.workflow.WorkflowRunner;
import dev.segments.workflow.WorkflowSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A segment edit tells the contacts holding a match of the rule going by the contacts whose match of it fired, which
 * the engine keeps as bits, but only while every match has fired: a contact written since then may hold a match no
 * bit shows, and the edit must then fall back to the rule's constraints.
 */
class FiredMatchesMarkingTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of());
    private final ContactOrdinals ordinals = new ContactOrdinals();
    private final List<FactHandle> handles = new ArrayList<>();
    private final List<Contact> facts = new ArrayList<>();
    private final Set<String> members = new TreeSet<>();
    private RuleSession session;

    /** Contacts 0..99: every fourth in Texas, every fifth from 1 in California, every tenth a VIP. */
    private void startWithAHundredContactsIn(String state) {
        startWithAHundredContacts(sourcesFor(state), i -> i % 4 == 0 ? "TX" : i % 5 == 1 ? "CA" : "NY");
        fire();
    }

    /** Contacts 0..99 in the states given, every tenth a VIP; nothing fired yet. */
    private void startWithAHundredContacts(RuleSources sources, IntFunction<String> stateOf) {
        session = new RuleSession(compiler, compiler.compile(sources), START,
                new WorkflowRunner(WorkflowSettings.defaults()), ordinals, ContactWalk.TARGETED);
        for (int i = 0; i < 100; i++) {
            Contact fact = fact(i, stateOf.apply(i));
            facts.add(fact);
            handles.add(session.insert(fact));
        }
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void anEditAfterEveryMatchFiredSkipsTheContactsWithoutAFiredMatchOfTheBranchGoing() {
        startWithAHundredContactsIn("TX");
        assertThat(members).as("Texans or VIPs").hasSize(30);

        session.replaceRules(compiler.compile(sourcesFor("CA")), true);
        fire();

        assertThat(session.removals().marking()).isEqualTo(RemovalShortcut.Marking.FIRED_MATCHES);
        assertThat(session.removals().walkNarrowed()).isTrue();
        assertThat(session.removals().contactsWalked()).as("only the state branch goes; 25 contacts matched it")
                .isEqualTo(25);
        assertThat(session.removals().listsHandedTheirMatches())
                .as("their matches were found from the rule's fired matches, not by walking their lists")
                .isEqualTo(25);
        assertThat(session.removals().listsAskedOutOfOrder()).as("Drools' walk asked in the holders' order").isZero();
        assertThat(members).isEqualTo(expectedMembers("CA"));
        handles.forEach(session::delete);
        fire();
        assertThat(members).as("every contact deleted leaves the segment").isEmpty();
    }

    @Test
    void anEditWithWritesNotYetFiredTellsTheContactsByTheConstraintsInstead() {
        startWithAHundredContactsIn("TX");
        // Contacts 1 and 2 move to Texas, 4 and 8 leave it; Drools has made matches for them that have not fired.
        for (int i : new int[] {1, 2}) {
            update(i, "TX");
        }
        for (int i : new int[] {4, 8}) {
            update(i, "NY");
        }

        session.replaceRules(compiler.compile(sourcesFor("CA")), true);
        fire();

        assertThat(session.removals().marking()).isEqualTo(RemovalShortcut.Marking.CONSTRAINTS);
        assertThat(members).isEqualTo(expectedMembers("CA"));
        handles.forEach(session::delete);
        fire();
        assertThat(members).as("every contact deleted leaves the segment").isEmpty();
    }

    @Test
    void anEditReplacingBothBranchesHandsEachContactItsMatchesOfBoth() {
        startWithAHundredContactsIn("TX");
        assertThat(members).hasSize(30);

        session.replaceRules(compiler.compile(RuleSources.of(List.of(segment("texans-or-vips",
                any(text("state", Operator.EQUALS, "CA"), tags(Operator.CONTAINS, "gold")))))), true);
        fire();

        assertThat(session.removals().marking()).isEqualTo(RemovalShortcut.Marking.FIRED_MATCHES);
        assertThat(session.removals().listsHandedTheirMatches()).as("found from the rules for both branches going")
                .isPositive();
        assertThat(members).as("Californians; no contact has the tag gold").isEqualTo(facts.stream()
                .filter(fact -> fact.getData().state().equals("CA")).map(Contact::getId)
                .collect(Collectors.toCollection(TreeSet::new)));
        handles.forEach(session::delete);
        fire();
        assertThat(members).as("every contact deleted leaves the segment").isEmpty();
    }

    @Test
    void aRuleGoingWhoseInputFeedsAnotherRuleTooHasItsMatchesFoundByWalkingTheLists() {
        // Two segments with the same condition: Drools gives their rules one input, whose entry in a contact's list
        // belongs to one of them.
        startWithAHundredContacts(RuleSources.of(List.of(
                segment("texans", text("state", Operator.EQUALS, "TX")),
                segment("texans-too", text("state", Operator.EQUALS, "TX")))), i -> i % 4 == 0 ? "TX" : "NY");
        assertThat(session.fire(START).size()).as("25 Texans in each segment").isEqualTo(50);

        session.replaceRules(compiler.compile(RuleSources.of(List.of(
                segment("texans", text("state", Operator.EQUALS, "NY")),
                segment("texans-too", text("state", Operator.EQUALS, "TX"))))), true);
        FiredChanges changes = session.fire(START);

        assertThat(session.removals().marking()).isEqualTo(RemovalShortcut.Marking.FIRED_MATCHES);
        assertThat(session.removals().listsHandedTheirMatches()).isZero();
        List<String> entered = new ArrayList<>();
        List<String> exited = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            MembershipChange change = changes.change(i);
            (change.kind() == MembershipChange.Kind.ENTERED ? entered : exited).add(change.segmentId());
        }
        assertThat(entered).as("the New Yorkers enter the edited segment").hasSize(75).containsOnly("texans");
        assertThat(exited).as("the Texans leave it, and stay in the other").hasSize(25).containsOnly("texans");
        handles.forEach(session::delete);
        FiredChanges deleted = session.fire(START);
        assertThat(deleted.size()).as("every membership ends: 75 New Yorkers and 25 Texans").isEqualTo(100);
    }

    private RuleSources sourcesFor(String state) {
        return RuleSources.of(List.of(segment("texans-or-vips",
                any(text("state", Operator.EQUALS, state), tags(Operator.CONTAINS, "vip")))));
    }

    private Contact fact(int i, String state) {
        String id = "c-" + i;
        ContactData data = ContactData.builder(id).state(state).tags(i % 10 == 0 ? Set.of("vip") : Set.of()).build();
        return new Contact(ordinals.of(id), data, NormalizedContact.of(data, ZoneOffset.UTC), Set.of(), Map.of());
    }

    private void update(int i, String state) {
        session.change(handles.get(i), facts.get(i), fact(i, state), "state");
    }

    private Set<String> expectedMembers(String state) {
        Set<String> expected = new TreeSet<>();
        for (Contact fact : facts) {
            if (fact.getData().state().equalsIgnoreCase(state) || fact.getTags().contains("vip")) {
                expected.add(fact.getId());
            }
        }
        return expected;
    }

    private void fire() {
        FiredChanges changes = session.fire(START);
        for (int i = 0; i < changes.size(); i++) {
            MembershipChange change = changes.change(i);
            if (change.kind() == MembershipChange.Kind.ENTERED) {
                assertThat(members.add(change.contactId())).as("enters once: %s", change).isTrue();
            } else {
                assertThat(members.remove(change.contactId())).as("leaves once: %s", change).isTrue();
            }
        }
    }
}
