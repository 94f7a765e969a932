package dev.segments.engine;

import static dev.segments.engine.Definitions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import dev.segments.engine.MembershipChange.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SegmentEngineTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final SegmentDefinition SEED = segment("engaged-texas-clients", any(
            all(tags(Operator.CONTAINS, "Active Client"), relative("lastEmailOpenedAt", Operator.WITHIN_LAST, "P7D")),
            text("state", Operator.EQUALS, "TX")));

    SegmentEngine engine;
    final List<MembershipChange> heard = new ArrayList<>();

    /** The way memberships are kept; {@link SegmentEngineAllFactsTest} runs every test with facts for all. */
    MembershipFacts membershipFacts() {
        return MembershipFacts.OBSERVED;
    }

    /** How a change reaches the rules; the tests of Drools' own property reactivity set {@link ContactWalk#DROOLS}. */
    ContactWalk walk = ContactWalk.TARGETED;

    EngineOptions options() {
        return EngineOptions.startingAt(T0).withMembershipFacts(membershipFacts()).withContactWalk(walk);
    }

    SegmentEngine start(SegmentDefinition... segments) {
        engine = SegmentEngine.start(RuleSources.of(List.of(segments)), options());
        engine.addListener(heard::addAll);
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    static ContactData.Builder contact(String id) {
        return ContactData.builder(id);
    }

    static TimePoint at(Instant instant) {
        return new TimePoint.AtInstant(instant);
    }

    /**
     * A listener that fails after a segment edit fails the edit, which goes back whole: the rules and the memberships
     * are those from before it, and the next change builds on them.
     */
    @Test
    void aListenerFailingAfterASegmentEditTakesTheEditBackWhole() {
        start(segment("texans", text("state", Operator.EQUALS, "TX")));
        engine.upsert(contact("c1").state("TX").build());
        engine.upsert(contact("c2").state("CA").build());
        MembershipListener failing = changes -> {
            throw new IllegalStateException("listener down");
        };
        engine.addListener(failing);

        assertThatThrownBy(() -> engine.updateRules(RuleSources.of(List.of(
                segment("texans", text("state", Operator.EQUALS, "CA")))))).hasMessage("listener down");

        engine.removeListener(failing);
        assertThat(engine.members("texans")).containsExactly("c1");
        assertThat(engine.upsert(contact("c1").state("CA").build()))
                .containsExactly(new MembershipChange(T0, Kind.EXITED, "texans", "c1"));
        assertThat(engine.members("texans")).isEmpty();
        assertThat(engine.upsert(contact("c3").state("TX").build()))
                .containsExactly(new MembershipChange(T0, Kind.ENTERED, "texans", "c3"));
    }

    @Test
    void aContactInTexasEntersTheSeedSegmentWhateverTheCase() {
        start(SEED);
        List<MembershipChange> changes = engine.upsert(contact("c-1").state("  tx ").build());
        assertThat(changes).containsExactly(new MembershipChange(T0, Kind.ENTERED, "engaged-texas-clients", "c-1"));
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1");
        assertThat(heard).isEqualTo(changes);
    }

    @Test
    void aChangeOfCaseAloneReachesMatchesRulesWhileOtherChangesLeaveThem() {
        start(segment("austin-as-written", text("city", Operator.MATCHES, "^Aus")),
                segment("gold-as-written", text("custom.plan", Operator.MATCHES, "^Gold$")));
        ContactData written = contact("c-1").city("Austin").custom("plan", new CustomValue.Text(" Gold")).build();
        engine.upsert(written);
        assertThat(engine.segmentsOf("c-1")).containsExactly("austin-as-written", "gold-as-written");

        ContactData shouted = written.toBuilder().city("AUSTIN").addTag("vip").build();
        assertThat(engine.upsert(shouted)).containsExactly(
                new MembershipChange(T0, Kind.EXITED, "austin-as-written", "c-1"));
        assertThat(engine.upsert(shouted.toBuilder().custom("plan", new CustomValue.Text("GOLD")).build()))
                .containsExactly(new MembershipChange(T0, Kind.EXITED, "gold-as-written", "c-1"));
        assertThat(engine.upsert(written.toBuilder().addTag("vip").build())).containsExactlyInAnyOrder(
                new MembershipChange(T0, Kind.ENTERED, "austin-as-written", "c-1"),
                new MembershipChange(T0, Kind.ENTERED, "gold-as-written", "c-1"));
        assertThat(engine.upsert(written.toBuilder().addTag("vip").addTag("beta").firstName("Ann").build())).isEmpty();
        assertThat(engine.segmentsOf("c-1")).containsExactly("austin-as-written", "gold-as-written");
    }

    @Test
    void exitsTheSegmentExactlySevenDaysAfterTheLastOpen() {
        start(SEED);
        Instant opened = T0.plus(Duration.ofHours(3));
        engine.upsert(contact("c-1").addTag("active client").lastEmailOpenedAt(at(opened)).build());
        assertThat(engine.members("engaged-texas-clients")).isEmpty();

        assertThat(engine.advanceTo(opened)).containsExactly(
                new MembershipChange(opened, Kind.ENTERED, "engaged-texas-clients", "c-1"));
        Instant exit = opened.plus(Duration.ofDays(7));
        assertThat(engine.advanceTo(exit.minusMillis(1))).isEmpty();
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1");
        assertThat(engine.advanceTo(exit.plus(Duration.ofDays(30)))).containsExactly(
                new MembershipChange(exit, Kind.EXITED, "engaged-texas-clients", "c-1"));
    }

    @Test
    void aMembershipWithTwoJustificationsStaysUntilBothStop() {
        start(SEED);
        engine.upsert(contact("c-1").state("TX").addTag("Active Client").lastEmailOpenedAt(at(T0)).build());
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1");

        assertThat(engine.upsert(contact("c-1").state("CA").addTag("Active Client").lastEmailOpenedAt(at(T0)).build()))
                .isEmpty();
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1");

        assertThat(engine.upsert(contact("c-1").state("CA").lastEmailOpenedAt(at(T0)).build())).containsExactly(
                new MembershipChange(T0, Kind.EXITED, "engaged-texas-clients", "c-1"));
    }

    @Test
    void memberOfFollowsTheReferencedSegmentAndNegationExcludesIt() {
        start(segment("texas", text("state", Operator.EQUALS, "TX")),
                segment("texas-vip", all(memberOf("texas"), tags(Operator.CONTAINS, "vip"))),
                segment("not-texas", not(memberOf("texas"))));
        engine.upsert(contact("c-1").state("TX").addTag("VIP").build());
        engine.upsert(contact("c-2").state("NY").addTag("vip").build());
        assertThat(engine.members("texas-vip")).containsExactly("c-1");
        assertThat(engine.members("not-texas")).containsExactly("c-2");

        engine.upsert(contact("c-1").state("NY").addTag("VIP").build());
        assertThat(engine.members("texas-vip")).isEmpty();
        assertThat(engine.members("not-texas")).containsExactly("c-1", "c-2");
    }

    @Test
    void aContactThatLeavesAndComesBackWithinOneStepReportsNothing() {
        // The "any" holds through both branches; switching which one holds is no net change.
        start(segment("either", any(text("state", Operator.EQUALS, "TX"), tags(Operator.CONTAINS, "vip"))));
        engine.upsert(contact("c-1").state("TX").build());
        assertThat(engine.upsert(contact("c-1").addTag("vip").build())).isEmpty();
    }

    @Test
    void activityCountsEventsInTheWindowAndDropsThemWhenTheyAge() {
        start(segment("active-openers", activity(EmailEventType.OPENED, "P30D", Operator.GTE, 2)),
                segment("quiet", activity(EmailEventType.OPENED, "P30D", Operator.LT, 1)));
        engine.upsert(contact("c-1").build());
        assertThat(engine.members("quiet")).containsExactly("c-1");
        engine.record(new EmailEvent("c-1", EmailEventType.OPENED, T0));
        engine.advanceTo(T0.plus(Duration.ofDays(1)));
        assertThat(engine.record(new EmailEvent("c-1", EmailEventType.OPENED, engine.now()))).containsExactly(
                new MembershipChange(engine.now(), Kind.ENTERED, "active-openers", "c-1"));
        assertThat(engine.contact("c-1").orElseThrow().lastEmailOpenedAt()).isEqualTo(at(engine.now()));

        List<MembershipChange> aging = engine.advanceTo(T0.plus(Duration.ofDays(60)));
        assertThat(aging).containsExactly(
                new MembershipChange(T0.plus(Duration.ofDays(30)), Kind.EXITED, "active-openers", "c-1"),
                new MembershipChange(T0.plus(Duration.ofDays(31)), Kind.ENTERED, "quiet", "c-1"));
    }

    @Test
    void deletingAContactEndsItsMemberships() {
        start(SEED);
        engine.upsert(contact("c-1").state("TX").build());
        assertThat(engine.delete("c-1")).containsExactly(
                new MembershipChange(T0, Kind.EXITED, "engaged-texas-clients", "c-1"));
        assertThat(engine.segmentsOf("c-1")).isEmpty();
        assertThatThrownBy(() -> engine.delete("c-1")).isInstanceOf(UnknownContactException.class);
    }

    @Test
    void anEventForAnUnknownContactIsRefused() {
        start(SEED);
        assertThatThrownBy(() -> engine.record(new EmailEvent("nobody", EmailEventType.OPENED, T0)))
                .isInstanceOf(UnknownContactException.class).hasMessageContaining("nobody");
    }

    @Test
    void valuesThatLookLikeCodeMatchOnlyThemselves() {
        String[] nasty = {"a\"b", "back\\slash", "new\nline", "$contact", "#{1+1}", "\" || true || \"", "@{x}",
                "'); drop", "a\u2028b", "tab\there", "caf\u00e9 \u00c9T\u00c9", "bell\u0007", "end\\"};
        List<SegmentDefinition> segments = new ArrayList<>();
        for (int i = 0; i < nasty.length; i++) {
            segments.add(segment("n" + i, text("custom." + nasty[i], Operator.EQUALS, nasty[i])));
        }
        start(segments.toArray(SegmentDefinition[]::new));
        for (int i = 0; i < nasty.length; i++) {
            engine.upsert(contact("c" + i).custom(nasty[i],
                    new dev.segments.contact.CustomValue.Text(nasty[i])).build());
        }
        engine.upsert(contact("plain").state("anything").build());
        for (int i = 0; i < nasty.length; i++) {
            assertThat(engine.members("n" + i)).as("segment for %s", nasty[i]).containsExactly("c" + i);
        }
    }

    @Test
    void changingRulesInPlaceEmitsOnlyTheNetDifference() {
        SegmentDefinition texas = segment("texas", text("state", Operator.EQUALS, "TX"));
        SegmentDefinition vip = segment("vip", tags(Operator.CONTAINS, "vip"));
        start(texas, vip);
        engine.upsert(contact("c-1").state("TX").addTag("vip").build());
        engine.upsert(contact("c-2").state("CA").build());

        SegmentDefinition westCoast = segment("texas", textList("state", Operator.IN, "TX", "CA"));
        List<MembershipChange> changes = engine.updateRules(RuleSources.of(List.of(westCoast, vip)));
        assertThat(changes).containsExactly(new MembershipChange(T0, Kind.ENTERED, "texas", "c-2"));

        assertThat(engine.updateRules(RuleSources.of(List.of(westCoast)))).containsExactly(
                new MembershipChange(T0, Kind.EXITED, "vip", "c-1"));
        assertThat(engine.counts()).containsExactly(java.util.Map.entry("texas", 2));
    }

    @Test
    void aRuleChangeThatDoesNotCompileIsRefusedAndTheRunningRulesStay() {
        start(SEED);
        engine.upsert(contact("c-1").state("TX").build());
        RuleSources broken = new RuleSources(List.of(SEED),
                List.of(new DrlFile("rules/broken.drl", "package x;\nrule \"b\" when\n  Nope( ) then end\n")));
        assertThatThrownBy(() -> engine.updateRules(broken)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules/broken.drl:3");
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1");
        engine.upsert(contact("c-2").state("TX").build());
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1", "c-2");
    }

    @Test
    void aHandWrittenDrlSegmentBehavesLikeAGeneratedOne() {
        DrlFile bigSpenders = new DrlFile("rules/big-spenders.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "big-spenders"
                when
                    $c : Contact( customNumber["lifetimeValue"] >= 1000 )
                then
                    insertLogical(new SegmentMembership("big-spenders", $c.getId()));
                end
                """);
        engine = SegmentEngine.start(new RuleSources(List.of(segment("vip-spenders",
                all(memberOf("big-spenders"), tags(Operator.CONTAINS, "vip")))), List.of(bigSpenders)),
                options());
        engine.upsert(contact("c-1").addTag("vip")
                .custom("lifetimeValue", new dev.segments.contact.CustomValue.Number(new java.math.BigDecimal(1500)))
                .build());
        assertThat(engine.segmentsOf("c-1")).containsExactly("big-spenders", "vip-spenders");
        assertThat(engine.counts()).containsOnlyKeys("big-spenders", "vip-spenders");
    }

    @Test
    void anUpdateOfOneFieldReEvaluatesOnlyTheRulesThatReadIt() {
        start(segment("texas", text("state", Operator.EQUALS, "TX")), segment("vip", tags(Operator.CONTAINS, "vip")));
        engine.upsert(contact("c-1").state("TX").build());
        assertThat(engine.ruleFirings()).containsExactly(java.util.Map.entry("texas", 1L));

        engine.upsert(contact("c-1").state("TX").addTag("vip").build());
        engine.upsert(contact("c-1").state("TX").addTag("vip").firstName("Ann").build());
        assertThat(engine.ruleFirings()).containsOnly(java.util.Map.entry("texas", 1L), java.util.Map.entry("vip", 1L));
    }

    @Test
    void firingsOfARuleReplacedInPlaceCountWithItsNewVersionAndStayAfterItGoes() {
        start(segment("texas", text("state", Operator.EQUALS, "TX")), segment("vip", tags(Operator.CONTAINS, "vip")));
        engine.upsert(contact("c-1").state("TX").build());
        engine.upsert(contact("c-2").state("CA").build());

        engine.updateRules(RuleSources.of(List.of(segment("texas", textList("state", Operator.IN, "TX", "CA")),
                segment("vip", tags(Operator.CONTAINS, "vip")))));
        assertThat(engine.ruleFirings()).as("the old version fired once, the new one for both contacts")
                .isEqualTo(Map.of("texas", 3L));

        engine.upsert(contact("c-1").state("TX").addTag("vip").build());
        engine.updateRules(RuleSources.of(List.of(segment("texas", textList("state", Operator.IN, "TX", "CA")))));
        assertThat(engine.ruleFirings()).isEqualTo(Map.of("texas", 3L, "vip", 1L));
    }

    @Test
    void textOperatorsAndMatchesReEvaluateOnlyWhenTheirFieldChanges() {
        walk = ContactWalk.DROOLS; // whose update fires again every match of a rule reading what changed
        start(segment("gmail", text("email", Operator.CONTAINS, "@gmail.")),
                segment("not-info", not(text("email", Operator.STARTS_WITH, "info@"))),
                segment("dot-com", text("email", Operator.ENDS_WITH, ".com")),
                segment("austin", text("city", Operator.MATCHES, "^Aus")));
        ContactData ann = contact("c-1").email("ann@gmail.com").city("Austin").build();
        engine.upsert(ann);
        Map<String, Long> fired = Map.of("gmail", 1L, "not-info", 1L, "dot-com", 1L, "austin", 1L);
        assertThat(engine.ruleFirings()).isEqualTo(fired);

        engine.upsert(ann.toBuilder().addTag("vip").dnd(true).build());
        assertThat(engine.ruleFirings()).as("no rule reads what changed").isEqualTo(fired);

        engine.upsert(ann.toBuilder().addTag("vip").dnd(true).firstName("Ann").build());
        assertThat(engine.ruleFirings()).as("matches reads the text as written, which has one property")
                .isEqualTo(Map.of("gmail", 1L, "not-info", 1L, "dot-com", 1L, "austin", 2L));

        engine.upsert(ann.toBuilder().addTag("vip").dnd(true).firstName("Ann").email("ann@gmail.org").build());
        assertThat(engine.ruleFirings()).as("the email changed")
                .isEqualTo(Map.of("gmail", 2L, "not-info", 2L, "dot-com", 1L, "austin", 3L));
    }

    @Test
    void theTargetedWalkFiresARuleOnlyWhenItsMatchComes() {
        start(segment("gmail", text("email", Operator.CONTAINS, "@gmail.")),
                segment("dot-com", text("email", Operator.ENDS_WITH, ".com")),
                segment("austin", text("city", Operator.MATCHES, "^Aus")));
        ContactData ann = contact("c-1").email("ann@gmail.com").city("Austin").build();
        engine.upsert(ann);
        Map<String, Long> fired = Map.of("gmail", 1L, "dot-com", 1L, "austin", 1L);

        assertThat(engine.upsert(ann.toBuilder().firstName("Ann").build())).isEmpty();
        assertThat(engine.ruleFirings()).as("every match still holds").isEqualTo(fired);
        assertThat(engine.upsert(ann.toBuilder().email("ann@gmail.org").build()))
                .containsExactly(new MembershipChange(T0, Kind.EXITED, "dot-com", "c-1"));
        assertThat(engine.ruleFirings()).as("a match that went fires nothing").isEqualTo(fired);
        assertThat(engine.upsert(ann.toBuilder().email("ann@yahoo.com").build())).containsExactlyInAnyOrder(
                new MembershipChange(T0, Kind.EXITED, "gmail", "c-1"),
                new MembershipChange(T0, Kind.ENTERED, "dot-com", "c-1"));
        assertThat(engine.ruleFirings()).isEqualTo(Map.of("gmail", 1L, "dot-com", 2L, "austin", 1L));
        assertThat(engine.segmentsOf("c-1")).containsExactly("austin", "dot-com");
    }

    @Test
    void aTagChangeReEvaluatesOnlyTheRulesReadingTheTagsOfItsPart() {
        walk = ContactWalk.DROOLS; // whose update fires again every match of a rule reading what changed
        List<String> tags = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "tag-" + i).toList();
        String vip = tags.get(0);
        List<String> samePart = tags.stream().skip(1)
                .filter(t -> dev.segments.drl.PropertyParts.tags(t).equals(dev.segments.drl.PropertyParts.tags(vip)))
                .limit(2).toList();
        String otherPart = tags.stream()
                .filter(t -> !dev.segments.drl.PropertyParts.tags(t).equals(dev.segments.drl.PropertyParts.tags(vip)))
                .findFirst().orElseThrow();
        start(segment("vip", tags(Operator.CONTAINS, vip)), segment("not-other", tags(Operator.NOT_CONTAINS, otherPart)),
                segment("same", tags(Operator.CONTAINS, samePart.get(0))));
        engine.upsert(contact("c-1").addTag(vip).build());
        assertThat(engine.ruleFirings()).containsOnly(java.util.Map.entry("vip", 1L), java.util.Map.entry("not-other", 1L));

        engine.upsert(contact("c-1").addTag(vip).addTag(samePart.get(0)).build());
        assertThat(engine.ruleFirings()).as("a tag of vip's part re-evaluates the rules of that part only")
                .containsOnly(java.util.Map.entry("vip", 2L), java.util.Map.entry("not-other", 1L),
                        java.util.Map.entry("same", 1L));

        engine.upsert(contact("c-1").addTag(vip).addTag(samePart.get(0)).addTag(samePart.get(1)).build());
        assertThat(engine.ruleFirings()).as("a tag of that part that no rule reads re-evaluates none")
                .containsOnly(java.util.Map.entry("vip", 2L), java.util.Map.entry("not-other", 1L),
                        java.util.Map.entry("same", 1L));

        List<MembershipChange> changes = engine.upsert(contact("c-1").addTag(vip).addTag(samePart.get(0))
                .addTag(samePart.get(1)).addTag(otherPart).build());
        assertThat(changes).extracting(MembershipChange::segmentId).containsExactly("not-other");
        assertThat(engine.segmentsOf("c-1")).containsExactly("same", "vip");
        assertThat(engine.ruleFirings()).containsOnly(java.util.Map.entry("vip", 2L), java.util.Map.entry("not-other", 1L),
                java.util.Map.entry("same", 1L));
    }

    @Test
    void aChangeNoRuleReadsStillReachesTheRulesThatComeLater() {
        start(segment("vip", tags(Operator.CONTAINS, "vip")));
        engine.upsert(contact("c-1").addTag("vip").build());
        Map<String, Long> fired = engine.ruleFirings();

        assertThat(engine.upsert(contact("c-1").addTag("vip").addTag("webinar").dnd(true).build())).isEmpty();
        assertThat(engine.ruleFirings()).as("no rule reads the tag or dnd").isEqualTo(fired);

        List<MembershipChange> changes = engine.updateRules(RuleSources.of(List.of(segment("vip", tags(Operator.CONTAINS,
                "vip")), segment("webinar", tags(Operator.CONTAINS, "webinar")), segment("dnd", bool("dnd", Operator.EQUALS, true)))));
        assertThat(changes).extracting(MembershipChange::segmentId).containsExactlyInAnyOrder("webinar", "dnd");
        engine.upsert(contact("c-1").addTag("vip").dnd(true).build());
        assertThat(engine.segmentsOf("c-1")).as("the rules now read the tag").containsExactly("dnd", "vip");
    }

    @Test
    void aHandWrittenRuleReadingATagPartHearsItsTagsThoughNoGeneratedRuleReadsThem() {
        String part = dev.segments.drl.PropertyParts.tags("webinar");
        DrlFile byPart = new DrlFile("rules/by-part.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "webinar-by-part" when $c : Contact( %s.contains("webinar") )
                then insertLogical(new SegmentMembership("webinar-by-part", $c.getId())); end
                """.formatted(part));
        engine = SegmentEngine.start(new RuleSources(List.of(segment("vip", tags(Operator.CONTAINS, "vip"))),
                List.of(byPart)), options());
        engine.upsert(contact("c-1").addTag("vip").build());
        assertThat(engine.upsert(contact("c-1").addTag("vip").addTag("webinar").build()))
                .extracting(MembershipChange::segmentId).containsExactly("webinar-by-part");
    }

    @Test
    void aHandWrittenRuleReadingEveryTagHearsEveryTagChange() {
        DrlFile manyTags = new DrlFile("rules/many-tags.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "many-tags" when $c : Contact( tags.size() >= 2 )
                then insertLogical(new SegmentMembership("many-tags", $c.getId())); end
                """);
        engine = SegmentEngine.start(new RuleSources(List.of(segment("vip", tags(Operator.CONTAINS, "vip"))),
                List.of(manyTags)), options());
        engine.upsert(contact("c-1").addTag("vip").build());
        assertThat(engine.upsert(contact("c-1").addTag("vip").addTag("webinar").build()))
                .extracting(MembershipChange::segmentId).containsExactly("many-tags");
        assertThat(engine.upsert(contact("c-1").addTag("webinar").build()))
                .extracting(MembershipChange::segmentId).containsExactlyInAnyOrder("many-tags", "vip");
    }

    @Test
    void matchesIsCaseSensitiveAndFollowsChangesOfItsField() {
        start(segment("austin-like", text("city", Operator.MATCHES, "^Aus")),
                segment("any-case", text("city", Operator.MATCHES, "(?i)^aus")));
        engine.upsert(contact("c-1").city(" Austin ").build());
        engine.upsert(contact("c-2").city("austin").build());
        assertThat(engine.members("austin-like")).containsExactly("c-1");
        assertThat(engine.members("any-case")).containsExactly("c-1", "c-2");

        engine.upsert(contact("c-1").city("Dallas").build());
        engine.upsert(contact("c-2").city("Austin").build());
        assertThat(engine.members("austin-like")).containsExactly("c-2");
    }

    @Test
    void startsWithAndEndsWithDoNotHoldForAnAbsentValue() {
        start(segment("le", text("lastName", Operator.STARTS_WITH, "Le")),
                segment("not-son", not(text("lastName", Operator.ENDS_WITH, "son"))));
        engine.upsert(contact("c-1").build());
        engine.upsert(contact("c-2").lastName(" Lee").build());
        engine.upsert(contact("c-3").lastName("Jackson").build());
        assertThat(engine.members("le")).containsExactly("c-2");
        assertThat(engine.members("not-son")).containsExactly("c-1", "c-2");
    }

    @Test
    void anUpsertOfAnEqualContactReEvaluatesNothing() {
        DrlFile readsData = new DrlFile("rules/reads-data.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "written" when $c : Contact( data != null )
                then insertLogical(new SegmentMembership("written", $c.getId())); end
                """);
        engine = SegmentEngine.start(new RuleSources(List.of(SEED), List.of(readsData)), options());
        engine.upsert(contact("c-1").state("TX").addTag("vip").build());
        Map<String, Long> fired = engine.ruleFirings();

        assertThat(engine.upsert(contact("c-1").state("TX").addTag("vip").build())).isEmpty();
        assertThat(engine.ruleFirings()).as("an equal copy is no change").isEqualTo(fired);
        engine.upsert(contact("c-1").state("TX").addTag("vip").firstName("Ann").build());
        assertThat(engine.ruleFirings().get("written")).isEqualTo(fired.get("written") + 1);
    }

    @Test
    void aWriteThatFailsInARuleLeavesNothingHalfApplied() {
        DrlFile exploding = new DrlFile("rules/exploding.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                rule "refuses state boom"
                when
                    Contact( state == "boom" )
                then
                    throw new IllegalStateException("boom");
                end
                """);
        engine = SegmentEngine.start(new RuleSources(List.of(SEED), List.of(exploding)), options());
        engine.addListener(heard::addAll);
        engine.upsert(contact("c-1").state("TX").build());
        heard.clear();

        assertThatThrownBy(() -> engine.upsert(contact("c-2").state("boom").build())).hasRootCauseMessage("boom");
        assertThatThrownBy(() -> engine.upsert(contact("c-1").state("boom").build())).hasRootCauseMessage("boom");
        assertThat(engine.contact("c-2")).isEmpty();
        assertThat(engine.contact("c-1").orElseThrow().state()).isEqualTo("TX");
        assertThat(engine.members("engaged-texas-clients")).containsExactly("c-1");

        assertThat(engine.upsert(contact("c-3").state("TX").build())).containsExactly(
                new MembershipChange(T0, Kind.ENTERED, "engaged-texas-clients", "c-3"));
        assertThat(engine.upsert(contact("c-1").state("CA").build())).containsExactly(
                new MembershipChange(T0, Kind.EXITED, "engaged-texas-clients", "c-1"));
        assertThat(heard).hasSize(2);
    }

    @Test
    void aWriteThatFailsLeavesTheContactsNextTimeChangeScheduled() {
        DrlFile exploding = new DrlFile("rules/exploding.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                rule "refuses state boom" when Contact( state == "boom" )
                then throw new IllegalStateException("boom"); end
                """);
        engine = SegmentEngine.start(new RuleSources(List.of(segment("recent-openers",
                activity(EmailEventType.OPENED, "P7D", Operator.GTE, 1))), List.of(exploding)), options());
        engine.upsert(contact("c-1").build());
        engine.record(new EmailEvent("c-1", EmailEventType.OPENED, T0));
        assertThat(engine.nextTimeChange()).contains(T0.plus(Duration.ofDays(7)));

        assertThatThrownBy(() -> engine.upsert(contact("c-1").state("boom").build())).hasRootCauseMessage("boom");
        assertThat(engine.nextTimeChange()).contains(T0.plus(Duration.ofDays(7)));
        assertThat(engine.advanceTo(T0.plus(Duration.ofDays(8)))).containsExactly(
                new MembershipChange(T0.plus(Duration.ofDays(7)), Kind.EXITED, "recent-openers", "c-1"));
    }

    @Test
    void theClockHasMillisecondResolution() {
        start(SEED);
        engine.advanceTo(T0.plusNanos(1_500_000));
        assertThat(engine.now()).isEqualTo(T0.plusMillis(1));
        assertThat(EngineOptions.startingAt(T0.plusNanos(999_999)).start()).isEqualTo(T0);
    }

    @Test
    void aRuleChangeThatFailsWhileFiringIsRolledBack() {
        start(SEED);
        engine.upsert(contact("c-1").state("TX").build());
        DrlFile exploding = new DrlFile("rules/exploding.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "texans explode" when $c : Contact( state == "tx" )
                then throw new IllegalStateException("boom"); end
                rule "everyone" when $c : Contact( ) then insertLogical(new SegmentMembership("everyone", $c.getId())); end
                """);
        assertThatThrownBy(() -> engine.updateRules(new RuleSources(List.of(SEED), List.of(exploding))))
                .hasRootCauseMessage("boom");
        assertThat(engine.segmentIds()).containsExactly("engaged-texas-clients");
        assertThat(engine.upsert(contact("c-2").state("TX").build())).containsExactly(
                new MembershipChange(T0, Kind.ENTERED, "engaged-texas-clients", "c-2"));
    }
}
