package dev.segments.bench.sql;

import dev.segments.definition.Condition;
import dev.segments.definition.Operand;
import dev.segments.definition.SegmentDefinition;
import dev.segments.validation.SegmentSetValidator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The segments as SQL: each segment's expression two ways (reading {@code memberOf} from the memberships table, or
 * with the referenced segment inlined), the order a full rebuild must follow ({@code memberOf} targets first), and
 * which segments the dialect cannot express exactly. Immutable; {@link #replacing} makes a new plan.
 */
final class SegmentPlan {

    private final Map<String, SegmentDefinition> segments = new LinkedHashMap<>();
    private final Dialect dialect;
    private final ZoneId zone;
    private final List<String> order = new ArrayList<>();
    private final Map<String, Sql> fromTable = new HashMap<>();
    private final Map<String, Sql> inlined = new HashMap<>();
    private final Map<String, String> inexact = new TreeMap<>();

    SegmentPlan(List<SegmentDefinition> definitions, Dialect dialect, ZoneId zone) {
        definitions.forEach(s -> {
            if (segments.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate segment id " + s.id());
            }
        });
        this.dialect = dialect;
        this.zone = zone;
        Set<String> visiting = new LinkedHashSet<>();
        segments.keySet().forEach(id -> visit(id, visiting));
        ConditionTranslator table = new ConditionTranslator(dialect, zone, ConditionTranslator::memberOfFromTable);
        ConditionTranslator inline = new ConditionTranslator(dialect, zone, inlined::get);
        for (String id : order) {
            Condition match = segments.get(id).match();
            fromTable.put(id, table.translate(match));
            inlined.put(id, inline.translate(match)); // its memberOf targets come earlier in the order
            inexactReason(id).ifPresent(reason -> inexact.put(id, reason));
        }
    }

    SegmentPlan replacing(SegmentDefinition segment) {
        if (!segments.containsKey(segment.id())) {
            throw new IllegalArgumentException("unknown segment " + segment.id());
        }
        List<SegmentDefinition> definitions = new ArrayList<>(segments.values());
        definitions.replaceAll(s -> s.id().equals(segment.id()) ? segment : s);
        return new SegmentPlan(definitions, dialect, zone);
    }

    /** Every segment id, each after the segments it refers to with {@code memberOf}. */
    List<String> order() {
        return List.copyOf(order);
    }

    /** {@code id} and every segment that depends on it through {@code memberOf}, in rebuild order. */
    List<String> withDependents(String id) {
        Set<String> affected = new LinkedHashSet<>(Set.of(id));
        for (String s : order) {
            references(segments.get(s).match(), ref -> {
                if (affected.contains(ref)) {
                    affected.add(s);
                }
            });
        }
        return order.stream().filter(affected::contains).toList();
    }

    /** The segment's expression; {@code memberOf} reads the memberships table. */
    Sql fromTable(String id) {
        return fromTable.get(id);
    }

    /** The segment's expression with every {@code memberOf} inlined: needs nothing but the contact's own rows. */
    Sql inlined(String id) {
        return inlined.get(id);
    }

    /** Segments whose memberships may differ from the spec in this dialect, with why (see {@link RegexFlavour}). */
    Map<String, String> inexact() {
        return new TreeMap<>(inexact);
    }

    private void visit(String id, Set<String> visiting) {
        if (order.contains(id)) {
            return;
        }
        SegmentDefinition s = segments.get(id);
        if (s == null) {
            throw new IllegalArgumentException("memberOf an unknown segment " + id);
        }
        if (!visiting.add(id)) {
            throw new IllegalArgumentException("memberOf cycle through " + visiting);
        }
        references(s.match(), ref -> visit(ref, visiting));
        visiting.remove(id);
        order.add(id);
    }

    private java.util.Optional<String> inexactReason(String id) {
        List<String> reasons = new ArrayList<>();
        patterns(segments.get(id).match(), regex -> dialect.regexFlavour().translate(regex).inexactBecause()
                .ifPresent(why -> reasons.add("matches \"" + regex + "\": " + why)));
        references(segments.get(id).match(), ref -> {
            if (inexact.containsKey(ref)) {
                reasons.add("memberOf " + ref);
            }
        });
        return reasons.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", reasons));
    }

    private static void references(Condition c, Consumer<String> to) {
        SegmentSetValidator.memberOfs(c).forEach(m -> to.accept(m.segmentId()));
    }

    private static void patterns(Condition c, Consumer<String> to) {
        c.nodes().forEach(node -> {
            if (node instanceof Condition.FieldCondition f && f.value() instanceof Operand.Pattern p) {
                to.accept(p.regex());
            }
        });
    }
}
