package dev.segments.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.common.BaseNode;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.phreak.BuildtimeSegmentUtilities;
import org.drools.core.phreak.EagerPhreakBuilder;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleImpl;

/**
 * Lets Drools skip, when it takes a rule out of a running session, the facts that hold no match of it.
 *
 * <p>To remove a rule whose first pattern feeds it directly, Drools 10.2 walks every fact of that pattern's type and
 * every match the fact holds ({@code EagerPhreakBuilder.processLeftTuplesOnLian}), asking of each match whether it
 * belongs to the rule. A fact's matches are linked one by one and lie all over the heap, so the walk waits for memory
 * at every step: about a quarter of a microsecond per match on this machine, most of a segment edit at a million
 * contacts whatever the edited segment holds.
 *
 * <p>Drools tells the KieBase's listeners about a rule before it removes it ({@link RuleChanges}). Then this walks
 * the same lists itself, sixteen at a time so that their waits for memory overlap, and marks each list that holds no
 * match of the rules going as clean ({@link MatchLists.Repaired#cleanIn}). While those rules are removed, Drools'
 * walk ends at once on a clean list: it would have found nothing there to change. Only that walk is cut short,
 * recognised by its consumer, a lambda of {@link EagerPhreakBuilder}; deletes, updates, expiry and the walk that adds a
 * rule see every list as before. A list Drools created or replaced after the marking carries no mark and is walked in
 * full.
 */
final class RemovalShortcut {

    /** Lists walked at once: the best of 4, 8, 16 and 32 in a probe (16 walked them 6 times as fast as one). */
    private static final int LANES = 16;

    private static final ClassValue<Boolean> REMOVAL_WALK = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isHidden() && type.getNestHost() == EagerPhreakBuilder.class;
        }
    };

    private final InternalWorkingMemory session;
    private final InternalRuleBase base;
    private final List<TerminalNode> going = new ArrayList<>();
    private Window window;
    private Window lastWindow;
    private boolean unknownGoing;
    private long listsMarkedClean;

    RemovalShortcut(InternalWorkingMemory session, InternalRuleBase base) {
        this.session = session;
        this.base = base;
    }

    /** Which removals may skip a list: marked in one, only that one while it lasts, and only Drools' rule walk. */
    static final class Window {
        private boolean open = true;
        private long skipped;

        boolean skips(Consumer<?> consumer) {
            if (open && REMOVAL_WALK.get(consumer.getClass())) {
                skipped++;
                return true;
            }
            return false;
        }
    }

    /**
     * Marks the lists holding no match of this rule or of the others announced since the last {@link #close}, giving
     * every list it reads a repaired one first ({@link MatchLists}); returns the fact types whose lists it read.
     */
    Set<ObjectTypeNode> ruleGoing(RuleImpl rule) {
        // Drools announces a batch of rules before removing any of them: the marks must cover all of them.
        if (window != null) {
            window.open = false;
        }
        TerminalNode[] nodes = base.getReteooBuilder().getTerminalNodes(rule.getFullyQualifiedName());
        if (nodes == null || unknownGoing) {
            // A rule going whose nodes cannot be found: what Drools walks for it is unknown, so nothing is skipped
            // until this removal ends.
            unknownGoing = true;
            window = null;
            return Set.of();
        }
        going.addAll(List.of(nodes));
        window = new Window();
        lastWindow = window;
        listsMarkedClean = 0;
        Object[] goingSinks = sinksUnderInputsOf(going);
        Set<ObjectTypeNode> types = typesFeeding(going);
        for (ObjectTypeNode type : types) {
            markCleanLists(type.getFactHandlesIterator(session), goingSinks, window);
        }
        return types;
    }

    /** Ends the current removal: after Drools removed the rules announced, or stopped without saying. */
    void close() {
        if (window != null) {
            window.open = false;
            window = null;
        }
        going.clear();
        unknownGoing = false;
    }

    /** How many lists the last marking found clean: the facts Drools' walk skipped for the rules going. */
    long listsMarkedClean() {
        return listsMarkedClean;
    }

    /** How many lists Drools' walks passed over during the last removal. */
    long listsSkipped() {
        return lastWindow == null ? 0 : lastWindow.skipped;
    }

    /** The fact types whose facts Drools walks to remove these rules: those of rules fed directly by their input. */
    private static Set<ObjectTypeNode> typesFeeding(List<TerminalNode> terminals) {
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

    private void markCleanLists(Iterator<InternalFactHandle> handles, Object[] goingSinks, Window window) {
        ListsInBatches facts = new ListsInBatches(handles);
        MatchLists.Repaired[] lists = new MatchLists.Repaired[LANES];
        TupleImpl[] next = new TupleImpl[LANES];
        boolean walking;
        do {
            walking = false;
            for (int lane = 0; lane < LANES; lane++) {
                TupleImpl tuple = next[lane];
                while (tuple == null) {
                    if (lists[lane] != null) {
                        lists[lane].cleanIn = window;
                        listsMarkedClean++;
                    }
                    lists[lane] = facts.next();
                    if (lists[lane] == null) {
                        break;
                    }
                    tuple = lists[lane].firstLeft();
                }
                if (tuple == null) {
                    continue;
                }
                walking = true;
                if (isAnyOf(tuple.getSink(), goingSinks)) {
                    lists[lane] = null; // holds a match of a rule going: Drools must walk it
                    next[lane] = null;
                } else {
                    next[lane] = tuple.getHandleNext();
                }
            }
        } while (walking);
    }

    private static boolean isAnyOf(Object sink, Object[] nodes) {
        for (Object node : nodes) {
            if (node == sink) {
                return true;
            }
        }
        return false;
    }

    /**
     * The facts' lists, read a batch at a time: first the handles, then each handle's list, so that the reads of a
     * batch wait for memory together rather than one after the other (8–10 % of the marking at 1M × 50).
     */
    private static final class ListsInBatches {
        private static final int BATCH = 64;
        private final Iterator<InternalFactHandle> handles;
        private final InternalFactHandle[] batch = new InternalFactHandle[BATCH];
        private final MatchLists.Repaired[] lists = new MatchLists.Repaired[BATCH];
        private int size;
        private int position;

        ListsInBatches(Iterator<InternalFactHandle> handles) {
            this.handles = handles;
        }

        /** The next list Drools may walk, or null when there is none left. */
        MatchLists.Repaired next() {
            while (position == size) {
                if (!handles.hasNext()) {
                    return null;
                }
                int read = 0;
                while (read < BATCH && handles.hasNext()) {
                    batch[read++] = handles.next();
                }
                size = 0;
                position = 0;
                for (int i = 0; i < read; i++) {
                    MatchLists.Repaired list = MatchLists.repairedListOf(batch[i]);
                    if (list != null) {
                        lists[size++] = list;
                    }
                }
            }
            return lists[position++];
        }
    }

    /**
     * The nodes right under the inputs of the rules going. Drools asks of a match whether its input is associated with
     * the rule; a match on a fact's list was made by an input and names one of that input's nodes as its sink, so
     * comparing the sink with these few nodes answers the same question without a lookup: with a lookup per match the
     * walk no longer overlapped its waits for memory and took three times as long.
     */
    private Object[] sinksUnderInputsOf(List<TerminalNode> terminals) {
        List<Object> sinks = new ArrayList<>();
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectTypeNode type : base.getRete().getObjectTypeNodes()) {
            collectSinks(type, terminals, sinks, visited);
        }
        return sinks.toArray();
    }

    private static void collectSinks(ObjectSource source, List<TerminalNode> terminals, List<Object> sinks,
            Set<Object> visited) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (!visited.add(sink)) {
                continue;
            }
            if (sink instanceof LeftInputAdapterNode input) {
                if (terminals.stream().anyMatch(terminal -> BuildtimeSegmentUtilities.isAssociatedWith(input,
                        terminal))) {
                    sinks.addAll(List.of(input.getSinkPropagator().getSinks()));
                }
            } else if (sink instanceof ObjectSource below) {
                collectSinks(below, terminals, sinks, visited);
            }
        }
    }
}
