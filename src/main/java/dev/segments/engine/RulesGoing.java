package dev.segments.engine;

import com.carrotsearch.hppc.BitSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.core.common.BaseNode;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.phreak.BuildtimeSegmentUtilities;
import org.drools.core.phreak.RuleExecutor;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.PathMemory;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleImpl;

/**
 * The part of the network that taking some rules out touches: the inputs associated with them, as Drools tells them,
 * the nodes right under those inputs, the fact types Drools walks, and what tells the facts holding matches of the
 * inputs: the constraints above them, or the contacts whose matches of the rules fired.
 */
final class RulesGoing {

    private final List<TerminalNode> terminals;
    private final List<LeftInputAdapterNode> inputs;

    private RulesGoing(List<TerminalNode> terminals, List<LeftInputAdapterNode> inputs) {
        this.terminals = terminals;
        this.inputs = inputs;
    }

    static RulesGoing in(InternalRuleBase base, List<TerminalNode> terminals) {
        List<LeftInputAdapterNode> inputs = new ArrayList<>();
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectTypeNode type : base.getRete().getObjectTypeNodes()) {
            collectInputs(type, terminals, inputs, visited);
        }
        return new RulesGoing(List.copyOf(terminals), inputs);
    }

    /**
     * The nodes right under the inputs. Drools asks of a match whether its input is associated with the rule; a match
     * on a fact's list was made by an input and names one of that input's nodes as its sink, so comparing the sink with
     * these few nodes answers the same question without a lookup: with a lookup per match the walk no longer
     * overlapped its waits for memory and took three times as long.
     */
    Object[] sinks() {
        List<Object> sinks = new ArrayList<>();
        for (LeftInputAdapterNode input : inputs) {
            sinks.addAll(List.of(input.getSinkPropagator().getSinks()));
        }
        return sinks.toArray();
    }

    /** The fact types whose facts Drools walks to remove the rules: those of rules fed directly by their input. */
    Set<ObjectTypeNode> walkedTypes() {
        Set<ObjectTypeNode> types = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TerminalNode terminal : terminals) {
            if (terminal.getPathNodes()[0] instanceof LeftInputAdapterNode input) {
                BaseNode source = input.getObjectSource();
                while (!(source instanceof ObjectTypeNode)) {
                    source = source.getParent();
                }
                types.add((ObjectTypeNode) source);
            }
        }
        return types;
    }

    /** The constraints above each input, or empty if an input has something else above it. */
    Optional<List<InputConstraints>> constraintsAboveInputs() {
        List<InputConstraints> constraints = new ArrayList<>();
        for (LeftInputAdapterNode input : inputs) {
            Optional<InputConstraints> above = InputConstraints.above(input);
            if (above.isEmpty()) {
                return Optional.empty();
            }
            constraints.add(above.get());
        }
        return Optional.of(constraints);
    }

    /**
     * The contacts that may hold a match of an input, from the contacts holding a fired match of each rule going:
     * exact when each rule is fed straight by its input, so that a contact passing the input's constraints matches
     * the rule, and every match of the session has fired. Empty if a rule has other nodes between (a join, a
     * {@code not}) or the engine does not keep its matches.
     */
    Optional<BitSet> contactsHoldingInputs(MatchedContacts matched) {
        BitSet holding = new BitSet();
        for (TerminalNode terminal : terminals) {
            if (!(terminal.getLeftTupleSource() instanceof LeftInputAdapterNode)) {
                return Optional.empty();
            }
            Optional<BitSet> contacts = matched.of(terminal.getRule());
            if (contacts.isEmpty()) {
                return Optional.empty();
            }
            holding.union(contacts.get());
        }
        return Optional.of(holding);
    }

    /**
     * The rules' matches, when each rule going has an input of its own that feeds it directly: then the one entry that
     * input makes in a fact's list is the fact's match of the rule, and the rule's fired matches are all of them (every
     * match of the session has fired). Drools keeps a rule's fired matches in a list of their own, so the facts' lists
     * need not be walked to find them. Empty if an input feeds other nodes too, or a rule has matches not yet fired.
     */
    Optional<List<TupleImpl>> matchesOnOwnInputs(InternalWorkingMemory session) {
        List<TupleImpl> matches = new ArrayList<>();
        for (TerminalNode terminal : terminals) {
            if (!(terminal.getLeftTupleSource() instanceof LeftInputAdapterNode input)
                    || input.getSinkPropagator().size() != 1) {
                return Optional.empty();
            }
            if (!(session.getNodeMemories().peekNodeMemory(terminal) instanceof PathMemory path)
                    || path.getRuleAgendaItem() == null) {
                continue; // never linked: no matches
            }
            RuleExecutor executor = path.getRuleAgendaItem().getRuleExecutor();
            if (executor.isDirty() || !executor.getActiveMatches().isEmpty()) {
                return Optional.empty(); // matches not yet made, or made and not yet fired
            }
            for (TupleImpl match = executor.getDormantMatches().getFirst(); match != null; match = match.getNext()) {
                matches.add(match);
            }
        }
        return Optional.of(matches);
    }

    private static void collectInputs(ObjectSource source, List<TerminalNode> terminals,
            List<LeftInputAdapterNode> inputs, Set<Object> visited) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (!visited.add(sink)) {
                continue;
            }
            if (sink instanceof LeftInputAdapterNode input) {
                if (terminals.stream().anyMatch(terminal -> BuildtimeSegmentUtilities.isAssociatedWith(input,
                        terminal))) {
                    inputs.add(input);
                }
            } else if (sink instanceof ObjectSource below) {
                collectInputs(below, terminals, inputs, visited);
            }
        }
    }
}
