package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which hand-written files a change makes in place, and which in a session started afresh. */
class InPlaceRuleChangesTest {

    final RuleCompiler compiler = SegmentEngine.compilerFor(EngineOptions.startingAt(java.time.Instant.EPOCH));
    CompiledRules compiled;

    @AfterEach
    void discard() {
        compiler.discard(compiled.releaseId());
    }

    @ParameterizedTest(name = "{0}: in place {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $c : Contact( state == "tx" )                                                           | true
            $m : SegmentMembership( segmentId == "a" ) $c : Contact( id == $m.contactId )           | false
            $c : Contact( ) SegmentMembership( segmentId == "a", contactId == $c.id )               | true
            $c : Contact( ) not SegmentMembership( segmentId == "a", contactId == $c.id )           | true
            $c : Contact( ) exists SegmentMembership( segmentId == "a", contactId == $c.id )        | false
            $c : Contact( ) not ( SegmentMembership( segmentId == "a" ) and SegmentMembership( ) )  | false
            $c : Contact( ) not Contact( id != $c.id, email == $c.email )                           | false
            $c : Contact( ) eval( $c.getId().length() > 3 )                                         | false
            $c : Contact( state == "tx" ) or $c : Contact( state == "ca" )                          | false
            $c : Contact( ) Number( ) from accumulate( SegmentMembership( ), count( 1 ) )            | false
            """)
    void aFileIsChangedInPlaceOnlyWithConditionsDroolsChangesRight(String when, boolean inPlace) {
        compiled = compiler.compile(new RuleSources(List.of(), List.of(new DrlFile("rules/r.drl", """
                package segments.handwritten;
                import dev.segments.engine.Contact;
                import dev.segments.engine.SegmentMembership;
                rule "r" when %s then insertLogical(new SegmentMembership("r", $c.getId())); end
                """.formatted(when)))));

        assertThat(compiled.module().afreshPaths().isEmpty()).isEqualTo(inPlace);
    }
}
