package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.conf.DeclarativeAgendaOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;

/**
 * {@link LeanMatches} makes the matches of every session in the JVM, so a session with Drools' declarative agenda,
 * which the engine never builds, still blocks and unblocks matches: {@link LeanMatch} makes room for the blocking
 * lists when they are used, and {@link LeanMatchHelpers} blocks and unblocks it.
 */
class LeanMatchBlockingTest {

    private static final String RULES = """
            package blocking;
            import org.kie.api.runtime.rule.Match;
            global java.util.List fired;

            rule "blocker" @Direct
            when
                $match : Match( rule.name == "blocked" )
                String( this == "block" )
            then
                kcontext.blockMatch( $match );
            end

            rule "unblocker" @Direct
            when
                $match : Match( rule.name == "blocked" )
                $unblock : String( this == "unblock" )
            then
                kcontext.unblockAllMatches( $match );
                delete( $unblock );
            end

            rule "blocked"
            when
                $n : Integer()
            then
                fired.add( $n );
            end
            """;

    private final KieSession session = new KieHelper().addContent(RULES, ResourceType.DRL)
            .build(DeclarativeAgendaOption.ENABLED).newKieSession();
    private final List<Object> fired = new ArrayList<>();

    @AfterEach
    void close() {
        session.dispose();
    }

    @Test
    void aBlockedMatchFiresOnceItsBlockerGoes() {
        session.setGlobal("fired", fired);
        FactHandle block = session.insert("block");
        session.insert(1);
        session.fireAllRules();
        assertThat(fired).as("blocked").isEmpty();

        session.delete(block);
        session.fireAllRules();
        assertThat(fired).as("unblocked").containsExactly(1);
    }

    @Test
    void aRuleCanUnblockAMatch() {
        session.setGlobal("fired", fired);
        session.insert("block");
        session.insert(2);
        session.fireAllRules();
        assertThat(fired).as("blocked").isEmpty();

        session.insert("unblock");
        session.fireAllRules(100);
        assertThat(fired).as("unblocked").containsExactly(2);
    }
}
