package dev.segments.engine;

import static dev.segments.engine.Definitions.all;
import static dev.segments.engine.Definitions.any;
import static dev.segments.engine.Definitions.memberOf;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.definition.Operator;
import dev.segments.workflow.WorkflowRunner;
import dev.segments.workflow.WorkflowSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.reteoo.RuleTerminalNodeLeftTuple;
import org.drools.core.reteoo.TupleImpl;
import org.drools.tms.agenda.TruthMaintenanceSystemRuleTerminalNodeLeftTuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Every rule's match is a {@link LeanMatch}, which keeps truth maintenance in less memory: "gold" is read by
 * {@code memberOf}, so its rule inserts membership facts, which come and go with its matches; "texans-or-gold-vips" is
 * read by no rule and kept from its matches.
 */
class LeanMatchesTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String GOLD = "gold";
    private static final String TEXANS = "texans-or-gold-vips";

    private final RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of());
    private final ContactOrdinals ordinals = new ContactOrdinals();
    private final List<FactHandle> handles = new ArrayList<>();
    private final List<Contact> facts = new ArrayList<>();
    private final Map<String, Set<String>> members = new TreeMap<>();
    private RuleSession session;

    @BeforeEach
    void start() {
        RuleSources sources = RuleSources.of(List.of(
                segment(GOLD, text("custom.plan", Operator.EQUALS, "gold")),
                segment(TEXANS, any(text("state", Operator.EQUALS, "TX"),
                        all(tags(Operator.CONTAINS, "vip"), memberOf(GOLD))))));
        session = new RuleSession(compiler, compiler.compile(sources), START,
                new WorkflowRunner(WorkflowSettings.defaults()), ordinals, ContactWalk.TARGETED);
        insert("texan-gold-vip", "TX", "gold", "vip");
        insert("californian-gold-vip", "CA", "gold", "vip");
        insert("texan", "TX", "silver");
        insert("californian-gold", "CA", "gold");
        fire();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void everyMatchIsALeanMatchOf152Bytes() {
        assertThat(members).containsEntry(GOLD, Set.of("texan-gold-vip", "californian-gold-vip", "californian-gold"))
                .containsEntry(TEXANS, Set.of("texan-gold-vip", "californian-gold-vip", "texan"));

        Map<String, Set<Class<?>>> classesByRule = new TreeMap<>();
        for (FactHandle handle : handles) {
            ((DefaultFactHandle) handle).getLinkedTuples().forEachLeftTuple(tuple -> collectMatches(tuple,
                    classesByRule));
        }
        assertThat(classesByRule).containsOnlyKeys(GOLD, TEXANS + " (branch 1 of 2)", TEXANS + " (branch 2 of 2)")
                .allSatisfy((rule, classes) -> assertThat(classes).containsExactly(LeanMatch.class));
        assertThat(fieldBytes(LeanMatch.class)).as("what drools-tms' match holds, less two of its lists")
                .isEqualTo(fieldBytes(TruthMaintenanceSystemRuleTerminalNodeLeftTuple.class) - 8);
    }

    @Test
    void theFactsLeanMatchesJustifyComeAndGoWithThem() {
        update(2, "CA", "silver");
        assertThat(members.get(TEXANS)).containsExactlyInAnyOrder("texan-gold-vip", "californian-gold-vip");

        update(2, "TX", "silver");
        update(3, "CA", "gold", "vip");
        assertThat(members.get(TEXANS))
                .containsExactlyInAnyOrder("texan-gold-vip", "californian-gold-vip", "texan", "californian-gold");

        update(1, "CA", "silver", "vip");
        assertThat(members.get(GOLD)).containsExactlyInAnyOrder("texan-gold-vip", "californian-gold");
        assertThat(members.get(TEXANS)).as("no longer gold: the membership fact went with its match, and the join on it with the fact")
                .containsExactlyInAnyOrder("texan-gold-vip", "texan", "californian-gold");
    }

    private static void collectMatches(TupleImpl tuple, Map<String, Set<Class<?>>> classesByRule) {
        if (tuple instanceof RuleTerminalNodeLeftTuple match) {
            classesByRule.computeIfAbsent(match.getRule().getName(), rule -> new HashSet<>()).add(match.getClass());
        }
        for (TupleImpl child = tuple.getFirstChild(); child != null; child = child.getHandleNext()) {
            collectMatches(child, classesByRule);
        }
    }

    /** The bytes of a class's instance fields, references at 4 bytes as with compressed pointers. */
    private static int fieldBytes(Class<?> type) {
        int bytes = 0;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Class<?> t = field.getType();
                bytes += t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
                        : t == short.class || t == char.class ? 2 : t == boolean.class || t == byte.class ? 1 : 4;
            }
        }
        return bytes;
    }

    private Contact fact(String id, String state, String plan, String... tags) {
        ContactData data = ContactData.builder(id).state(state).tags(Set.of(tags))
                .custom("plan", new CustomValue.Text(plan)).build();
        return new Contact(ordinals.of(id), data, NormalizedContact.of(data, ZoneOffset.UTC), Set.of(), Map.of());
    }

    private void insert(String id, String state, String plan, String... tags) {
        Contact fact = fact(id, state, plan, tags);
        facts.add(fact);
        handles.add(session.insert(fact));
    }

    private void update(int i, String state, String plan, String... tags) {
        Contact fact = facts.get(i);
        Contact next = fact(fact.getId(), state, plan, tags);
        session.change(handles.get(i), fact, next, ChangedProperties.between(fact, next));
        fire();
    }

    private void fire() {
        FiredChanges changes = session.fire(START);
        for (int i = 0; i < changes.size(); i++) {
            MembershipChange change = changes.change(i);
            Set<String> segment = members.computeIfAbsent(change.segmentId(), id -> new TreeSet<>());
            if (change.kind() == MembershipChange.Kind.ENTERED) {
                assertThat(segment.add(change.contactId())).as("enters once: %s", change).isTrue();
            } else {
                assertThat(segment.remove(change.contactId())).as("leaves once: %s", change).isTrue();
            }
        }
    }
}
