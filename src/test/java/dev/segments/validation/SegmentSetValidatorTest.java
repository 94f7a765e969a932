package dev.segments.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.segments.definition.Condition;
import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentSetValidatorTest {

    @Test
    void acceptsSegmentsThatReferToEachOtherWithoutACycle() {
        List<SegmentDefinition> diamond = List.of(
                segment("top", all(ref("top", "left"), ref("top", "right"))),
                segment("left", ref("left", "base")),
                segment("right", not(ref("right", "base"))),
                segment("base", all()));

        assertThat(SegmentSetValidator.validate(diamond)).isEmpty();
    }

    @Test
    void reportsEachLaterDuplicateNamingTheFirst() {
        List<SegmentDefinition> segments = List.of(segment("vip", all()), segment("vip", all()), segment("vip", all()));

        assertThat(SegmentSetValidator.validate(segments)).extracting(Issue::toString).containsExactly(
                "vip-2.json:1:8: duplicate segment id \"vip\": also defined at vip-1.json:1:8; give each segment its own id",
                "vip-3.json:1:8: duplicate segment id \"vip\": also defined at vip-1.json:1:8; give each segment its own id");
    }

    @Test
    void reportsAFileIdThatClashesWithAHandWrittenSegment() {
        Location drl = new Location("rules/big.drl", 3, 1);

        assertThat(SegmentSetValidator.validate(List.of(segment("big-spenders", all())), Map.of("big-spenders", drl)))
                .extracting(Issue::message).containsExactly("segment id \"big-spenders\" is also defined in "
                        + "hand-written DRL at rules/big.drl:3:1; rename one of them");
    }

    @Test
    void acceptsHandWrittenIdsGivenWithoutPlaces() {
        List<SegmentDefinition> segments = List.of(segment("fans", ref("fans", "big-spenders")));

        assertThat(SegmentSetValidator.validate(segments, Set.of("big-spenders"))).isEmpty();
        assertThat(SegmentSetValidator.validate(List.of(segment("big-spenders", all())), Set.of("big-spenders")))
                .extracting(Issue::message).containsExactly("segment id \"big-spenders\" is also defined in "
                        + "hand-written DRL; rename one of them");
    }

    @Test
    void reportsAnUnknownMemberOfWithTheClosestKnownId() {
        Condition.MemberOf typo = ref("fans", "big-spender");

        List<Issue> issues = SegmentSetValidator.validate(List.of(segment("fans", any(typo))),
                Map.of("big-spenders", new Location("rules/big.drl", 3, 1)));

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(typo.at());
            assertThat(i.message()).isEqualTo("memberOf unknown segment \"big-spender\" (did you mean "
                    + "\"big-spenders\"?); known segments are: big-spenders, fans");
        });
    }

    @Test
    void doesNotReportAMemberOfASegmentFileThatFailedToLoad() {
        List<SegmentDefinition> segments = List.of(segment("fans", ref("fans", "broken")));

        assertThat(SegmentSetValidator.validate(segments, Map.of(), Set.of("broken"))).isEmpty();
    }

    @Test
    void namesASegmentThatIsAMemberOfItself() {
        Condition.MemberOf self = ref("loop", "loop");

        assertThat(SegmentSetValidator.validate(List.of(segment("loop", not(self))))).singleElement()
                .satisfies(i -> {
                    assertThat(i.at()).isEqualTo(self.at());
                    assertThat(i.message()).isEqualTo("memberOf cycle: loop -> loop; a segment cannot depend on "
                            + "itself, remove one of these memberOf references");
                });
    }

    @Test
    void namesALongerCycleFromItsSmallestIdOnce() {
        Condition.MemberOf aToB = ref("a", "b");
        List<SegmentDefinition> segments = List.of(
                segment("c", ref("c", "a")),
                segment("b", all(ref("b", "c"), ref("b", "outside"))),
                segment("a", aToB),
                segment("outside", all()));

        assertThat(SegmentSetValidator.validate(segments)).singleElement().satisfies(i -> {
            assertThat(i.at()).isEqualTo(aToB.at());
            assertThat(i.message()).startsWith("memberOf cycle: a -> b -> c -> a;");
        });
    }

    @Test
    void reportsSeparateCyclesSeparately() {
        List<SegmentDefinition> segments = List.of(
                segment("a", ref("a", "b")), segment("b", ref("b", "a")),
                segment("x", ref("x", "y")), segment("y", ref("y", "x")));

        assertThat(SegmentSetValidator.validate(segments)).extracting(Issue::message)
                .satisfiesExactly(m -> assertThat(m).startsWith("memberOf cycle: a -> b -> a"),
                        m -> assertThat(m).startsWith("memberOf cycle: x -> y -> x"));
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        List<SegmentDefinition> segments = List.of(segment("a", ref("a", "nope")), segment("a", all()));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SegmentSetValidator.requireValid(segments, Map.of()));

        assertThat(e.issues()).hasSize(2);
    }

    @Test
    void findsMemberOfReferencesAtAnyDepth() {
        Condition tree = all(any(not(ref("s", "a"))), ref("s", "b"), all(any(ref("s", "c"))));

        assertThat(SegmentSetValidator.memberOfs(tree)).extracting(Condition.MemberOf::segmentId)
                .containsExactly("a", "b", "c");
    }

    /** How many segments with each id this test made: the n-th lives in {@code <id>-<n>.json}. */
    private final Map<String, Integer> made = new HashMap<>();

    private SegmentDefinition segment(String id, Condition match) {
        String file = id + "-" + made.merge(id, 1, Integer::sum) + ".json";
        return new SegmentDefinition(id, id, Optional.empty(), match, new Location(file, 1, 8));
    }

    private static Condition.MemberOf ref(String from, String to) {
        return new Condition.MemberOf(to, new Location(from + ".json", 2, to.length()));
    }

    private static Condition all(Condition... children) {
        return new Condition.All(Arrays.asList(children));
    }

    private static Condition any(Condition... children) {
        return new Condition.Any(Arrays.asList(children));
    }

    private static Condition not(Condition child) {
        return new Condition.Not(child);
    }
}
