package dev.segments.engine;

import dev.segments.drl.DrlGenerator;
import dev.segments.drl.MembershipKeeping;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;

/**
 * Keeps the memberships of segments whose rules insert nothing ({@link MembershipKeeping#MATCHES}) from the rules'
 * matches: a fired match sets the bit (branch rule, contact ordinal), a deleted match clears it, and a contact is a
 * member while any branch of its segment has its bit. Each time that OR flips, the membership change goes to the same
 * net-change bookkeeping as a {@link SegmentMembership} fact's insertion or retraction.
 *
 * <p>Exact because a generated rule has at most one match per contact: one {@code Contact} pattern (one fact per
 * contact), then only {@code SegmentMembership} patterns joined on the contact id and segment id (one fact per pair,
 * truth maintenance merges equal memberships), each possibly under {@code not}. So set and clear are idempotent: a
 * match re-fired by a property-reactive update sets a bit that is already set.
 *
 * <p>Branches are told apart by rule object, not name: a rule that {@link #forgetReplaced} finds removed or replaced
 * by a changed rule of the same name ends its matches here, and its late events, if any, find nothing.
 */
final class MatchedMemberships implements RuleEventListener {

    /** Where a flip of a membership goes: +1 entered, -1 exited. */
    interface Flips {
        void flip(String segmentId, String contactId, int delta);
    }

    private static final class Branch {
        final Rule rule;
        final String segmentId; // null: not a match-kept rule
        final BitSet matched = new BitSet();

        Branch(Rule rule, String segmentId) {
            this.rule = rule;
            this.segmentId = segmentId;
        }
    }

    private final ContactOrdinals ordinals;
    private final Flips flips;
    private final Map<Rule, Branch> branches = new IdentityHashMap<>();
    private final Map<String, List<Branch>> bySegment = new HashMap<>();

    MatchedMemberships(ContactOrdinals ordinals, Flips flips) {
        this.ordinals = ordinals;
        this.flips = flips;
    }

    @Override
    public void onAfterMatchFire(Match match) {
        Branch branch = branches.computeIfAbsent(match.getRule(), this::branchOf);
        if (branch.segmentId == null) {
            return;
        }
        Contact contact = contactIn(match);
        int ordinal = contact.ordinal();
        if (!branch.matched.get(ordinal)) {
            boolean member = isMember(branch.segmentId, ordinal);
            branch.matched.set(ordinal);
            if (!member) {
                flips.flip(branch.segmentId, contact.getId(), 1);
            }
        }
    }

    @Override
    public void onDeleteMatch(Match match) {
        Branch branch = branches.get(match.getRule());
        if (branch == null || branch.segmentId == null) {
            return;
        }
        Contact contact = contactIn(match);
        int ordinal = contact.ordinal();
        if (branch.matched.get(ordinal)) {
            branch.matched.clear(ordinal);
            if (!isMember(branch.segmentId, ordinal)) {
                flips.flip(branch.segmentId, contact.getId(), -1);
            }
        }
    }

    /**
     * After the rules were replaced in place: every branch whose rule the base no longer holds (removed, or replaced
     * by a changed rule) ends its matches. The rules that replace them fire anew and set their own bits, so a
     * membership that holds before and after nets out to no change.
     */
    void forgetReplaced(KieBase base) {
        for (Iterator<Branch> it = branches.values().iterator(); it.hasNext(); ) {
            Branch branch = it.next();
            if (base.getRule(branch.rule.getPackageName(), branch.rule.getName()) == branch.rule) {
                continue;
            }
            it.remove();
            if (branch.segmentId == null) {
                continue;
            }
            List<Branch> siblings = bySegment.get(branch.segmentId);
            siblings.remove(branch);
            if (siblings.isEmpty()) {
                bySegment.remove(branch.segmentId);
            }
            BitSet bits = branch.matched;
            for (int o = bits.nextSetBit(0); o >= 0; o = bits.nextSetBit(o + 1)) {
                if (!isMember(branch.segmentId, o)) {
                    flips.flip(branch.segmentId, ordinals.id(o), -1);
                }
            }
        }
    }

    private Branch branchOf(Rule rule) {
        Object segment = rule.getMetaData().get(MembershipKeeping.SEGMENT_ANNOTATION);
        if (!DrlGenerator.PACKAGE.equals(rule.getPackageName()) || !(segment instanceof String segmentId)) {
            return new Branch(rule, null);
        }
        Branch branch = new Branch(rule, segmentId);
        bySegment.computeIfAbsent(segmentId, id -> new ArrayList<>(1)).add(branch);
        return branch;
    }

    private boolean isMember(String segmentId, int ordinal) {
        List<Branch> siblings = bySegment.get(segmentId);
        if (siblings != null) {
            for (Branch sibling : siblings) {
                if (sibling.matched.get(ordinal)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Contact contactIn(Match match) {
        return (Contact) match.getDeclarationValue("$contact");
    }
}
