package dev.segments.bench.workload;

import dev.segments.definition.Condition;
import dev.segments.definition.CountComparison;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A marketer's edit of a segment: one value of one filter changed (another state, a longer window, a higher score,
 * the other boolean...), the id and everything else kept. The result is as valid as the original.
 */
public final class SegmentEdits {

    private final Random random;
    private final Map<String, List<String>> alternatives;

    public SegmentEdits(long seed) {
        this.random = new Random(seed ^ 0x65646974L);
        TagVocabulary tags = new TagVocabulary();
        Places places = new Places();
        this.alternatives = Map.ofEntries(
                Map.entry("tags", tags.tags().subList(0, 40)),
                Map.entry("state", places.states()),
                Map.entry("city", places.cities()),
                Map.entry("source", SegmentLeaves.SOURCES),
                Map.entry("custom.plan", SegmentLeaves.PLANS),
                Map.entry("email", SegmentLeaves.DOMAINS),
                Map.entry("timezone", SegmentLeaves.TIMEZONES),
                Map.entry("country", List.of("US", "CA", "GB", "AU", "DE", "MX")),
                Map.entry("emailStatus", List.of("subscribed", "unsubscribed", "bounced")),
                Map.entry("firstName", List.of("Jo", "Ma", "Da", "Ch", "Li")),
                Map.entry("lastName", People.LAST_NAMES),
                Map.entry("companyName", List.of("tech", "Labs", "Group", "Consulting", "Health")),
                Map.entry("postalCode", List.of("787", "100", "941", "331", "606")));
    }

    /** The segment with one value of one field or activity condition changed. */
    public SegmentDefinition edited(SegmentDefinition segment) {
        int leaves = count(segment.match());
        if (leaves == 0) {
            throw new IllegalArgumentException(segment.id() + " has no value to edit");
        }
        int[] target = {random.nextInt(leaves)};
        return new SegmentDefinition(segment.id(), segment.name(), segment.description(),
                rewrite(segment.match(), target), segment.at());
    }

    private static int count(Condition c) {
        if (c instanceof Condition.All all) {
            return all.children().stream().mapToInt(SegmentEdits::count).sum();
        } else if (c instanceof Condition.Any any) {
            return any.children().stream().mapToInt(SegmentEdits::count).sum();
        } else if (c instanceof Condition.Not not) {
            return count(not.child());
        }
        return c instanceof Condition.MemberOf ? 0 : 1;
    }

    /** The tree with its {@code target[0]}-th editable leaf (in written order) changed. */
    private Condition rewrite(Condition c, int[] target) {
        if (c instanceof Condition.All all) {
            return new Condition.All(rewrite(all.children(), target));
        } else if (c instanceof Condition.Any any) {
            return new Condition.Any(rewrite(any.children(), target));
        } else if (c instanceof Condition.Not not) {
            return new Condition.Not(rewrite(not.child(), target));
        } else if (c instanceof Condition.MemberOf) {
            return c;
        }
        if (target[0]-- != 0) {
            return c;
        }
        return c instanceof Condition.Activity a ? activity(a) : field((Condition.FieldCondition) c);
    }

    private List<Condition> rewrite(List<Condition> children, int[] target) {
        List<Condition> out = new ArrayList<>();
        children.forEach(child -> out.add(rewrite(child, target)));
        return out;
    }

    private Condition activity(Condition.Activity a) {
        if (random.nextBoolean()) {
            return new Condition.Activity(a.type(), otherLength(a.within()), a.count(), a.campaignId());
        }
        CountComparison c = a.count();
        return new Condition.Activity(a.type(), a.within(), new CountComparison(c.op(), c.low() + 1, c.high() + 1),
                a.campaignId());
    }

    private Condition field(Condition.FieldCondition f) {
        Operand value = f.value();
        Operator op = f.op();
        Operand edited;
        if (value instanceof Operand.None) {
            op = op == Operator.IS_EMPTY ? Operator.IS_NOT_EMPTY : Operator.IS_EMPTY;
            edited = value;
        } else if (value instanceof Operand.Text t) {
            edited = new Operand.Text(otherText(f.field().wireName(), List.of(t.value()), t.value() + "x"));
        } else if (value instanceof Operand.TextList l) {
            List<String> values = new ArrayList<>(l.values());
            values.set(random.nextInt(values.size()), otherText(f.field().wireName(), values, values.get(0) + "x"));
            edited = new Operand.TextList(values);
        } else if (value instanceof Operand.Number n) {
            edited = new Operand.Number(n.value().add(BigDecimal.valueOf(5)));
        } else if (value instanceof Operand.NumberRange r) {
            edited = new Operand.NumberRange(r.low(), r.high().add(BigDecimal.TEN));
        } else if (value instanceof Operand.Bool b) {
            edited = new Operand.Bool(!b.value());
        } else if (value instanceof Operand.Time t) {
            edited = new Operand.Time(shifted(t.point(), random.nextBoolean() ? 30 : -30));
        } else if (value instanceof Operand.TimeRange r) {
            int days = random.nextBoolean() ? 7 : -7;
            edited = new Operand.TimeRange(shifted(r.low(), days), shifted(r.high(), days));
        } else if (value instanceof Operand.Length l) {
            edited = new Operand.Length(otherLength(l.duration()));
        } else {
            String regex = ((Operand.Pattern) value).regex();
            edited = new Operand.Pattern(regex.startsWith("(?i)") ? regex.substring(4) : "(?i)" + regex);
        }
        return new Condition.FieldCondition(f.field(), f.kind(), op, edited);
    }

    /** Another value a marketer would pick for that field, not one of {@code taken}; {@code fallback} otherwise. */
    private String otherText(String field, List<String> taken, String fallback) {
        List<String> pool = alternatives.getOrDefault(field, List.of()).stream()
                .filter(v -> taken.stream().noneMatch(t -> t.strip().equalsIgnoreCase(v)))
                .toList();
        return pool.isEmpty() ? fallback : pool.get(random.nextInt(pool.size()));
    }

    private Duration otherLength(Duration current) {
        List<Duration> others = SegmentLeaves.LENGTHS.stream().filter(d -> !d.equals(current)).toList();
        return others.get(random.nextInt(others.size()));
    }

    private static TimePoint shifted(TimePoint p, int days) {
        if (p instanceof TimePoint.OnDate d) {
            return new TimePoint.OnDate(d.date().plusDays(days));
        }
        return new TimePoint.AtInstant(((TimePoint.AtInstant) p).instant().plus(Duration.ofDays(days)));
    }
}
