package dev.segments.bench.sql;

import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.CountComparison;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A segment condition as a SQL boolean expression over one {@code contacts} row aliased {@code c}. Every expression
 * is two-valued (never NULL), so {@code NOT} is the spec's complement: a value predicate always comes with its
 * {@code IS NOT NULL}, and each {@code not...} operator is {@code NOT} of its positive twin. Tags, custom fields and
 * email events are correlated {@code EXISTS} / {@code COUNT} subqueries; {@code memberOf} is whatever the caller
 * says (the memberships table for a rebuild, the other segment's expression inlined for a one-contact check).
 */
final class ConditionTranslator {

    private static final String NOW = "CAST(? AS " + Schema.TIME + ")";

    private final Dialect dialect;
    private final ZoneId zone;
    private final Function<String, Sql> memberOf;

    ConditionTranslator(Dialect dialect, ZoneId zone, Function<String, Sql> memberOf) {
        this.dialect = dialect;
        this.zone = zone;
        this.memberOf = memberOf;
    }

    /** {@code memberOf} read from the memberships table (the referenced segment must be rebuilt first). */
    static Sql memberOfFromTable(String segmentId) {
        return Sql.of("EXISTS (SELECT 1 FROM memberships m WHERE m.segment_id = ? AND m.contact_id = c.id)",
                segmentId);
    }

    Sql translate(Condition condition) {
        if (condition instanceof Condition.All all) {
            return all.children().isEmpty() ? Sql.of("TRUE") : combine(" AND ", all.children());
        } else if (condition instanceof Condition.Any any) {
            return any.children().isEmpty() ? Sql.of("FALSE") : combine(" OR ", any.children());
        } else if (condition instanceof Condition.Not not) {
            return not(translate(not.child()));
        } else if (condition instanceof Condition.MemberOf m) {
            return memberOf.apply(m.segmentId()).parenthesised();
        } else if (condition instanceof Condition.Activity a) {
            return activity(a);
        }
        return field((Condition.FieldCondition) condition);
    }

    private Sql combine(String operator, List<Condition> children) {
        return Sql.join(operator, children.stream().map(this::translate).toList()).parenthesised();
    }

    private static Sql not(Sql positive) {
        return Sql.of("NOT ").plus(positive.parenthesised()).parenthesised();
    }

    // ---- activity ----

    /** {@code now - within < at <= now}; a plain "at least one" / "none" is an EXISTS, other counts a COUNT. */
    private Sql activity(Condition.Activity a) {
        Sql events = Sql.of("FROM email_events e WHERE e.contact_id = c.id AND e.type = ? AND e.occurred_at > "
                + dialect.shifted(NOW, -a.within().toMillis()) + " AND e.occurred_at <= " + NOW,
                a.type().wireName(), Sql.NOW, Sql.NOW);
        if (a.campaignId().isPresent()) {
            events = events.plus(Sql.of(" AND e.campaign_id = ?", a.campaignId().get()));
        }
        CountComparison count = a.count();
        if (!count.test(0) && count.test(1) && count.op() != Operator.EQUALS && count.op() != Operator.BETWEEN) {
            return Sql.of("EXISTS (SELECT 1 ").plus(events).plus(")");
        }
        Sql counted = Sql.of("(SELECT COUNT(*) ").plus(events).plus(")");
        return switch (count.op()) {
            case EQUALS -> counted.plus(" = " + count.low());
            case NOT_EQUALS -> counted.plus(" <> " + count.low());
            case GT -> counted.plus(" > " + count.low());
            case GTE -> counted.plus(" >= " + count.low());
            case LT -> counted.plus(" < " + count.low());
            case LTE -> counted.plus(" <= " + count.low());
            case BETWEEN -> counted.plus(" BETWEEN " + count.low() + " AND " + count.high());
            default -> throw new IllegalArgumentException("not a count operator: " + count.op());
        };
    }

    // ---- fields ----

    private Sql field(Condition.FieldCondition f) {
        Operator op = f.op();
        if (op.isNegation()) {
            return not(field(new Condition.FieldCondition(f.field(), f.kind(), op.positiveTwin(), f.value())));
        }
        if (f.kind() == FieldKind.TAGS) {
            return tags(op, f.value());
        }
        if (f.field() instanceof Field.Custom custom) {
            return custom(custom.name(), f.kind(), op, f.value());
        }
        ContactField standard = ((Field.Standard) f.field()).field();
        if (op == Operator.IS_EMPTY) {
            return standard.alwaysHasValue() ? Sql.of("FALSE")
                    : Sql.of("c." + ContactColumns.column(standard) + " IS NULL");
        }
        String column = "c." + (op == Operator.MATCHES || f.kind() != FieldKind.TEXT ? ContactColumns.column(standard)
                : ContactColumns.lowerColumn(standard));
        return Sql.of(column + " IS NOT NULL AND ").plus(predicate(f.kind(), op, f.value(), column)).parenthesised();
    }

    /** Absent unless the contact has a value of the condition's kind (a blank string is not stored at all). */
    private Sql custom(String name, FieldKind kind, Operator op, Operand value) {
        Sql row = Sql.of("SELECT 1 FROM contact_custom f WHERE f.contact_id = c.id AND f.name = ?", name);
        if (op == Operator.IS_EMPTY) {
            return Sql.of("NOT EXISTS (").plus(row).plus(")");
        }
        String column = "f." + switch (kind) {
            case TEXT -> op == Operator.MATCHES ? "text_value" : "text_lc";
            case NUMBER -> "number_value";
            case BOOLEAN -> "bool_value";
            case TIME -> "time_value";
            case TAGS -> throw new IllegalArgumentException("custom fields are not tags");
        };
        return Sql.of("EXISTS (").plus(row).plus(" AND " + column + " IS NOT NULL AND ")
                .plus(predicate(kind, op, value, column)).plus(")");
    }

    /** The positive operator on a non-NULL value. */
    private Sql predicate(FieldKind kind, Operator op, Operand value, String v) {
        return switch (kind) {
            case TEXT -> text(op, value, v);
            case NUMBER -> number(op, value, v);
            case BOOLEAN -> Sql.of(v + " = ?", ((Operand.Bool) value).value());
            case TIME -> time(op, value, v);
            case TAGS -> throw new IllegalArgumentException("tags have no column");
        };
    }

    private Sql text(Operator op, Operand value, String v) {
        return switch (op) {
            case EQUALS -> Sql.of(v + " = ?", StoredText.conditionValue(((Operand.Text) value).value()));
            case CONTAINS -> like(v, "%", ((Operand.Text) value).value(), "%");
            case STARTS_WITH -> like(v, "", ((Operand.Text) value).value(), "%");
            case ENDS_WITH -> like(v, "%", ((Operand.Text) value).value(), "");
            case IN -> in(v, ((Operand.TextList) value).values());
            case MATCHES -> Sql.of(dialect.regexFind(v,
                    dialect.regexFlavour().translate(((Operand.Pattern) value).regex()).pattern()));
            default -> throw new IllegalArgumentException(op + " is not a positive text operator");
        };
    }

    /** {@code contains} and friends use the value as written (not trimmed), lower-cased. */
    private static Sql like(String v, String before, String written, String after) {
        String escaped = StoredText.lower(written).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return Sql.of(v + " LIKE ? ESCAPE '\\'", before + escaped + after);
    }

    private static Sql in(String v, List<String> written) {
        Set<String> values = new LinkedHashSet<>();
        written.forEach(w -> values.add(StoredText.conditionValue(w)));
        if (values.isEmpty()) {
            return Sql.of("FALSE");
        }
        return new Sql(v + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")",
                new ArrayList<>(values));
    }

    private static Sql number(Operator op, Operand value, String v) {
        if (op == Operator.BETWEEN) {
            Operand.NumberRange r = (Operand.NumberRange) value;
            return Sql.of(v + " >= ? AND " + v + " <= ?", r.low(), r.high());
        }
        BigDecimal n = ((Operand.Number) value).value();
        return switch (op) {
            case EQUALS -> Sql.of(v + " = ?", n);
            case GT -> Sql.of(v + " > ?", n);
            case GTE -> Sql.of(v + " >= ?", n);
            case LT -> Sql.of(v + " < ?", n);
            case LTE -> Sql.of(v + " <= ?", n);
            default -> throw new IllegalArgumentException(op + " is not a positive number operator");
        };
    }

    private Sql time(Operator op, Operand value, String v) {
        return switch (op) {
            case BEFORE -> Sql.of(v + " < ?", ((Operand.Time) value).point().resolve(zone));
            case AFTER -> Sql.of(v + " > ?", ((Operand.Time) value).point().resolve(zone));
            case BETWEEN -> {
                Operand.TimeRange r = (Operand.TimeRange) value;
                yield Sql.of(v + " >= ? AND " + v + " <= ?", r.low().resolve(zone), r.high().resolve(zone));
            }
            case WITHIN_LAST -> Sql.of(v + " > " + dialect.shifted(NOW, -length(value)) + " AND " + v + " <= " + NOW,
                    Sql.NOW, Sql.NOW);
            case MORE_THAN_AGO -> Sql.of(v + " <= " + dialect.shifted(NOW, -length(value)), Sql.NOW);
            case WITHIN_NEXT -> Sql.of(v + " > " + NOW + " AND " + v + " <= " + dialect.shifted(NOW, length(value)),
                    Sql.NOW, Sql.NOW);
            default -> throw new IllegalArgumentException(op + " is not a positive time operator");
        };
    }

    private static long length(Operand value) {
        return ((Operand.Length) value).duration().toMillis();
    }

    // ---- tags ----

    private static Sql tags(Operator op, Operand value) {
        String any = "SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id";
        return switch (op) {
            case IS_EMPTY -> Sql.of("NOT EXISTS (" + any + ")");
            case CONTAINS -> Sql.of("EXISTS (" + any + " AND t.tag = ?)",
                    StoredText.conditionValue(((Operand.Text) value).value()));
            case CONTAINS_ANY -> {
                Sql in = in("t.tag", ((Operand.TextList) value).values());
                yield Sql.of("EXISTS (" + any + " AND ").plus(in).plus(")");
            }
            case CONTAINS_ALL -> {
                Set<String> wanted = new LinkedHashSet<>();
                ((Operand.TextList) value).values().forEach(w -> wanted.add(StoredText.conditionValue(w)));
                yield wanted.isEmpty() ? Sql.of("TRUE") : Sql.join(" AND ", wanted.stream()
                        .map(tag -> Sql.of("EXISTS (" + any + " AND t.tag = ?)", tag)).toList()).parenthesised();
            }
            default -> throw new IllegalArgumentException(op + " is not a positive tags operator");
        };
    }
}
