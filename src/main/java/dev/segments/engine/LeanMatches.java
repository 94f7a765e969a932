package dev.segments.engine;

import org.drools.core.common.InternalAgendaGroup;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.PropagationContext;
import org.drools.core.phreak.RuleAgendaItem;
import org.drools.core.reteoo.AgendaComponentFactory;
import org.drools.core.reteoo.LeftTuple;
import org.drools.core.reteoo.PathMemory;
import org.drools.core.reteoo.RuleTerminalNode;
import org.drools.core.reteoo.RuleTerminalNodeLeftTuple;
import org.drools.core.reteoo.Sink;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleImpl;
import org.drools.tms.TruthMaintenanceSystemAgendaComponentFactory;

/**
 * Drools' matches without the truth-maintenance fields where no rule needs them: a generated rule kept from its
 * matches ({@link MatchedMemberships#keptFromMatches}) inserts nothing, so its matches never justify a fact. With
 * {@code drools-tms} present, Drools makes every match a {@code TruthMaintenanceSystemRuleTerminalNodeLeftTuple},
 * 160 bytes, whose three lists of logical dependencies such a rule never fills; its plain {@link
 * RuleTerminalNodeLeftTuple} is 152. A match is most of a membership's memory, and at 500 segments nine in ten
 * memberships are kept from matches.
 *
 * <p>Drools finds its factory of matches once per JVM, the one of highest priority ({@code META-INF/services});
 * this one outranks drools-tms' and gives every other rule, hand-written or keeping facts, the truth-maintenance
 * match it would have had. Firing a plain match needs {@link LeanMatchHelpers} once truth maintenance is on.
 */
public final class LeanMatches implements AgendaComponentFactory {

    private final AgendaComponentFactory truthMaintained = new TruthMaintenanceSystemAgendaComponentFactory();

    @Override
    public int servicePriority() {
        return 1;
    }

    private static boolean plain(Sink sink) {
        return sink instanceof RuleTerminalNode terminal && MatchedMemberships.keptFromMatches(terminal.getRule());
    }

    @Override
    public LeftTuple createTerminalTuple() {
        return truthMaintained.createTerminalTuple();
    }

    @Override
    public LeftTuple createTerminalTuple(InternalFactHandle handle, Sink sink, boolean leftTupleMemoryEnabled) {
        return plain(sink) ? new RuleTerminalNodeLeftTuple(handle, sink, leftTupleMemoryEnabled)
                : truthMaintained.createTerminalTuple(handle, sink, leftTupleMemoryEnabled);
    }

    @Override
    public LeftTuple createTerminalTuple(InternalFactHandle handle, TupleImpl leftTuple, Sink sink) {
        return plain(sink) ? new RuleTerminalNodeLeftTuple(handle, leftTuple, sink)
                : truthMaintained.createTerminalTuple(handle, leftTuple, sink);
    }

    @Override
    public LeftTuple createTerminalTuple(TupleImpl leftTuple, Sink sink, PropagationContext context,
            boolean leftTupleMemoryEnabled) {
        return plain(sink) ? new RuleTerminalNodeLeftTuple(leftTuple, sink, context, leftTupleMemoryEnabled)
                : truthMaintained.createTerminalTuple(leftTuple, sink, context, leftTupleMemoryEnabled);
    }

    @Override
    public LeftTuple createTerminalTuple(TupleImpl leftTuple, TupleImpl rightTuple, Sink sink) {
        return plain(sink) ? new RuleTerminalNodeLeftTuple(leftTuple, rightTuple, sink)
                : truthMaintained.createTerminalTuple(leftTuple, rightTuple, sink);
    }

    @Override
    public LeftTuple createTerminalTuple(TupleImpl leftTuple, TupleImpl rightTuple, TupleImpl currentLeftChild,
            TupleImpl currentRightChild, Sink sink, boolean leftTupleMemoryEnabled) {
        return plain(sink)
                ? new RuleTerminalNodeLeftTuple(leftTuple, rightTuple, currentLeftChild, currentRightChild, sink,
                        leftTupleMemoryEnabled)
                : truthMaintained.createTerminalTuple(leftTuple, rightTuple, currentLeftChild, currentRightChild, sink,
                        leftTupleMemoryEnabled);
    }

    @Override
    public RuleAgendaItem createAgendaItem(int salience, PathMemory memory, TerminalNode terminal,
            boolean declarativeAgendaEnabled, InternalAgendaGroup agendaGroup) {
        return truthMaintained.createAgendaItem(salience, memory, terminal, declarativeAgendaEnabled, agendaGroup);
    }
}
