package dev.segments.engine;

import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/** A contact's fact is changed in place on every change, and the rules see each change through it. */
class ContactFactInPlaceTest {

    private final RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of(), MembershipFacts.OBSERVED);
    private CompiledRules rules;
    private KieSession session;
    private ContactUpdates updates;

    @BeforeEach
    void startSession() {
        rules = compiler.compile(RuleSources.of(List.of(segment("texans", text("state", Operator.EQUALS, "TX")))));
        KieBase base = compiler.kie().newKieContainer(rules.releaseId()).getKieBase();
        session = base.newKieSession();
        updates = ContactUpdates.of((InternalRuleBase) base, ContactWalk.TARGETED);
    }

    @AfterEach
    void dispose() {
        session.dispose();
        compiler.discard(rules.releaseId());
    }

    @Test
    void theRulesSeeEachChangeOfTheOneFact() {
        Contact fact = contact(0, ContactData.of("c-1").toBuilder().state("TX").build());
        FactHandle handle = session.insert(fact);
        assertThat(session.fireAllRules()).isEqualTo(1);

        change(fact, handle, contact(0, ContactData.of("c-1").toBuilder().state("CA").build()));
        assertThat(session.fireAllRules()).as("no match left to fire").isZero();
        change(fact, handle, contact(0, ContactData.of("c-1").toBuilder().state("TX").firstName("Ann").build()));
        assertThat(session.fireAllRules()).as("matches again").isEqualTo(1);
        change(fact, handle, contact(0, ContactData.of("c-1").toBuilder().state("TX").firstName("Bo").build()));
        assertThat(session.fireAllRules()).as("a change no rule reads").isZero();

        assertThat(fact.getFirstName()).isEqualTo("bo");
        assertThat(session.getFactHandle(fact)).isSameAs(handle);
        assertThat(session.getObjects()).hasSize(1).allMatch(object -> object == fact);
    }

    @Test
    void anotherObjectForTheSameHandleIsRefused() {
        Contact fact = contact(0, ContactData.of("c-1"));
        FactHandle handle = session.insert(fact);
        Contact other = contact(0, ContactData.of("c-1").toBuilder().state("TX").build());

        assertThatThrownBy(() -> updates.change((InternalWorkingMemory) session, handle, other, fact,
                ChangedProperties.between(other, fact))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changed in place");
    }

    @Test
    void aFactTakesTheValuesOfItsOwnContactOnly() {
        Contact fact = contact(0, ContactData.of("c-1"));

        assertThatThrownBy(() -> fact.takeValuesOf(contact(1, ContactData.of("c-2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-2");
    }

    private void change(Contact fact, FactHandle handle, Contact next) {
        updates.change((InternalWorkingMemory) session, handle, fact, next, ChangedProperties.between(fact, next));
    }

    private static Contact contact(int ordinal, ContactData data) {
        return new Contact(ordinal, data, NormalizedContact.of(data, ZoneOffset.UTC), Set.of(), Map.of());
    }
}
