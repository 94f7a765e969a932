package dev.segments.bench.floor;

import dev.segments.definition.Condition;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Turns a condition tree into a tree of small compiled nodes, once per segment: values are normalised and time
 * values resolved here, so evaluating a contact walks no definition.
 */
final class ConditionCompiler {

    private final FieldConditionCompiler fields;
    private final Map<String, Integer> segmentIndex;

    /** @param segmentIndex each segment id to its index in the evaluation's segment array (for {@code memberOf}) */
    ConditionCompiler(ZoneId zone, Map<String, Integer> segmentIndex) {
        this.fields = new FieldConditionCompiler(zone);
        this.segmentIndex = segmentIndex;
    }

    CompiledCondition compile(Condition condition) {
        if (condition instanceof Condition.All all) {
            CompiledCondition[] children = compile(all.children());
            return e -> {
                for (CompiledCondition c : children) {
                    if (!c.test(e)) {
                        return false;
                    }
                }
                return true;
            };
        } else if (condition instanceof Condition.Any any) {
            CompiledCondition[] children = compile(any.children());
            return e -> {
                for (CompiledCondition c : children) {
                    if (c.test(e)) {
                        return true;
                    }
                }
                return false;
            };
        } else if (condition instanceof Condition.Not not) {
            CompiledCondition child = compile(not.child());
            return e -> !child.test(e);
        } else if (condition instanceof Condition.MemberOf m) {
            Integer index = segmentIndex.get(m.segmentId());
            if (index == null) {
                throw new IllegalArgumentException("memberOf unknown segment " + m.segmentId());
            }
            int i = index;
            return e -> e.isMember(i);
        } else if (condition instanceof Condition.Activity a) {
            return activity(a.type(), a.within().toMillis(), a.count(), a.campaignId().orElse(null));
        }
        return fields.compile((Condition.FieldCondition) condition);
    }

    private CompiledCondition[] compile(List<Condition> children) {
        return children.stream().map(this::compile).toArray(CompiledCondition[]::new);
    }

    private static CompiledCondition activity(EmailEventType type, long within, CountComparison count,
            String campaign) {
        return e -> count.test(e.events().count(type, campaign, e.now() - within, e.now()));
    }
}
