package dev.segments.drl;

import static dev.segments.drl.DrlText.comment;
import static dev.segments.drl.DrlText.quote;

import dev.segments.definition.Condition;
import dev.segments.definition.SegmentDefinition;
import dev.segments.time.ActivityWindow;
import dev.segments.time.RelativeWindow;
import dev.segments.time.TimeWindows;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a checked segment definition into readable DRL: one rule per branch of the segment's top-level
 * {@code any} (one rule when there is none), named after the segment. In the {@link MembershipKeeping#FACT} form each
 * rule inserts the membership logically; in the {@link MembershipKeeping#MATCHES} form the rule only carries its
 * segment in {@code @segment(...)} and the engine keeps the membership from the rule's matches. All literal values
 * are escaped; a value never becomes code.
 */
public final class DrlGenerator {

    /** The package of all generated rules; hand-written DRL may use any other. */
    public static final String PACKAGE = "segments.generated";
    private static final List<String> NUMBER_FUNCTIONS = List.of("countIn", "numberEquals", "numberAbove",
            "numberAtLeast", "numberBelow", "numberAtMost", "numberBetween");

    /**
     * Drools' default propagation, named so that Drools does not build the rule as an {@code AlphaTerminalNode}: that
     * shortcut for single-pattern rules queues the rule on the agenda on every update of the contact, even one that
     * changes nothing the rule reads, which made an update cost a heap operation per rule (docs/design.md).
     */
    static final String LAZY_PROPAGATION = "@Propagation(LAZY)";

    private final ZoneId zone;

    public DrlGenerator(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The form a rule author can copy into {@code rules/} as a hand-written segment: memberships as facts. */
    public GeneratedSegment generate(SegmentDefinition segment) {
        return generate(segment, MembershipKeeping.FACT);
    }

    public GeneratedSegment generate(SegmentDefinition segment, MembershipKeeping keeping) {
        Set<RelativeWindow> relative = new LinkedHashSet<>();
        Set<ActivityWindow> activity = new LinkedHashSet<>();
        Set<String> tags = new TreeSet<>();
        ContactConstraints constraints = new ContactConstraints(zone, relative, activity, tags);
        List<Branch> branches = Branches.of(term(segment.match(), false, constraints));

        StringBuilder drl = new StringBuilder();
        drl.append("package ").append(PACKAGE).append(";\n\n");
        drl.append("import dev.segments.engine.Contact;\n");
        drl.append("import dev.segments.engine.SegmentMembership;\n");
        for (String function : List.of("textContains", "textStartsWith", "textEndsWith")) {
            if (uses(branches, function + "(")) {
                drl.append("import function dev.segments.engine.NullSafeText.").append(function).append(";\n");
            }
        }
        for (String function : NUMBER_FUNCTIONS) {
            if (uses(branches, function + "(")) {
                drl.append("import function dev.segments.engine.NullSafeNumber.").append(function).append(";\n");
            }
        }
        if (uses(branches, "patternFound(")) {
            drl.append("import function dev.segments.engine.Re2.patternFound;\n");
        }
        drl.append("\n// Segment ").append(segment.id()).append(": ").append(comment(segment.name())).append('\n');
        segment.description().ifPresent(d -> drl.append("// ").append(comment(d)).append('\n'));
        drl.append("// Generated from ").append(comment(segment.sourceFile()))
                .append("; edit that file, not this text.\n");
        if (branches.isEmpty()) {
            drl.append("// The condition can never hold (an empty \"any\"), so this segment has no rule.\n");
        } else {
            drl.append("// @Propagation(LAZY) is Drools' default; naming it makes an update wake only the rules that read")
                    .append(" what changed.\n");
            if (uses(branches, "tagsPart") || uses(branches, "timeFlagsPart") || uses(branches, "activityCountsPart")) {
                drl.append("// tagsPartN, timeFlagsPartN and activityCountsPartN are the whole tags, timeFlags and")
                        .append(" activityCounts, named by\n// their key's part, so that a change re-evaluates only")
                        .append(" the rules that read its part.\n");
            }
        }
        for (int i = 0; i < branches.size(); i++) {
            String name = branches.size() == 1 ? segment.id()
                    : segment.id() + " (branch " + (i + 1) + " of " + branches.size() + ")";
            drl.append('\n').append(rule(name, segment.id(), branches.get(i), keeping));
        }
        return new GeneratedSegment(segment, drl.toString(), new TimeWindows(relative, activity), Set.copyOf(tags));
    }

    private static boolean uses(List<Branch> branches, String call) {
        return branches.stream().anyMatch(b -> b.constraints().stream().anyMatch(c -> c.contains(call)));
    }

    private static String rule(String name, String segmentId, Branch branch, MembershipKeeping keeping) {
        StringBuilder rule = new StringBuilder();
        rule.append("rule ").append(quote(name)).append(' ').append(LAZY_PROPAGATION);
        if (keeping == MembershipKeeping.MATCHES) {
            rule.append(" @").append(MembershipKeeping.SEGMENT_ANNOTATION)
                    .append('(').append(quote(segmentId)).append(')');
        }
        rule.append('\n');
        rule.append("when\n");
        rule.append("    $contact : Contact(");
        if (!branch.constraints().isEmpty()) {
            rule.append(' ').append(String.join(", ", branch.constraints())).append(' ');
        }
        rule.append(")\n");
        for (Term.Membership membership : branch.memberships()) {
            rule.append("    ").append(membership.negated() ? "not " : "")
                    .append("SegmentMembership( segmentId == ").append(quote(membership.segmentId()))
                    .append(", contactId == $contact.id )\n");
        }
        rule.append("then\n");
        if (keeping == MembershipKeeping.MATCHES) {
            rule.append("    // Member of ").append(comment(segmentId)).append(" while this rule matches; no rule reads this")
                    .append(" segment,\n    // so the engine keeps the membership from the match instead of a")
                    .append(" SegmentMembership fact.\n");
        } else {
            rule.append("    insertLogical(new SegmentMembership(").append(quote(segmentId))
                    .append(", $contact.getId()));\n");
        }
        rule.append("end\n");
        return rule.toString();
    }

    /** The condition in negation normal form: negations pushed to the leaves with De Morgan. */
    private static Term term(Condition condition, boolean negated, ContactConstraints constraints) {
        if (condition instanceof Condition.All all) {
            List<Term> children = children(all.children(), negated, constraints);
            return negated ? new Term.Or(children) : new Term.And(children);
        }
        if (condition instanceof Condition.Any any) {
            List<Term> children = children(any.children(), negated, constraints);
            return negated ? new Term.And(children) : new Term.Or(children);
        }
        if (condition instanceof Condition.Not not) {
            return term(not.child(), !negated, constraints);
        }
        if (condition instanceof Condition.FieldCondition field) {
            return constraints.field(field, negated);
        }
        if (condition instanceof Condition.Activity activity) {
            return constraints.activity(activity, negated);
        }
        Condition.MemberOf memberOf = (Condition.MemberOf) condition;
        return new Term.Membership(memberOf.segmentId(), negated);
    }

    private static List<Term> children(List<Condition> conditions, boolean negated, ContactConstraints constraints) {
        List<Term> terms = new ArrayList<>();
        for (Condition child : conditions) {
            terms.add(term(child, negated, constraints));
        }
        return terms;
    }
}
