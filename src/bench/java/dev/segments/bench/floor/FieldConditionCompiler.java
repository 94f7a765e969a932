package dev.segments.bench.floor;

import com.google.re2j.Pattern;
import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.Field;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToLongFunction;

/**
 * Compiles one field condition (SPEC 4, "Meaning"). A {@code not...} operator is compiled as the complement of its
 * twin, so it holds for an absent value; every other operator but {@code isEmpty} does not.
 */
final class FieldConditionCompiler {

    private final ZoneId zone;

    FieldConditionCompiler(ZoneId zone) {
        this.zone = zone;
    }

    CompiledCondition compile(Condition.FieldCondition f) {
        Operator op = f.op();
        if (op.isNegation()) {
            CompiledCondition twin = compile(new Condition.FieldCondition(f.field(), f.kind(), op.positiveTwin(),
                    f.value()));
            return e -> !twin.test(e);
        }
        if (op == Operator.IS_EMPTY) {
            return isEmpty(f.field());
        }
        return switch (f.kind()) {
            case TEXT -> text(f.field(), op, f.value());
            case NUMBER -> number(f.field(), op, f.value());
            case BOOLEAN -> bool(f.field(), ((Operand.Bool) f.value()).value());
            case TIME -> time(f.field(), op, f.value());
            case TAGS -> tags(op, f.value());
        };
    }

    private static CompiledCondition isEmpty(Field field) {
        if (field instanceof Field.Custom c) {
            String name = c.name();
            return e -> {
                CustomValueView v = e.contact().custom(name);
                return v == null || v.empty();
            };
        }
        ContactField standard = ((Field.Standard) field).field();
        if (standard.alwaysHasValue()) {
            return e -> false;
        }
        return switch (standard.kind()) {
            case TEXT -> e -> e.contact().written(standard) == null;
            case TIME -> e -> e.contact().time(standard) == NormalisedContact.ABSENT;
            case TAGS -> e -> e.contact().tags().isEmpty();
            default -> throw new IllegalArgumentException(standard + " has no emptiness");
        };
    }

    private static CompiledCondition text(Field field, Operator op, Operand operand) {
        if (op == Operator.MATCHES) {
            Pattern pattern = Pattern.compile(((Operand.Pattern) operand).regex());
            Function<NormalisedContact, String> written = textValue(field, true);
            return e -> {
                String v = written.apply(e.contact());
                return v != null && pattern.matcher(v).find();
            };
        }
        Function<NormalisedContact, String> lower = textValue(field, false);
        if (op == Operator.IN) {
            Set<String> values = new HashSet<>();
            ((Operand.TextList) operand).values().forEach(v -> values.add(lower(v.strip())));
            return e -> {
                String v = lower.apply(e.contact());
                return v != null && values.contains(v);
            };
        }
        String value = ((Operand.Text) operand).value();
        return switch (op) {
            case EQUALS -> {
                String wanted = lower(value.strip());
                yield e -> wanted.equals(lower.apply(e.contact()));
            }
            case CONTAINS -> {
                String piece = lower(value);
                yield e -> {
                    String v = lower.apply(e.contact());
                    return v != null && v.contains(piece);
                };
            }
            case STARTS_WITH -> {
                String piece = lower(value);
                yield e -> {
                    String v = lower.apply(e.contact());
                    return v != null && v.startsWith(piece);
                };
            }
            case ENDS_WITH -> {
                String piece = lower(value);
                yield e -> {
                    String v = lower.apply(e.contact());
                    return v != null && v.endsWith(piece);
                };
            }
            default -> throw new IllegalArgumentException(op + " is not a text operator");
        };
    }

    /** The stripped text as written (for {@code matches}) or lower-cased; null when absent, blank or not text. */
    private static Function<NormalisedContact, String> textValue(Field field, boolean asWritten) {
        if (field instanceof Field.Custom c) {
            String name = c.name();
            return contact -> {
                CustomValueView v = contact.custom(name);
                return v == null ? null : asWritten ? v.written() : v.lower();
            };
        }
        ContactField standard = ((Field.Standard) field).field();
        return asWritten ? contact -> contact.written(standard) : contact -> contact.lower(standard);
    }

    private static CompiledCondition number(Field field, Operator op, Operand operand) {
        String name = ((Field.Custom) field).name();
        Function<NormalisedContact, BigDecimal> value = contact -> {
            CustomValueView v = contact.custom(name);
            return v == null ? null : v.number();
        };
        if (op == Operator.BETWEEN) {
            Operand.NumberRange range = (Operand.NumberRange) operand;
            BigDecimal low = range.low();
            BigDecimal high = range.high();
            return e -> {
                BigDecimal v = value.apply(e.contact());
                return v != null && low.compareTo(v) <= 0 && v.compareTo(high) <= 0;
            };
        }
        BigDecimal wanted = ((Operand.Number) operand).value();
        IntPredicate holds = switch (op) {
            case EQUALS -> c -> c == 0;
            case GT -> c -> c > 0;
            case GTE -> c -> c >= 0;
            case LT -> c -> c < 0;
            case LTE -> c -> c <= 0;
            default -> throw new IllegalArgumentException(op + " is not a number operator");
        };
        return e -> {
            BigDecimal v = value.apply(e.contact());
            return v != null && holds.test(v.compareTo(wanted));
        };
    }

    private static CompiledCondition bool(Field field, boolean wanted) {
        if (field instanceof Field.Custom c) {
            String name = c.name();
            Boolean boxed = wanted;
            return e -> {
                CustomValueView v = e.contact().custom(name);
                return v != null && boxed.equals(v.bool());
            };
        }
        return e -> e.contact().dnd() == wanted;
    }

    private CompiledCondition time(Field field, Operator op, Operand operand) {
        ToLongFunction<NormalisedContact> value = timeValue(field);
        long absent = NormalisedContact.ABSENT;
        return switch (op) {
            case BEFORE -> {
                long bound = ((Operand.Time) operand).point().resolve(zone).toEpochMilli();
                yield e -> {
                    long t = value.applyAsLong(e.contact());
                    return t != absent && t < bound;
                };
            }
            case AFTER -> {
                long bound = ((Operand.Time) operand).point().resolve(zone).toEpochMilli();
                yield e -> {
                    long t = value.applyAsLong(e.contact());
                    return t != absent && t > bound;
                };
            }
            case BETWEEN -> {
                Operand.TimeRange range = (Operand.TimeRange) operand;
                long low = range.low().resolve(zone).toEpochMilli();
                long high = range.high().resolve(zone).toEpochMilli();
                yield e -> {
                    long t = value.applyAsLong(e.contact());
                    return t != absent && low <= t && t <= high;
                };
            }
            case WITHIN_LAST -> {
                long length = length(operand);
                yield e -> {
                    long t = value.applyAsLong(e.contact());
                    return t != absent && e.now() - length < t && t <= e.now();
                };
            }
            case MORE_THAN_AGO -> {
                long length = length(operand);
                yield e -> {
                    long t = value.applyAsLong(e.contact());
                    return t != absent && t <= e.now() - length;
                };
            }
            case WITHIN_NEXT -> {
                long length = length(operand);
                yield e -> {
                    long t = value.applyAsLong(e.contact());
                    return t != absent && e.now() < t && t <= e.now() + length;
                };
            }
            default -> throw new IllegalArgumentException(op + " is not a time operator");
        };
    }

    private static ToLongFunction<NormalisedContact> timeValue(Field field) {
        if (field instanceof Field.Custom c) {
            String name = c.name();
            return contact -> {
                CustomValueView v = contact.custom(name);
                return v == null ? NormalisedContact.ABSENT : v.time();
            };
        }
        ContactField standard = ((Field.Standard) field).field();
        return contact -> contact.time(standard);
    }

    private static CompiledCondition tags(Operator op, Operand operand) {
        if (op == Operator.CONTAINS) {
            String tag = tag(((Operand.Text) operand).value());
            return e -> e.contact().tags().contains(tag);
        }
        String[] wanted = ((Operand.TextList) operand).values().stream().map(FieldConditionCompiler::tag)
                .toArray(String[]::new);
        return switch (op) {
            case CONTAINS_ANY -> e -> {
                Set<String> tags = e.contact().tags();
                for (String t : wanted) {
                    if (tags.contains(t)) {
                        return true;
                    }
                }
                return false;
            };
            case CONTAINS_ALL -> e -> {
                Set<String> tags = e.contact().tags();
                for (String t : wanted) {
                    if (!tags.contains(t)) {
                        return false;
                    }
                }
                return true;
            };
            default -> throw new IllegalArgumentException(op + " is not a tags operator");
        };
    }

    private static long length(Operand operand) {
        return ((Operand.Length) operand).duration().toMillis();
    }

    private static String tag(String conditionValue) {
        return lower(conditionValue.strip());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
