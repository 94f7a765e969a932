package dev.segments.engine;

import com.carrotsearch.hppc.LongObjectHashMap;
import dev.segments.drl.DrlGenerator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.PhreakPropagationContextFactory;
import org.drools.core.common.PropagationContext;
import org.drools.core.common.ReteEvaluator.InternalOperationType;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.common.SuperCacheFixer;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.phreak.PhreakRuleTerminalNode;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.AlphaTerminalNode;
import org.drools.core.reteoo.LeftInputAdapterNode.LiaNodeMemory;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeConf;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.PathMemory;
import org.drools.core.reteoo.RightInputAdapterNode;
import org.drools.core.reteoo.RuleTerminalNodeLeftTuple;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.drools.kiesession.entrypoints.NamedEntryPoint;
import org.drools.util.bitmask.AllSetBitMask;
import org.drools.util.bitmask.BitMask;
import org.drools.util.bitmask.EmptyBitMask;
import org.drools.util.bitmask.LongBitMask;
import org.kie.api.definition.rule.Rule;

/**
 * A contact's change passed only to the rule inputs it can affect, instead of Drools' walk by every alpha node and
 * rule input of the contact type.
 *
 * <p>Drools' update detaches the fact's list of matches and visits every input of the type to put each match back in
 * network order, re-evaluating the inputs whose properties changed and firing again every match that still holds; at
 * 500 segments that walk of some 550 inputs, each reading its match from memory, is most of a change whatever changed,
 * while a change reads 20–40 of them (docs/design.md, "Property reactivity"). Here:
 * <ul>
 *   <li>An input whose rules are all generated ({@link DrlGenerator#PACKAGE}) has a match exactly while its alpha
 *       constraints hold, and its rules read nothing else of the contact but its id (their later patterns join on
 *       it, their consequences insert it). The constraints that read a changed property are evaluated before the
 *       fact changes ({@link #before}) and after; only an input whose
 *       constraints went from holding to not, or back, is touched: its match deleted, or a new one inserted. A match
 *       that still holds is neither walked nor fired again.</li>
 *   <li>An input with a hand-written rule is handled as Drools' own walk would: the alpha constraints Drools would
 *       re-evaluate are evaluated, and the match is updated, inserted or deleted.</li>
 * </ul>
 * Every other match stays where it is in the fact's list. A new match is appended to it; the list puts itself back in
 * network order before Drools next reads it in that order ({@link MatchLists.Repaired}). A match that should be in the
 * list and is not means the network and the list disagree: the change is refused (and undone by the engine) rather
 * than leave a membership that no later change could end.
 *
 * <p>Anything this class does not model gets Drools' own update: a change that reaches a node other than an alpha
 * node or a rule input (a join's right input, from hand-written rules), a type with more than one node (a
 * hand-written pattern on a supertype), a network changed since the last walk, truth maintenance on contacts, a
 * change of unnamed properties. The update runs at once, after the session's queued propagations, as Drools runs its
 * own when nothing is queued.
 */
final class TargetedUpdates {

    private static final VarHandle DIRTY;

    static {
        try {
            DIRTY = MethodHandles.privateLookupIn(ObjectTypeNode.class, MethodHandles.lookup())
                    .findVarHandle(ObjectTypeNode.class, "dirty", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * A rule input of the contact type: its node, the alpha nodes above it from the type's node down, whether all its
     * rules are generated, and its place among the type's inputs in network order.
     */
    private record Input(LeftInputAdapterNode node, AlphaNode[] path, boolean generated, int rank) {

        LeftTupleSink firstSink() {
            return node.getSinkPropagator().getFirstLeftTupleSink();
        }
    }

    /**
     * What one set of changed properties reaches, in network order: each input with the alpha nodes to evaluate (for
     * a generated input those reading a changed property, else those Drools would re-evaluate) and whether its rule
     * listens to a changed property.
     */
    private record Walk(Input[] inputs, AlphaNode[][] evaluated, boolean[] listens, boolean anyHandWritten) {
    }

    /** The values, before a change, of the constraints it reads; see {@link #before}. */
    static final class Before {
        private final Walk walk;
        private final InternalFactHandle handle;
        private final BitMask changed;

        private Before(Walk walk, InternalFactHandle handle, BitMask changed) {
            this.walk = walk;
            this.handle = handle;
            this.changed = changed;
        }
    }

    private final ObjectTypeNode type;
    private final List<Input> inputs;
    private final BitMask leftToDrools;
    private final LongObjectHashMap<Walk> walks = new LongObjectHashMap<>();

    // Scratch for one change at a time: a session's contacts change on one writer thread, and a change's two halves
    // run back to back (ContactUpdates.change)
    private final int[] slotOfNode;
    private TupleImpl[] held = new TupleImpl[0];
    private final int[] beforeStamp;
    private final boolean[] beforeResult;
    private final int[] afterStamp;
    private final boolean[] afterResult;
    private int stamp;

    private TargetedUpdates(ObjectTypeNode type, List<Input> inputs, BitMask leftToDrools, int maxNodeId) {
        this.type = type;
        this.inputs = inputs;
        this.leftToDrools = leftToDrools;
        this.slotOfNode = new int[maxNodeId + 1];
        Arrays.fill(slotOfNode, -1);
        this.beforeStamp = new int[maxNodeId + 1];
        this.beforeResult = new boolean[maxNodeId + 1];
        this.afterStamp = new int[maxNodeId + 1];
        this.afterResult = new boolean[maxNodeId + 1];
    }

    /** For the network of {@code base} as it is now, or {@code null} if the contact type has no node of its own. */
    static TargetedUpdates of(InternalRuleBase base) {
        ObjectTypeNode type = null;
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            if (node.getObjectType() instanceof ClassObjectType objectType
                    && objectType.getClassType() == Contact.class) {
                type = node;
            }
        }
        if (type == null) {
            return null;
        }
        Network network = new Network(type.getId());
        network.collect(type.getObjectSinkPropagator().getSinks(), new ArrayList<>());
        return new TargetedUpdates(type, List.copyOf(network.inputs), network.leftToDrools, network.maxNodeId);
    }

    /** The inputs under the contact type, and what the nodes left to Drools listen to. */
    private static final class Network {
        final List<Input> inputs = new ArrayList<>();
        BitMask leftToDrools = EmptyBitMask.get();
        int maxNodeId;

        Network(int typeId) {
            maxNodeId = typeId;
        }

        void collect(ObjectSink[] sinks, List<AlphaNode> path) {
            for (ObjectSink sink : sinks) {
                maxNodeId = Math.max(maxNodeId, sink.getId());
                if (sink instanceof AlphaNode alpha) {
                    path.add(alpha);
                    collect(alpha.getObjectSinkPropagator().getSinks(), path);
                    path.remove(path.size() - 1);
                } else if (sink instanceof LeftInputAdapterNode input && !(sink instanceof AlphaTerminalNode)) {
                    // (no rule is built as an AlphaTerminalNode: LazyPropagation; one would be left to Drools whole)
                    inputs.add(new Input(input, path.toArray(AlphaNode[]::new), generated(input), inputs.size()));
                } else {
                    leftToDrools = leftToDrools.setAll(listenedBy(sink));
                    for (AlphaNode alpha : path) {
                        leftToDrools = leftToDrools.setAll(alpha.getInferredMask().clone());
                    }
                }
            }
        }

        private static boolean generated(LeftInputAdapterNode input) {
            for (Rule rule : input.getAssociatedRules()) {
                if (!DrlGenerator.PACKAGE.equals(rule.getPackageName())) {
                    return false;
                }
            }
            return true;
        }

        /** What a node this class leaves to Drools listens to: a new mask, or a shared full one. */
        private static BitMask listenedBy(ObjectSink sink) {
            if (sink instanceof RightInputAdapterNode<?> right) {
                return right.getInferredMask().clone();
            }
            return AllSetBitMask.get();
        }
    }

    /**
     * Called before the fact of {@code handle} changes in place: evaluates, on its values before the change, the
     * constraints that read the changed properties. Returns {@code null}, having done nothing, when Drools' own update
     * must pass the change on; else {@link #update} must follow once the fact has changed.
     */
    Before before(InternalWorkingMemory session, InternalFactHandle handle, BitMask changed) {
        if (!(changed instanceof LongBitMask bits) || changed.intersects(leftToDrools)
                || (boolean) DIRTY.getVolatile(type)) {
            return null;
        }
        if (!(session.getDefaultEntryPoint() instanceof NamedEntryPoint entryPoint)
                || !handle.getEntryPointId().equals(entryPoint.getEntryPoint()) || handle.isDisconnected()) {
            return null;
        }
        ObjectTypeConf typeConf = entryPoint.getObjectTypeConfigurationRegistry().getObjectTypeConf(handle.getObject());
        ObjectTypeNode[] nodes = typeConf.getObjectTypeNodes();
        if (nodes.length != 1 || nodes[0] != type || typeConf.isTMSEnabled()
                || MatchLists.repairedListOf(handle) == null) {
            return null;
        }
        // What is queued (an insert of this contact, an update of it) must reach the network first: the constraints'
        // values before the change stand for the matches the fact holds only once it has
        session.flushPropagations();
        Walk walk = walkFor(bits);
        int now = ++stamp;
        for (int i = 0; i < walk.inputs().length; i++) {
            if (walk.inputs()[i].generated()) {
                for (AlphaNode alpha : walk.evaluated()[i]) {
                    evaluate(alpha, handle, session, now, beforeStamp, beforeResult);
                }
            }
        }
        return new Before(walk, handle, changed);
    }

    /** Passes the change of the fact, now changed in place, to the inputs it reaches. */
    void update(InternalWorkingMemory session, Before before) {
        InternalFactHandle handle = before.handle;
        NamedEntryPoint entryPoint = (NamedEntryPoint) session.getDefaultEntryPoint();
        // As NamedEntryPoint.update, without its walk
        entryPoint.lock();
        try {
            session.startOperation(InternalOperationType.UPDATE);
            try {
                session.getKnowledgeBase().executeQueuedActions();
                entryPoint.getHandleFactory().increaseFactHandleRecency(handle);
                PropagationContext context = PhreakPropagationContextFactory.getInstance().createPropagationContext(
                        session.getNextPropagationIdCounter(), PropagationContext.Type.MODIFICATION, null, null,
                        handle, entryPoint.getEntryPoint(), before.changed, Contact.class, null);
                run(before.walk, handle, context, session);
                session.getRuleRuntimeEventSupport().fireObjectUpdated(context, handle, handle.getObject(),
                        handle.getObject(), session);
            } finally {
                session.endOperation(InternalOperationType.UPDATE);
            }
        } finally {
            entryPoint.unlock();
        }
    }

    private Walk walkFor(LongBitMask changed) {
        long key = changed.asLong();
        Walk walk = walks.get(key);
        if (walk == null) {
            walk = walkOf(changed);
            walks.put(key, walk);
        }
        return walk;
    }

    private Walk walkOf(BitMask changed) {
        List<Input> reached = new ArrayList<>();
        List<AlphaNode[]> evaluated = new ArrayList<>();
        List<Boolean> listens = new ArrayList<>();
        boolean anyHandWritten = false;
        for (Input input : inputs) {
            boolean listening = input.firstSink().getInferredMask().intersects(changed);
            AlphaNode[] reevaluated = Arrays.stream(input.path())
                    .filter(alpha -> input.generated()
                            ? alpha.getDeclaredMask().intersects(changed)
                            : alpha.getInferredMask().intersects(changed))
                    .toArray(AlphaNode[]::new);
            if (reevaluated.length > 0 || (listening && !input.generated())) {
                reached.add(input);
                evaluated.add(reevaluated);
                listens.add(listening);
                anyHandWritten |= !input.generated();
            }
        }
        boolean[] listening = new boolean[listens.size()];
        for (int i = 0; i < listening.length; i++) {
            listening[i] = listens.get(i);
        }
        return new Walk(reached.toArray(Input[]::new), evaluated.toArray(AlphaNode[][]::new), listening,
                anyHandWritten);
    }

    private void run(Walk walk, InternalFactHandle handle, PropagationContext context, ReteEvaluator session) {
        Input[] reached = walk.inputs();
        int now = ++stamp;
        TupleImpl[] matches = walk.anyHandWritten() ? heldBy(handle, reached) : null;
        for (int i = 0; i < reached.length; i++) {
            Input input = reached[i];
            if (input.generated()) {
                runGenerated(input, walk.evaluated()[i], handle, context, session, now);
            } else {
                runAsDrools(input, matches[i], walk.evaluated()[i], walk.listens()[i], handle, context, session, now);
            }
        }
        if (matches != null) {
            Arrays.fill(matches, 0, reached.length, null);
        }
    }

    /** A generated input: its match goes or comes when its constraints' conjunction flipped. */
    private void runGenerated(Input input, AlphaNode[] changedAlphas, InternalFactHandle handle,
            PropagationContext context, ReteEvaluator session, int now) {
        boolean held = true;
        boolean holds = true;
        boolean flipped = false;
        for (AlphaNode alpha : changedAlphas) {
            int id = alpha.getId();
            boolean was = beforeResult[id];
            boolean is = evaluate(alpha, handle, session, now, afterStamp, afterResult);
            held &= was;
            holds &= is;
            flipped |= was != is;
        }
        if (!flipped || held == holds) {
            return;
        }
        for (AlphaNode alpha : input.path()) {
            if (!alpha.getDeclaredMask().intersects(context.getModificationMask())
                    && !evaluate(alpha, handle, session, now, afterStamp, afterResult)) {
                return; // a constraint the change does not read fails: no match before or after
            }
        }
        LeftInputAdapterNode node = input.node();
        if (holds) {
            insert(handle, node, context, session);
        } else {
            TupleImpl match = heldBy(handle, input);
            if (match == null) {
                throw new IllegalStateException("no match of " + node + " for " + handle.getObject()
                        + " although its constraints held before the change");
            }
            handle.removeLeftTuple(match);
            delete(match, node, context, session);
        }
    }

    /** An input with a hand-written rule, as Drools' walk handles it ({@code LeftInputAdapterNode.modifyObject}). */
    private void runAsDrools(Input input, TupleImpl match, AlphaNode[] reevaluated, boolean listening,
            InternalFactHandle handle, PropagationContext context, ReteEvaluator session, int now) {
        boolean passes = true;
        for (AlphaNode alpha : reevaluated) {
            if (!evaluate(alpha, handle, session, now, afterStamp, afterResult)) {
                passes = false;
                break;
            }
        }
        LeftInputAdapterNode node = input.node();
        if (match != null) {
            if (!passes) {
                handle.removeLeftTuple(match);
                delete(match, node, context, session);
            } else if (listening) {
                LiaNodeMemory memory = session.getNodeMemory(node);
                LeftInputAdapterNode.doUpdateObject(match, context, session, node, true, memory,
                        memory.getOrCreateSegmentMemory(node, session));
                if (match.isFullMatch()) {
                    ((InternalMatch) match).setActive(true);
                }
            }
        } else if (passes && listening) {
            insert(handle, node, context, session);
        }
    }

    /** An alpha constraint's value, evaluated once per stamp. */
    private static boolean evaluate(AlphaNode alpha, InternalFactHandle handle, ReteEvaluator session, int now,
            int[] stamps, boolean[] results) {
        int id = alpha.getId();
        if (stamps[id] != now) {
            stamps[id] = now;
            results[id] = alpha.getConstraint().isAllowed(handle, session);
        }
        return results[id];
    }

    /** The match each reached input with a hand-written rule holds for the fact, found in one pass over its list. */
    private TupleImpl[] heldBy(InternalFactHandle handle, Input[] reached) {
        if (held.length < reached.length) {
            held = new TupleImpl[Math.max(reached.length, held.length * 2)];
        }
        for (int i = 0; i < reached.length; i++) {
            if (!reached[i].generated()) {
                slotOfNode[reached[i].node().getId()] = i;
            }
        }
        for (TupleImpl tuple = MatchLists.firstLeftOf(handle); tuple != null; tuple = tuple.getHandleNext()) {
            int slot = slotOfNode[SuperCacheFixer.getLeftTupleSource(tuple).getId()];
            if (slot >= 0) {
                held[slot] = tuple;
            }
        }
        for (Input input : reached) {
            slotOfNode[input.node().getId()] = -1;
        }
        return held;
    }

    /**
     * The fact's match from one input, or {@code null}. The list is in network order but for matches appended since
     * Drools last read it, so the search starts from the end nearer the input's place: each match read is a miss in
     * the processor's caches.
     */
    private TupleImpl heldBy(InternalFactHandle handle, Input input) {
        LeftInputAdapterNode node = input.node();
        if (input.rank() * 2 < inputs.size()) {
            for (TupleImpl tuple = MatchLists.firstLeftOf(handle); tuple != null; tuple = tuple.getHandleNext()) {
                if (SuperCacheFixer.getLeftTupleSource(tuple) == node) {
                    return tuple;
                }
            }
        } else {
            for (TupleImpl tuple = MatchLists.lastLeftOf(handle); tuple != null; tuple = tuple.getHandlePrevious()) {
                if (SuperCacheFixer.getLeftTupleSource(tuple) == node) {
                    return tuple;
                }
            }
        }
        return null;
    }

    /**
     * As Drools' walk inserts a match its fact now reaches; the match is appended to the fact's list, which puts
     * itself in network order before Drools next reads it ({@link MatchLists.Repaired}).
     */
    private static void insert(InternalFactHandle handle, LeftInputAdapterNode node, PropagationContext context,
            ReteEvaluator session) {
        MatchLists.Repaired list = MatchLists.repairedListOf(handle);
        LeftInputAdapterNode.doInsertObject(handle, context, node, session, session.getNodeMemory(node), true, true);
        list.noteAppended(list.lastLeft());
    }

    /** As Drools' walk deletes a match its fact no longer reaches ({@code ModifyPreviousTuples.doDeleteObject}). */
    private static void delete(TupleImpl match, LeftInputAdapterNode node, PropagationContext context,
            ReteEvaluator session) {
        LiaNodeMemory memory = session.getNodeMemory(node);
        SegmentMemory segment = memory.getSegmentMemory();
        if (segment != null) {
            LeftInputAdapterNode.doDeleteObject(match, context, segment, session, node, true, memory);
        } else {
            PathMemory path = session.getNodeMemory((TerminalNode) match.getSink());
            PhreakRuleTerminalNode.doLeftDelete(session.getActivationsManager(),
                    path.getRuleAgendaItem().getRuleExecutor(), (RuleTerminalNodeLeftTuple) match);
        }
    }
}
