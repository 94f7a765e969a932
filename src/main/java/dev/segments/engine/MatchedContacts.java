package dev.segments.engine;

import com.carrotsearch.hppc.BitSet;
import java.util.Optional;
import org.kie.api.definition.rule.Rule;

/**
 * The contacts, by ordinal, whose match of a rule has fired, where the engine keeps them ({@link MatchedMemberships}).
 */
@FunctionalInterface
interface MatchedContacts {

    /** The contacts whose match of the rule fired and still holds; empty if the engine does not keep the rule's. */
    Optional<BitSet> of(Rule rule);
}
