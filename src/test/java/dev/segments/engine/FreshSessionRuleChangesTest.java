package dev.segments.engine;

import static dev.segments.engine.Definitions.all;
import static dev.segments.engine.Definitions.memberOf;
import static dev.segments.engine.Definitions.not;
import static dev.segments.engine.Definitions.relative;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static dev.segments.engine.Definitions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.segments.contact.ContactData;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import dev.segments.workflow.Bpmn;
import dev.segments.workflow.WorkflowEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule changes that go into a session started afresh (of hand-written files, and changes Drools fails at): the
 * contacts end in the memberships a fresh engine gives them, and memberships, listeners and workflows hear only what
 * changed, as with a change made in place.
 */
class FreshSessionRuleChangesTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    static final SegmentDefinition VIP = segment("vip", tags(Operator.CONTAINS, "vip"));

    /** "{name}": contacts of the state that are VIPs, through {@code exists}, which Drools cannot change in place. */
    private static DrlFile existsRules(String... nameAndState) {
        StringBuilder text = new StringBuilder("""
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                """);
        for (int i = 0; i < nameAndState.length; i += 2) {
            text.append("""
                    rule "%1$s" when
                        $c : Contact( state == "%2$s" )
                        exists SegmentMembership( segmentId == "vip", contactId == $c.id )
                    then insertLogical(new SegmentMembership("%1$s", $c.getId())); end
                    """.formatted(nameAndState[i], nameAndState[i + 1]));
        }
        return new DrlFile("rules/exists.drl", text.toString());
    }

    private static ContactData vip(String id, String state) {
        return ContactData.builder(id).state(state).addTag("vip").build();
    }

    @Test
    void aChangeOfRulesDroolsCannotChangeInPlaceReportsOnlyWhatChanged() {
        RuleSources before = new RuleSources(List.of(VIP), List.of(existsRules("texans", "tx", "southern", "tx")));
        RuleSources after = new RuleSources(List.of(VIP), List.of(existsRules("texans", "ca", "southern", "tx")));
        try (SegmentEngine engine = SegmentEngine.start(before, EngineOptions.startingAt(T0))) {
            Stream.of(vip("c1", "TX"), vip("c2", "TX"), vip("c3", "CA")).forEach(engine::upsert);
            List<MembershipChange> heard = new ArrayList<>();
            engine.addListener(heard::addAll);

            List<MembershipChange> changes = engine.updateRules(after);

            assertThat(changes).extracting(MembershipChange::kind, MembershipChange::segmentId,
                    MembershipChange::contactId).containsExactlyInAnyOrder(
                    tuple(MembershipChange.Kind.EXITED, "texans", "c1"),
                    tuple(MembershipChange.Kind.EXITED, "texans", "c2"),
                    tuple(MembershipChange.Kind.ENTERED, "texans", "c3"));
            assertThat(changes).allSatisfy(change -> assertThat(change.at()).isEqualTo(T0));
            assertThat(heard).isEqualTo(changes);
            assertThat(engine.members("southern")).containsExactly("c1", "c2");
            assertThat(engine.counts()).containsEntry("texans", 1).containsEntry("vip", 3);

            engine.upsert(ContactData.builder("c3").state("CA").build());
            assertThat(engine.segmentsOf("c3")).isEmpty();
            engine.upsert(vip("c4", "CA"));
            assertThat(engine.segmentsOf("c4")).containsExactly("texans", "vip");
        }
    }

    /**
     * Segments sharing the input of Boston's contacts, a {@code not memberOf} turned into a {@code memberOf}: Drools
     * 10.2's incremental build fails at the third change ({@code NegativeArraySizeException} merging the network's
     * segments) and leaves the session half changed; the engine goes on in a session started afresh.
     */
    @Test
    void aChangeDroolsFailsAtGoesIntoAFreshSession() {
        SegmentDefinition partner = segment("partner", tags(Operator.CONTAINS, "partner"));
        SegmentDefinition nyState = segment("h3", text("state", Operator.EQUALS, "NY"));
        List<List<SegmentDefinition>> versions = List.of(
                List.of(VIP, partner, bostonians("h3", true, "vip"), bostonians("h6", true, "partner")),
                List.of(VIP, partner, bostonians("h3", true, "partner"), bostonians("h6", true, "partner")),
                List.of(VIP, partner, bostonians("h11", false, "partner"), nyState, bostonians("h6", true, "partner")),
                List.of(VIP, partner, nyState, bostonians("h6", false, "partner")));
        List<ContactData> contacts = List.of(ContactData.builder("c1").city("Boston").addTag("partner").build(),
                ContactData.builder("c2").city("Boston").state("NY").build(),
                ContactData.builder("c3").city("Miami").addTag("vip").build());
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(versions.get(0)),
                EngineOptions.startingAt(T0))) {
            contacts.forEach(engine::upsert);
            for (List<SegmentDefinition> version : versions.subList(1, versions.size())) {
                engine.updateRules(RuleSources.of(version));
            }
            assertSameMembershipsAsAFreshEngine(engine, RuleSources.of(versions.get(3)), contacts);
            assertThat(engine.segmentsOf("c1")).containsExactly("h6", "partner");

            assertThat(engine.upsert(ContactData.builder("c1").city("Boston").build()))
                    .extracting(MembershipChange::segmentId).containsExactlyInAnyOrder("h6", "partner");
        }
    }

    private static SegmentDefinition bostonians(String id, boolean notIn, String of) {
        return segment(id, all(text("city", Operator.EQUALS, "Boston"), notIn ? not(memberOf(of)) : memberOf(of)));
    }

    @Test
    void newRulesThatThrowInTheFreshSessionLeaveTheEngineOnThePreviousRules() {
        RuleSources before = new RuleSources(List.of(VIP), List.of(existsRules("texans", "tx")));
        DrlFile exploding = new DrlFile("rules/exists.drl", existsRules("texans", "ca").content() + """
                rule "one contact explodes" when Contact( id == "c2" ) then throw new IllegalStateException("boom"); end
                """);
        try (SegmentEngine engine = SegmentEngine.start(before, EngineOptions.startingAt(T0))) {
            Stream.of(vip("c1", "TX"), vip("c2", "CA")).forEach(engine::upsert);
            List<MembershipChange> heard = new ArrayList<>();
            engine.addListener(heard::addAll);

            assertThatThrownBy(() -> engine.updateRules(new RuleSources(List.of(VIP), List.of(exploding))))
                    .hasRootCauseMessage("boom");

            assertThat(heard).isEmpty();
            assertThat(engine.members("texans")).containsExactly("c1");
            engine.upsert(vip("c3", "TX"));
            assertThat(engine.members("texans")).containsExactly("c1", "c3");
            engine.updateRules(new RuleSources(List.of(VIP), List.of(existsRules("texans", "ca"))));
            assertThat(engine.members("texans")).containsExactly("c2");
        }
    }

    @Test
    void anEngineWhoseRulesCannotStartAfreshAtAllSaysSoOnEveryCall() {
        DrlFile exploding = new DrlFile("rules/exploding.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                rule "explodes when armed" when Contact( ) then
                    if (dev.segments.engine.RuleSwitch.ON.get()) {
                        throw new IllegalStateException("boom");
                    }
                end
                """);
        RuleSources before = new RuleSources(List.of(VIP), List.of(existsRules("texans", "tx"), exploding));
        RuleSources after = new RuleSources(List.of(VIP), List.of(existsRules("texans", "ca"), exploding));
        SegmentEngine engine = SegmentEngine.start(before, EngineOptions.startingAt(T0));
        try {
            engine.upsert(vip("c1", "TX"));
            RuleSwitch.ON.set(true);

            assertThatThrownBy(() -> engine.updateRules(after)).hasRootCauseMessage("boom");

            assertThatThrownBy(() -> engine.upsert(vip("c2", "TX"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no running rules").hasMessageContaining("start a new engine");
            assertThatThrownBy(() -> engine.members("texans")).hasMessageContaining("no running rules");
        } finally {
            RuleSwitch.ON.set(false);
            engine.close();
        }
    }

    /**
     * A session started afresh fires as it fills, a thousand contacts at a time, as a load does: a rule that reads other
     * contacts can end in a later firing a membership an earlier one began.
     */
    @Test
    void aMembershipAnotherContactEndsWhileTheFreshSessionFillsIsNoChange() {
        List<ContactData> contacts = IntStream.range(0, 1_500).mapToObj(i -> ContactData.builder("c" + i)
                .email(i == 1_400 ? "c0@example.com" : "c" + i + "@example.com").build()).toList();
        try (SegmentEngine engine = SegmentEngine.start(new RuleSources(List.of(), List.of(uniqueEmails("first"))),
                EngineOptions.startingAt(T0))) {
            engine.load(contacts, List.of());
            assertThat(engine.counts()).containsEntry("unique-email", 1_498);

            assertThat(engine.updateRules(new RuleSources(List.of(), List.of(uniqueEmails("edited"))))).isEmpty();

            assertThat(engine.segmentsOf("c0")).isEmpty();
            assertThat(engine.counts()).containsEntry("unique-email", 1_498);
        }
    }

    /** Contacts no other contact shares the email with, through a pattern on contacts under {@code not}. */
    private static DrlFile uniqueEmails(String version) {
        return new DrlFile("rules/unique.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "unique email" when
                    $c : Contact( email != null )
                    not Contact( id != $c.id, email == $c.email )
                then insertLogical(new SegmentMembership("unique-email", $c.getId())); // %s
                end
                """.formatted(version));
    }

    @Test
    void windowsChangedWithTheRulesFollowTimeAsAFreshEngineDoes() {
        SegmentDefinition weekly = segment("opened", relative("lastEmailOpenedAt", Operator.WITHIN_LAST, "P7D"));
        SegmentDefinition fortnightly = segment("opened",
                relative("lastEmailOpenedAt", Operator.WITHIN_LAST, "P14D"));
        RuleSources after = new RuleSources(List.of(VIP, fortnightly), List.of(existsRules("texans", "ca")));
        List<ContactData> contacts = List.of(opened("c1", 2), opened("c2", 10), opened("c3", 20));
        try (SegmentEngine engine = SegmentEngine.start(
                new RuleSources(List.of(VIP, weekly), List.of(existsRules("texans", "tx"))),
                EngineOptions.startingAt(T0));
                SegmentEngine fresh = SegmentEngine.start(after, EngineOptions.startingAt(T0))) {
            contacts.forEach(engine::upsert);
            contacts.forEach(fresh::upsert);

            assertThat(engine.updateRules(after)).extracting(MembershipChange::segmentId, MembershipChange::contactId)
                    .contains(tuple("opened", "c2"));
            for (int days = 1; days <= 15; days++) {
                Instant later = T0.plus(Duration.ofDays(days));
                assertThat(engine.advanceTo(later)).as("day %d", days)
                        .containsExactlyInAnyOrderElementsOf(fresh.advanceTo(later));
                assertSameMembershipsAsAFreshEngine(engine, fresh, contacts);
            }
        }
    }

    private static ContactData opened(String id, int daysAgo) {
        return ContactData.builder(id).state("TX").addTag("vip")
                .lastEmailOpenedAt(new TimePoint.AtInstant(T0.minus(Duration.ofDays(daysAgo)))).build();
    }

    @Test
    void workflowsStartForTheMembershipsThatChangedOnly() {
        RuleSources before = new RuleSources(List.of(VIP), List.of(existsRules("texans", "tx")),
                List.of(Bpmn.file("welcome", "segment-entered:texans", Bpmn.task("AddTag", "Tag", "welcome"))));
        RuleSources after = new RuleSources(List.of(VIP), List.of(existsRules("texans", "tx", "southern", "tx")),
                before.workflows());
        try (SegmentEngine engine = SegmentEngine.start(before, EngineOptions.startingAt(T0))) {
            engine.upsert(vip("c1", "TX"));
            List<WorkflowEvent> done = new ArrayList<>();
            engine.addWorkflowListener(done::addAll);
            engine.upsert(vip("c2", "TX"));
            assertThat(done).hasSize(1);

            assertThat(engine.updateRules(after)).extracting(MembershipChange::segmentId).containsOnly("southern");

            assertThat(done).as("no texan entered again").hasSize(1);
            assertThat(engine.contact("c1").orElseThrow().tags()).contains("welcome");
        }
    }

    @Test
    void partitionsChangeSuchRulesAfreshToo() {
        RuleSources before = new RuleSources(List.of(VIP), List.of(existsRules("texans", "tx")));
        RuleSources after = new RuleSources(List.of(VIP), List.of(existsRules("texans", "ca", "southern", "tx")));
        List<ContactData> contacts = List.of(vip("c1", "TX"), vip("c2", "CA"), vip("c3", "TX"), vip("c4", "NY"));
        try (Segments two = PartitionedSegments.start(before, EngineOptions.startingAt(T0), 2);
                SegmentEngine fresh = SegmentEngine.start(after, EngineOptions.startingAt(T0))) {
            contacts.forEach(two::upsert);
            contacts.forEach(fresh::upsert);

            assertThat(two.updateRules(after)).extracting(MembershipChange::kind, MembershipChange::segmentId,
                    MembershipChange::contactId).containsExactlyInAnyOrder(
                    tuple(MembershipChange.Kind.EXITED, "texans", "c1"),
                    tuple(MembershipChange.Kind.EXITED, "texans", "c3"),
                    tuple(MembershipChange.Kind.ENTERED, "texans", "c2"),
                    tuple(MembershipChange.Kind.ENTERED, "southern", "c1"),
                    tuple(MembershipChange.Kind.ENTERED, "southern", "c3"));
            for (ContactData contact : contacts) {
                assertThat(two.segmentsOf(contact.id())).as(contact.id()).isEqualTo(fresh.segmentsOf(contact.id()));
            }
        }
    }

    private static void assertSameMembershipsAsAFreshEngine(Segments engine, RuleSources rules,
            List<ContactData> contacts) {
        try (SegmentEngine fresh = SegmentEngine.start(rules, EngineOptions.startingAt(T0))) {
            contacts.forEach(fresh::upsert);
            assertSameMembershipsAsAFreshEngine(engine, fresh, contacts);
        }
    }

    private static void assertSameMembershipsAsAFreshEngine(Segments engine, Segments fresh,
            List<ContactData> contacts) {
        for (ContactData contact : contacts) {
            assertThat(engine.segmentsOf(contact.id())).as(contact.id()).isEqualTo(fresh.segmentsOf(contact.id()));
        }
        assertThat(engine.counts()).isEqualTo(fresh.counts());
    }
}
