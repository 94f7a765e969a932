package dev.segments.engine;

import static dev.segments.engine.Definitions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.definition.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedSegmentsTest {

    static ObservedSegments observedIn(String drl) {
        return ObservedSegments.in(List.of(), List.of(new DrlFile("rules/x.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                """ + drl)));
    }

    @Test
    void memberOfTargetsAreObservedWhereverTheyAreNested() {
        ObservedSegments observed = ObservedSegments.in(List.of(
                segment("a", any(text("state", Operator.EQUALS, "TX"), not(all(memberOf("b"), memberOf("c"))))),
                segment("b", text("state", Operator.EQUALS, "CA")),
                segment("c", memberOf("b"))), List.of());
        assertThat(observed).isEqualTo(new ObservedSegments(false, java.util.Set.of("b", "c")));
    }

    @Test
    void aLiteralSegmentIdInAPatternObservesThatSegment() {
        assertThat(observedIn("""
                rule "r" when SegmentMembership( segmentId == "vip", $id : contactId ) then end
                """)).isEqualTo(new ObservedSegments(false, java.util.Set.of("vip")));
        assertThat(observedIn("""
                rule "r" when dev.segments.engine.SegmentMembership( "gold" == segmentId ) then end
                """).ids()).containsExactly("gold");
    }

    @Test
    void patternsNestedInAnyConditionalElementAreFound() {
        ObservedSegments observed = observedIn("""
                rule "not" when $c : Contact( ) not SegmentMembership( segmentId == "a", contactId == $c.id ) then end
                rule "exists" when exists( SegmentMembership( segmentId == "b" ) ) then end
                rule "or" when ( SegmentMembership( segmentId == "c" ) or Contact( state == "tx" ) ) then end
                rule "forall" when forall( SegmentMembership( segmentId == "d" ) ) then end
                rule "accumulate" when $n : Number( ) from accumulate(
                        SegmentMembership( segmentId == "e" ), count( 1 ) ) then end
                rule "collect" when $l : java.util.List( ) from collect( SegmentMembership( segmentId == "f" ) ) then end
                rule "from" when $l : java.util.List( ) $m : SegmentMembership( segmentId == "g" ) from $l then end
                rule "nested" when $c : Contact( ) not( exists( SegmentMembership( segmentId == "h" ) )
                        and Contact( ) ) then end
                query "members" SegmentMembership( segmentId == "i" ) end
                """);
        assertThat(observed.all()).isFalse();
        assertThat(observed.ids()).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h", "i");
    }

    @Test
    void aPatternWithoutALiteralSegmentObservesEverySegment() {
        assertThat(observedIn("""
                rule "r" when SegmentMembership( contactId == "c-1" ) then end
                """).all()).isTrue();
        assertThat(observedIn("""
                rule "r" when SegmentMembership( segmentId == "a" || segmentId == "b" ) then end
                """).all()).isTrue();
        assertThat(observedIn("""
                rule "r" when $o : Object( ) then end
                """).all()).isTrue();
    }

    @Test
    void rulesThatOnlyInsertMembershipsObserveNothing() {
        ObservedSegments observed = observedIn("""
                rule "big" when $c : Contact( ) then insertLogical(new SegmentMembership("big", $c.getId())); end
                """);
        assertThat(observed).isEqualTo(new ObservedSegments(false, java.util.Set.of()));
    }
}
