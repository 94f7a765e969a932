package dev.segments.engine;

import static dev.segments.engine.Definitions.relative;
import static dev.segments.engine.Definitions.segment;
import static dev.segments.engine.Definitions.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rule change lets readers in while Drools changes the network and, for a hand-written change, while a session
 * started afresh fills (as long as a load): they see the engine as it was before the change; writes wait for it. A
 * hand-written rule stops at {@link RuleGate}, so the test reads while the change is half made.
 */
class ReadsDuringRuleChangesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final SegmentDefinition VIP = segment("vip", tags(Operator.CONTAINS, "vip"));

    /** Threads of the test's own: the common pool may have a single one, which the change holds at the gate. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void closeGate() {
        RuleGate.close();
    }

    @AfterEach
    void openGate() {
        RuleGate.open(); // never leave a rule waiting, whatever failed
        threads.shutdownNow();
    }

    private static RuleSources texans(String state, boolean gated) {
        String gate = gated ? """
                rule "waits at the gate" when Contact( id == "c1" ) then dev.segments.engine.RuleGate.pass(); end
                """ : "";
        return new RuleSources(List.of(VIP), List.of(new DrlFile("rules/texans.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                // the fact's text is normalised: lower case
                rule "texans" when $c : Contact( state == "%s" ) then
                    insertLogical(new SegmentMembership("texans", $c.getId()));
                end
                """.formatted(state) + gate)));
    }

    private static ContactData contact(String id, String state, String... tags) {
        ContactData.Builder builder = ContactData.builder(id).state(state);
        Stream.of(tags).forEach(builder::addTag);
        return builder.build();
    }

    /** c2 opened an email ten days before the engine's start. */
    private static final EmailEvent OPENED_TEN_DAYS_AGO = new EmailEvent("c2", EmailEventType.OPENED,
            T0.minus(java.time.Duration.ofDays(10)));

    /** The VIPs and "opened": an email opened within the duration; the hand-written gate unchanged next to them. */
    private static RuleSources openedWithin(String duration, DrlFile gate) {
        return new RuleSources(List.of(VIP, segment("opened",
                relative("lastEmailOpenedAt", Operator.WITHIN_LAST, duration))), List.of(gate));
    }

    @Test
    void readersSeeTheEngineAsBeforeTheChangeWhileTheSessionFills() throws Exception {
        try (SegmentEngine engine = SegmentEngine.start(texans("tx", false), EngineOptions.startingAt(T0))) {
            Stream.of(contact("c1", "TX", "vip"), contact("c2", "CA")).forEach(engine::upsert);
            long firingsBefore = engine.ruleFirings().get("texans");

            CompletableFuture<List<MembershipChange>> change = CompletableFuture.supplyAsync(
                    () -> engine.updateRules(texans("ca", true)), threads);
            assertThat(RuleGate.awaitReached()).as("the fresh session reached the gate").isTrue();

            CompletableFuture<Void> reads = CompletableFuture.runAsync(() -> {
                assertThat(engine.members("texans")).containsExactly("c1");
                assertThat(engine.segmentsOf("c1")).containsExactly("texans", "vip");
                assertThat(engine.counts()).containsEntry("texans", 1).containsEntry("vip", 1);
                assertThat(engine.segmentIds()).containsExactly("texans", "vip");
                assertThat(engine.contact("c2")).map(ContactData::state).contains("CA");
                assertThat(engine.contactCount()).isEqualTo(2);
                assertThat(engine.now()).isEqualTo(T0);
                assertThat(engine.ruleFirings()).containsEntry("texans", firingsBefore);
            }, threads);
            reads.get(1, TimeUnit.MINUTES); // a reader left waiting for the change fails here, not forever
            RuleGate.open();

            assertThat(change.get(1, TimeUnit.MINUTES)).extracting(MembershipChange::kind,
                    MembershipChange::contactId).containsExactlyInAnyOrder(
                    tuple(MembershipChange.Kind.EXITED, "c1"),
                    tuple(MembershipChange.Kind.ENTERED, "c2"));
            assertThat(engine.members("texans")).containsExactly("c2");
        }
    }

    @Test
    void aWriteDuringTheChangeWaitsForItAndAppliesToTheNewRules() throws Exception {
        try (SegmentEngine engine = SegmentEngine.start(texans("tx", false), EngineOptions.startingAt(T0))) {
            engine.upsert(contact("c1", "TX"));

            CompletableFuture<List<MembershipChange>> change = CompletableFuture.supplyAsync(
                    () -> engine.updateRules(texans("ca", true)), threads);
            assertThat(RuleGate.awaitReached()).isTrue();
            CompletableFuture<List<MembershipChange>> write = CompletableFuture.supplyAsync(
                    () -> engine.upsert(contact("c3", "CA")), threads);
            assertThat(engine.members("texans")).containsExactly("c1");
            RuleGate.open();

            change.get(1, TimeUnit.MINUTES);
            assertThat(write.get(1, TimeUnit.MINUTES)).extracting(MembershipChange::segmentId,
                    MembershipChange::contactId).containsExactly(tuple("texans", "c3"));
            assertThat(engine.members("texans")).containsExactly("c3");
        }
    }

    /** Partitions switch each on its own: the one waiting at the gate still reads as before, the other either way. */
    @Test
    void partitionsServeReadsWhileTheirSessionsFill() throws Exception {
        try (Segments engine = PartitionedSegments.start(texans("tx", false), EngineOptions.startingAt(T0), 2)) {
            Stream.of(contact("c1", "TX"), contact("c2", "CA"), contact("c3", "TX")).forEach(engine::upsert);

            CompletableFuture<List<MembershipChange>> change = CompletableFuture.supplyAsync(
                    () -> engine.updateRules(texans("ca", true)), threads);
            assertThat(RuleGate.awaitReached()).isTrue();

            CompletableFuture.runAsync(() -> {
                assertThat(engine.members("texans")).contains("c1");
                assertThat(engine.segmentsOf("c1")).containsExactly("texans");
                assertThat(engine.contactCount()).isEqualTo(3);
            }, threads).get(1, TimeUnit.MINUTES);
            RuleGate.open();

            change.get(1, TimeUnit.MINUTES);
            assertThat(engine.members("texans")).containsExactly("c2");
        }
    }

    /**
     * A segment edit made in place that moves a time window: every contact's time flags change while the old rules are
     * still in place, and an unchanged hand-written rule that listens to every property waits at the gate as Drools
     * re-evaluates it.
     */
    @Test
    void readersSeeTheEngineAsBeforeASegmentEditMadeInPlace() throws Exception {
        DrlFile gate = new DrlFile("rules/gate.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                rule "gate" when Contact( dev.segments.engine.RuleGate.passIfArmed() ) then end
                """);
        RuleSources weekly = openedWithin("P7D", gate);
        RuleSources monthly = openedWithin("P30D", gate);
        try (SegmentEngine engine = SegmentEngine.start(weekly, EngineOptions.startingAt(T0))) {
            engine.load(List.of(contact("c1", "TX", "vip"), contact("c2", "CA")), List.of(OPENED_TEN_DAYS_AGO));
            assertThat(engine.members("opened")).isEmpty();
            RuleGate.arm();

            CompletableFuture<List<MembershipChange>> edit = CompletableFuture.supplyAsync(
                    () -> engine.updateRules(monthly), threads);
            assertThat(RuleGate.awaitReached()).as("the edit reached the gate").isTrue();
            CompletableFuture.runAsync(() -> {
                assertThat(engine.members("opened")).isEmpty();
                assertThat(engine.segmentsOf("c1")).containsExactly("vip");
                assertThat(engine.counts()).containsEntry("opened", 0).containsEntry("vip", 1);
            }, threads).get(1, TimeUnit.MINUTES);
            RuleGate.open();

            assertThat(edit.get(1, TimeUnit.MINUTES)).extracting(MembershipChange::kind, MembershipChange::contactId)
                    .containsExactly(tuple(MembershipChange.Kind.ENTERED, "c2"));
            assertThat(engine.members("opened")).containsExactly("c2");
        }
    }

    /**
     * The same edit, the gate now in a hand-written rule on the edited segment's memberships: it fires once the new
     * rule's matches make the contact a member, while the rules fire after the change.
     */
    @Test
    void readersSeeTheEngineAsBeforeWhileASegmentEditFires() throws Exception {
        DrlFile gate = new DrlFile("rules/gate.drl", """
                package segments.handwritten;
                import dev.segments.engine.SegmentMembership;
                rule "gate" when SegmentMembership( segmentId == "opened" ) then dev.segments.engine.RuleGate.pass(); end
                """);
        RuleSources weekly = openedWithin("P7D", gate);
        RuleSources monthly = openedWithin("P30D", gate);
        try (SegmentEngine engine = SegmentEngine.start(weekly, EngineOptions.startingAt(T0))) {
            engine.load(List.of(contact("c1", "TX", "vip"), contact("c2", "CA")), List.of(OPENED_TEN_DAYS_AGO));

            CompletableFuture<List<MembershipChange>> edit = CompletableFuture.supplyAsync(
                    () -> engine.updateRules(monthly), threads);
            assertThat(RuleGate.awaitReached()).as("the new rule's match fired the gate").isTrue();
            CompletableFuture.runAsync(() -> {
                assertThat(engine.members("opened")).isEmpty();
                assertThat(engine.segmentsOf("c2")).isEmpty();
            }, threads).get(1, TimeUnit.MINUTES);
            RuleGate.open();

            assertThat(edit.get(1, TimeUnit.MINUTES)).extracting(MembershipChange::contactId).containsExactly("c2");
            assertThat(engine.segmentsOf("c2")).containsExactly("opened");
        }
    }
}
