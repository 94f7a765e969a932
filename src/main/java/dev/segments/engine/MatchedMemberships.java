package dev.segments.engine;

import com.carrotsearch.hppc.BitSet;
import com.carrotsearch.hppc.IntArrayList;
import dev.segments.drl.DrlGenerator;
import dev.segments.drl.MembershipKeeping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.core.reteoo.TupleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;

/**
 * Keeps the memberships of segments whose rules insert nothing ({@link MembershipKeeping#MATCHES}) from the rules'
 * matches: a fired match sets the bit (branch rule, contact ordinal), a deleted match clears it, and a contact is a
 * member while any branch of its segment has its bit. Each time that OR flips, the segment notes the contact; {@link
 * #drainChanges} then reports each noted membership whose state differs from before its first flip, so one that
 * leaves and comes back between two drains is no change. Bits instead of a map of pending changes: a load flips
 * millions of memberships, and a map entry per flip cost a tenth of it.
 *
 * <p>Exact because a generated rule has at most one match per contact: one {@code Contact} pattern (one fact per
 * contact), then only {@code SegmentMembership} patterns joined on the contact id and segment id (one fact per pair,
 * truth maintenance merges equal memberships), each possibly under {@code not}. So set and clear are idempotent: a
 * match re-fired by a property-reactive update sets a bit that is already set.
 *
 * <p>Branches are told apart by rule object, not name: a rule that {@link #forgetReplaced} finds removed or replaced
 * by a changed rule of the same name ends its matches here, and its late events, if any, find nothing.
 */
final class MatchedMemberships {

    private static final class Branch {
        final Rule rule;
        final Segment segment; // null: not a match-kept rule
        final Declaration contact; // where a match holds the contact; null when segment is
        final BitSet matched = new BitSet();

        Branch(Rule rule, Segment segment, Declaration contact) {
            this.rule = rule;
            this.segment = segment;
            this.contact = contact;
        }

        /** Read through the declaration found once: Drools' lookup by name rebuilds a map of them per call. */
        int ordinalIn(Match match) {
            return ((Contact) ((TupleImpl) match).getObject(contact)).ordinal();
        }
    }

    /**
     * A match-kept segment: its branches, and the contacts whose membership flipped since the last drain. Kept while
     * it has no branches too, so that a segment whose rules are all replaced nets its flips in one place.
     */
    private static final class Segment {
        final String id;
        final List<Branch> branches = new ArrayList<>(1);
        final BitSet flipped = new BitSet();

        Segment(String id) {
            this.id = id;
        }

        boolean hasMember(int ordinal) {
            for (int i = 0, n = branches.size(); i < n; i++) { // no iterator: this runs on every match fired
                if (branches.get(i).matched.get(ordinal)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The generated rules' binding of their one {@code Contact} pattern. */
    private static final String CONTACT = "$contact";

    private final ContactOrdinals ordinals;
    private final Map<Rule, Branch> branches = new IdentityHashMap<>();
    private final Map<String, Segment> segments = new HashMap<>();
    /** The memberships flipped since the last drain, in first-flip order: segment, and ordinal ({@code ~ordinal} if
     *  the contact was a member before). */
    private final List<Segment> flippedSegments = new ArrayList<>();
    private final IntArrayList flippedOrdinals = new IntArrayList();
    private Rule lastFired;
    private Branch lastFiredBranch;
    /** Whether a rule change may have left segments without branches, to let go of at the next drain. */
    private boolean branchesRemoved;

    MatchedMemberships(ContactOrdinals ordinals) {
        this.ordinals = ordinals;
    }

    /** A match fired: its contact is a member by that branch. */
    void fired(Match match) {
        Rule rule = match.getRule();
        if (rule != lastFired) { // Drools fires a rule's matches one after another
            lastFiredBranch = branches.computeIfAbsent(rule, this::branchOf);
            lastFired = rule;
        }
        Branch branch = lastFiredBranch;
        if (branch.segment == null) {
            return;
        }
        int ordinal = branch.ordinalIn(match);
        if (!branch.matched.get(ordinal)) {
            boolean member = branch.segment.hasMember(ordinal);
            branch.matched.set(ordinal);
            if (!member) {
                flipped(branch.segment, ordinal, false);
            }
        }
    }

    /** A match was deleted: its contact is no longer a member by that branch. */
    void deleted(Match match) {
        Branch branch = branches.get(match.getRule());
        if (branch == null || branch.segment == null) {
            return;
        }
        int ordinal = branch.ordinalIn(match);
        if (branch.matched.get(ordinal)) {
            branch.matched.clear(ordinal);
            if (!branch.segment.hasMember(ordinal)) {
                flipped(branch.segment, ordinal, true);
            }
        }
    }

    /**
     * After the rules were replaced in place: every branch whose rule the base no longer holds (removed, or replaced
     * by a changed rule) ends its matches. The rules that replace them fire anew and set their own bits, so a
     * membership that holds before and after nets out to no change.
     */
    void forgetReplaced(KieBase base) {
        lastFired = null;
        lastFiredBranch = null;
        for (Iterator<Branch> it = branches.values().iterator(); it.hasNext(); ) {
            Branch branch = it.next();
            if (base.getRule(branch.rule.getPackageName(), branch.rule.getName()) == branch.rule) {
                continue;
            }
            it.remove();
            if (branch.segment == null) {
                continue;
            }
            branch.segment.branches.remove(branch);
            branchesRemoved = true;
            BitSet bits = branch.matched;
            for (int o = bits.nextSetBit(0); o >= 0; o = bits.nextSetBit(o + 1)) {
                if (!branch.segment.hasMember(o)) {
                    flipped(branch.segment, o, true);
                }
            }
        }
    }

    /**
     * The contacts holding a fired match of the rule, if it is a branch of a segment kept from its matches: a branch
     * that never fired has none. Empty for any other rule.
     */
    Optional<BitSet> contactsMatching(Rule rule) {
        Branch branch = branches.get(rule);
        if (branch != null) {
            return branch.segment == null ? Optional.empty() : Optional.of(branch.matched);
        }
        return segmentOf(rule).isPresent() ? Optional.of(new BitSet()) : Optional.empty();
    }

    /** Adds the net membership changes since the last drain, stamped {@code at}, and starts noting afresh. */
    void drainChanges(Instant at, Drain into) {
        for (int i = 0; i < flippedSegments.size(); i++) {
            Segment segment = flippedSegments.get(i);
            int noted = flippedOrdinals.get(i);
            boolean wasMember = noted < 0;
            int ordinal = wasMember ? ~noted : noted;
            segment.flipped.clear(ordinal);
            boolean member = segment.hasMember(ordinal);
            if (member != wasMember) {
                MembershipChange.Kind kind = member ? MembershipChange.Kind.ENTERED : MembershipChange.Kind.EXITED;
                into.change(new MembershipChange(at, kind, segment.id, ordinals.id(ordinal)), ordinal);
            }
        }
        flippedSegments.clear();
        flippedOrdinals.clear();
        if (branchesRemoved) {
            segments.values().removeIf(segment -> segment.branches.isEmpty());
            branchesRemoved = false;
        }
    }

    /** Where drained changes go, each with its contact's ordinal. */
    @FunctionalInterface
    interface Drain {
        void change(MembershipChange change, int ordinal);
    }

    private void flipped(Segment segment, int ordinal, boolean wasMember) {
        if (!segment.flipped.get(ordinal)) {
            segment.flipped.set(ordinal);
            flippedSegments.add(segment);
            flippedOrdinals.add(wasMember ? ~ordinal : ordinal);
        }
    }

    private Branch branchOf(Rule rule) {
        Optional<String> segmentId = segmentOf(rule);
        if (segmentId.isEmpty()) {
            return new Branch(rule, null, null);
        }
        Branch branch = new Branch(rule, segments.computeIfAbsent(segmentId.get(), Segment::new),
                ((RuleImpl) rule).getDeclaration(CONTACT));
        branch.segment.branches.add(branch);
        return branch;
    }

    /** The segment of a generated rule kept from its matches. */
    private static Optional<String> segmentOf(Rule rule) {
        return DrlGenerator.PACKAGE.equals(rule.getPackageName())
                        && rule.getMetaData().get(MembershipKeeping.SEGMENT_ANNOTATION) instanceof String segmentId
                ? Optional.of(segmentId)
                : Optional.empty();
    }
}
