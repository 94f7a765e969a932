package dev.segments.engine;

import com.carrotsearch.hppc.BitSet;
import dev.segments.drl.DrlGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.phreak.EagerPhreakBuilder;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleImpl;

/**
 * Lets Drools skip, when it takes a rule out of a running session, the facts that hold no match of it, and walk only
 * the matches of the rules going on the facts that do.
 *
 * <p>To remove a rule whose first pattern feeds it directly, Drools 10.2 walks every fact of that pattern's type and
 * every match the fact holds ({@code EagerPhreakBuilder.processLeftTuplesOnLian}), asking of each match, with a hash
 * lookup, whether it belongs to the rule. A fact's matches are linked one by one and lie all over the heap, so the walk
 * waits for memory at every step: about a quarter of a microsecond per match on this machine, most of a segment edit
 * at a million contacts whatever the edited segment holds.
 *
 * <p>Drools tells the KieBase's listeners about a rule before it removes it ({@link RuleChanges}). Then this marks
 * each fact's list ({@link MatchLists.Repaired#removal}): clean when it holds no match of the rules going, else
 * holding ({@link Marking}). For generated rules fed straight by their input, with every match fired, the contacts
 * holding a match are those whose match of the rules going fired, which the engine keeps as bits ({@link
 * MatchedContacts}): then only their lists are marked, and the session's store hands Drools' walk those contacts alone
 * ({@link ContactStore}); when each such rule also has an input of its own, the walk is handed each contact's matches
 * of them, read from the rules' lists of fired matches, instead of finding them in the contact's list. For other
 * generated rules, whose constraints read nothing but the contact fact, a list is
 * clean when its fact fails the constraints above every input of the rules going ({@link InputConstraints}): a few
 * reads of the fact instead of a walk of its matches. For other rules this walks the lists themselves, sixteen at a
 * time so that their waits for memory overlap. While the rules are removed, Drools' walk ends at once on a clean list
 * and sees only the matches made by the inputs of the rules going on a holding one ({@link RulesGoing#sinks}): the
 * others it would have passed over.
 * Only that walk is narrowed, recognised by its consumer, a lambda of {@link EagerPhreakBuilder}; deletes, updates,
 * expiry and the walk that adds a rule see every match as before. A list Drools created or replaced after the marking
 * carries no mark and is walked in full.
 */
final class RemovalShortcut {

    /** How the last marking told a holding list from a clean one. */
    enum Marking {
        /** By the contacts holding a fired match of the rules going. */
        FIRED_MATCHES,
        /** By the constraints above the inputs of the rules going. */
        CONSTRAINTS,
        /** By walking each list's matches. */
        MATCH_LISTS
    }

    /** Lists walked at once: the best of 4, 8, 16 and 32 in a probe (16 walked them 6 times as fast as one). */
    private static final int LANES = 16;

    private static final ClassValue<Boolean> REMOVAL_WALK = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isHidden() && type.getNestHost() == EagerPhreakBuilder.class;
        }
    };

    private static final Object[] NONE = {};

    private final InternalWorkingMemory session;
    private final InternalRuleBase base;
    private final MatchedContacts matched;
    private final Optional<ContactStore> contacts;
    private final List<TerminalNode> going = new ArrayList<>();
    private Window window;
    private Window lastWindow;
    private boolean unknownGoing;
    private boolean onlyGeneratedGoing = true;
    private boolean useConstraints;
    private boolean useFiredMatches;
    private long listsMarkedClean;
    private Marking marking;
    private boolean walkNarrowed;

    RemovalShortcut(InternalWorkingMemory session, InternalRuleBase base, MatchedContacts matched,
            Optional<ContactStore> contacts) {
        this.session = session;
        this.base = base;
        this.matched = matched;
        this.contacts = contacts;
    }

    /**
     * One announcement of rules going: its marks count while it lasts, and only for Drools' removal walk.
     *
     * <p>A list's mark is a number, not a reference: a reference written into an old list makes G1 dirty the list's
     * card and queue it for its refinement threads, which for a million lists was a measurable part of the marking.
     * Ids are unique across sessions; a list could be misread only if it kept a mark through 2<sup>30</sup> later
     * removals. The mark also finds its window, in a table of open windows, which a walk reads once per list (a
     * thread-local looked up as often showed as 6 % of an edit's samples). A session's lists are walked only by the
     * thread changing its rules, which opened the window; if partitions changing their rules in parallel opened so
     * many windows that one took another's slot, the lists of the window pushed out are walked in full, as without a
     * mark.
     */
    static final class Window {
        private static final AtomicInteger IDS = new AtomicInteger();
        private static final int SLOTS = 1 << 10;
        private static final Window[] OPEN = new Window[SLOTS];

        private Object[] goingSinks; // null once closed: lists keep their last mark, not the removed rules' nodes
        private FoundMatches found; // null unless the matches going were found by rule
        private long askedOutOfOrder;
        private final int clean;
        private final int holding;
        private Class<?> removalWalk;
        private long skipped;
        private long narrowed;
        private long handedOver;

        private Window(Object[] goingSinks) {
            this.goingSinks = goingSinks;
            int id = IDS.updateAndGet(last -> last == Integer.MAX_VALUE >> 1 ? 1 : last + 1);
            this.holding = id << 1;
            this.clean = holding | 1;
            OPEN[slotOf(holding)] = this;
        }

        private static int slotOf(int mark) {
            return (mark >>> 1) & (SLOTS - 1);
        }

        /** The open window that made the mark, if it is one of Drools' removal walks that reads it. */
        private static Window reading(int mark, Consumer<?> consumer) {
            Window window = OPEN[slotOf(mark)];
            if (window == null || (mark | 1) != window.clean || window.goingSinks == null) {
                return null;
            }
            Class<?> walk = consumer.getClass();
            if (walk != window.removalWalk) {
                if (!REMOVAL_WALK.get(walk)) {
                    return null;
                }
                window.removalWalk = walk;
            }
            return window;
        }

        private void close() {
            goingSinks = null;
            if (found != null) { // its arrays hold the removed rules' matches: only the count is kept
                askedOutOfOrder = found.askedOutOfOrder;
                found = null;
            }
            int slot = slotOf(holding);
            if (OPEN[slot] == this) {
                OPEN[slot] = null;
            }
        }
    }

    /**
     * The nodes whose matches a walk needs from a list with this mark ({@link MatchLists.Repaired#removal}): null for
     * every match (another walk, an old mark, or no removal under way), an empty array for none (a clean list), else
     * the nodes right under the inputs of the rules going.
     */
    static Object[] sinksNeededBy(int mark, Consumer<?> consumer) {
        Window window = Window.reading(mark, consumer);
        if (window == null) {
            return null;
        }
        if (mark == window.clean) {
            window.skipped++;
            return NONE;
        }
        window.narrowed++;
        return window.goingSinks;
    }

    /**
     * The list's matches of the rules going, when the marking found them from the rules ({@link
     * RulesGoing#matchesOnOwnInputs}); null when the list must be walked for them. Asked only by Drools' removal walk,
     * of a list marked as holding by the window open now.
     */
    static TupleImpl[] matchesGoingIn(MatchLists.Repaired list) {
        Window window = Window.OPEN[Window.slotOf(list.removal)];
        TupleImpl[] matches = window == null || window.found == null || window.holding != list.removal
                ? null
                : window.found.of(list);
        if (matches != null) {
            window.handedOver++;
        }
        return matches;
    }

    /**
     * Marks the lists of the facts Drools walks to remove this rule and the others announced since the last {@link
     * #close}, giving every list it marks a repaired one first ({@link MatchLists}); returns the fact types whose lists
     * it marked.
     */
    Set<ObjectTypeNode> ruleGoing(RuleImpl rule) {
        // Drools announces a batch of rules before removing any of them: the marks must cover all of them.
        if (window != null) {
            window.close();
        }
        contacts.ifPresent(ContactStore::widen);
        walkNarrowed = false;
        TerminalNode[] nodes = base.getReteooBuilder().getTerminalNodes(rule.getFullyQualifiedName());
        if (nodes == null || unknownGoing) {
            // A rule going whose nodes cannot be found: what Drools walks for it is unknown, so nothing is skipped
            // until this removal ends.
            unknownGoing = true;
            window = null;
            return Set.of();
        }
        going.addAll(List.of(nodes));
        onlyGeneratedGoing &= DrlGenerator.PACKAGE.equals(rule.getPackageName());
        RulesGoing network = RulesGoing.in(base, going);
        window = new Window(network.sinks());
        lastWindow = window;
        listsMarkedClean = 0;
        Set<ObjectTypeNode> types = network.walkedTypes();
        Optional<BitSet> firedMatches = useFiredMatches && onlyGeneratedGoing && contacts.isPresent()
                && onlyContacts(types) ? network.contactsHoldingInputs(matched) : Optional.empty();
        if (firedMatches.isPresent()) {
            marking = Marking.FIRED_MATCHES;
            markHolding(firedMatches.get(), contacts.get());
            network.matchesOnOwnInputs(session).ifPresent(matches -> findWithoutWalking(matches, firedMatches.get()));
            return Set.of(); // the other contacts' lists were neither read nor repaired
        }
        Optional<List<InputConstraints>> constraints =
                useConstraints && onlyGeneratedGoing ? network.constraintsAboveInputs() : Optional.empty();
        marking = constraints.isPresent() ? Marking.CONSTRAINTS : Marking.MATCH_LISTS;
        for (ObjectTypeNode type : types) {
            Iterator<InternalFactHandle> facts = type.getFactHandlesIterator(session);
            if (constraints.isPresent()) {
                markByConstraints(facts, constraints.get().stream().filter(c -> c.type() == type).toList());
            } else {
                markByMatches(facts);
            }
        }
        return types;
    }

    /**
     * What may stand for the generated rules' matches in the rule changes that follow.
     *
     * @param factsAsRulesSawThem whether their constraints may: only when every fact was last updated naming every
     *     property that changed. A window edit moves time state without telling the rules of the old windows, which
     *     keep matches their constraints no longer give.
     * @param everyMatchFired whether the contacts holding a fired match may: only when nothing was written since the
     *     rules last fired, so that no match waits to be made or fired
     */
    void trust(boolean factsAsRulesSawThem, boolean everyMatchFired) {
        this.useConstraints = factsAsRulesSawThem;
        this.useFiredMatches = everyMatchFired;
    }

    /** Ends the current removal: after Drools removed the rules announced, or stopped without saying. */
    void close() {
        if (window != null) {
            window.close();
            window = null;
        }
        contacts.ifPresent(ContactStore::widen);
        going.clear();
        unknownGoing = false;
        onlyGeneratedGoing = true;
    }

    /** How many lists the last marking found clean: the facts Drools' walk skipped for the rules going. */
    long listsMarkedClean() {
        return listsMarkedClean;
    }

    /** How the last marking told the lists apart; null before any. */
    Marking marking() {
        return marking;
    }

    /**
     * Whether Drools' removal walk was handed only the contacts holding a match of the rules going, during the last
     * removal; then no other list was marked or passed over.
     */
    boolean walkNarrowed() {
        return walkNarrowed;
    }

    /** How many contacts the last narrowed removal walk was handed. */
    long contactsWalked() {
        return contacts.map(ContactStore::walkedNarrowed).orElse(0L);
    }

    /** How many lists Drools' walks passed over during the last removal. */
    long listsSkipped() {
        return lastWindow == null ? 0 : lastWindow.skipped;
    }

    /**
     * How many times during the last removal Drools' walk was handed a list's matches of the rules going without the
     * list being walked.
     */
    long listsHandedTheirMatches() {
        return lastWindow == null ? 0 : lastWindow.handedOver;
    }

    /**
     * How many times during the last removal Drools' walk asked for a list's matches going out of the holders' order,
     * so that they were looked up in a map.
     */
    long listsAskedOutOfOrder() {
        if (lastWindow == null) {
            return 0;
        }
        return lastWindow.found == null ? lastWindow.askedOutOfOrder : lastWindow.found.askedOutOfOrder;
    }

    /** How many lists Drools' walks saw only the matches of the rules going in during the last removal. */
    long listsNarrowed() {
        return lastWindow == null ? 0 : lastWindow.narrowed;
    }

    private static boolean onlyContacts(Set<ObjectTypeNode> types) {
        if (types.size() != 1) {
            return false;
        }
        ObjectTypeNode type = types.iterator().next();
        return type.getObjectType() instanceof ClassObjectType objectType
                && objectType.getClassType() == Contact.class
                && type.getEntryPoint().equals(EntryPointId.DEFAULT);
    }

    /** Marks the holding contacts' lists, and hands Drools' removal walk those contacts alone. */
    private void markHolding(BitSet holding, ContactStore store) {
        for (int ordinal = holding.nextSetBit(0); ordinal >= 0; ordinal = holding.nextSetBit(ordinal + 1)) {
            InternalFactHandle handle = store.handleOf(ordinal);
            MatchLists.Repaired list = handle == null ? null : MatchLists.repairedListOf(handle);
            if (list != null) {
                list.removal = window.holding;
            }
        }
        store.narrowRemovalWalkTo(holding);
        walkNarrowed = true;
    }

    private void markByConstraints(Iterator<InternalFactHandle> facts, List<InputConstraints> inputs) {
        while (facts.hasNext()) {
            InternalFactHandle fact = facts.next();
            MatchLists.Repaired list = MatchLists.repairedListOf(fact);
            if (list == null || list.removal == window.holding) {
                continue; // holding already: an input under another of the fact's types (Object, say) matched it
            }
            boolean holding = false;
            for (InputConstraints input : inputs) {
                if (input.mayBePassedBy(fact, session)) {
                    holding = true;
                    break;
                }
            }
            mark(list, holding);
        }
    }

    private void mark(MatchLists.Repaired list, boolean holding) {
        if (holding) {
            if (list.removal == window.clean) {
                listsMarkedClean--;
            }
            list.removal = window.holding;
        } else if (list.removal != window.clean) {
            list.removal = window.clean;
            listsMarkedClean++;
        }
    }

    private void markByMatches(Iterator<InternalFactHandle> facts) {
        ListsInBatches lists = new ListsInBatches(facts);
        MatchLists.Repaired[] walked = new MatchLists.Repaired[LANES];
        TupleImpl[] next = new TupleImpl[LANES];
        boolean walking;
        do {
            walking = false;
            for (int lane = 0; lane < LANES; lane++) {
                TupleImpl tuple = next[lane];
                while (tuple == null) {
                    if (walked[lane] != null) {
                        walked[lane].removal = window.clean;
                        listsMarkedClean++;
                    }
                    walked[lane] = lists.next();
                    if (walked[lane] == null) {
                        break;
                    }
                    tuple = walked[lane].firstLeft();
                }
                if (tuple == null) {
                    continue;
                }
                walking = true;
                if (isAnyOf(tuple.getSink(), window.goingSinks)) {
                    walked[lane].removal = window.holding;
                    walked[lane] = null;
                    next[lane] = null;
                } else {
                    next[lane] = tuple.getHandleNext();
                }
            }
        } while (walking);
    }

    /**
     * Gives Drools' removal walk each holding list's matches of the rules going, from the rules' own lists of fired
     * matches, so that it does not walk the holding lists to find them: a contact's list holds a match per rule it
     * matches, about 70 at 1M × 200, and walking them was two fifths of an edit there. If a match's list is not marked
     * holding, which the marking by fired matches rules out, the lists are walked as before.
     */
    private void findWithoutWalking(List<TupleImpl> matches, BitSet holding) {
        FoundMatches found = new FoundMatches(holding);
        for (TupleImpl match : matches) {
            InternalFactHandle handle = match.getFactHandle();
            MatchLists.Repaired list = MatchLists.repairedListOf(handle);
            if (list == null || list.removal != window.holding || !(handle.getObject() instanceof Contact contact)
                    || !found.add(contact.ordinal(), list, match)) {
                return;
            }
        }
        window.found = found;
    }

    /**
     * The matches going of each holding contact's list, by the contact's place among the holders: Drools' removal walk
     * asks for them in the order the store hands it the holders, by ordinal, so the next one asked is almost always
     * the next one here. A list asked out of that order is looked up in a map, made the first time one is (an
     * identity map of every holder was 15 % of an edit at 1M × 50: a table larger than the caches, probed at random).
     */
    private static final class FoundMatches {
        private final long[] words;
        private final int[] holdersBefore;
        private final MatchLists.Repaired[] lists;
        private final TupleImpl[][] matches;
        private int next;
        private Map<MatchLists.Repaired, TupleImpl[]> outOfOrder;
        private long askedOutOfOrder;

        FoundMatches(BitSet holding) {
            words = Arrays.copyOf(holding.bits, holding.wlen);
            holdersBefore = new int[words.length + 1];
            for (int i = 0; i < words.length; i++) {
                holdersBefore[i + 1] = holdersBefore[i] + Long.bitCount(words[i]);
            }
            lists = new MatchLists.Repaired[holdersBefore[words.length]];
            matches = new TupleImpl[lists.length][];
        }

        /** Adds a match of the holder with this ordinal; false if the contact is no holder. */
        boolean add(int ordinal, MatchLists.Repaired list, TupleImpl match) {
            int word = ordinal >>> 6;
            if (word >= words.length || (words[word] & (1L << ordinal)) == 0) {
                return false;
            }
            int place = holdersBefore[word] + Long.bitCount(words[word] & ((1L << ordinal) - 1));
            lists[place] = list;
            matches[place] = matches[place] == null ? new TupleImpl[] {match}
                    : both(matches[place], new TupleImpl[] {match});
            return true;
        }

        /** The list's matches going; null if it has none here. */
        TupleImpl[] of(MatchLists.Repaired list) {
            while (next < lists.length && lists[next] == null) {
                next++; // a holder whose matches going were not among the rules' fired ones
            }
            if (next < lists.length && lists[next] == list) {
                return matches[next++];
            }
            askedOutOfOrder++;
            if (outOfOrder == null) {
                outOfOrder = new IdentityHashMap<>();
                for (int i = 0; i < lists.length; i++) {
                    if (lists[i] != null) {
                        outOfOrder.put(lists[i], matches[i]);
                    }
                }
            }
            return outOfOrder.get(list);
        }
    }

    private static TupleImpl[] both(TupleImpl[] first, TupleImpl[] second) {
        TupleImpl[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    static boolean isAnyOf(Object sink, Object[] nodes) {
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
}
