package dev.segments.reference;

import com.google.re2j.Pattern;
import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.Field;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * SPEC 4 evaluated directly, contact by contact, with no engine: the oracle the Drools engine is compared with.
 * It favours being obviously right over being fast. Times are compared as epoch milliseconds (SPEC 2:
 * millisecond resolution), as the engine's facts hold them.
 *
 * <p>Choices where the spec is silent, kept in one place so the engine can be held to them:
 * <ul>
 * <li>"trimmed" is {@link String#strip()} (Unicode white space, as the engine does); a text value is blank when it
 * strips to the empty string;</li>
 * <li>a contact's blank tag is no tag at all;</li>
 * <li>a custom string is a time value when, trimmed, it parses as an ISO-8601 date-time with an offset ({@code OffsetDateTime#parse}; seconds optional) or
 * as a {@code YYYY-MM-DD} date;</li>
 * <li>an {@code activity} condition's {@code campaignId} is compared exactly (it is an id, not text).</li>
 * </ul>
 */
public final class ReferenceEvaluator {

    private final Map<String, SegmentDefinition> segments = new LinkedHashMap<>();
    private final ZoneId zone;

    public ReferenceEvaluator(List<SegmentDefinition> segments, ZoneId zone) {
        for (SegmentDefinition s : segments) {
            if (this.segments.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate segment id " + s.id());
            }
        }
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ReferenceEvaluator(List<SegmentDefinition> segments) {
        this(segments, ZoneOffset.UTC);
    }

    /** Every segment id (sorted) to the ids (sorted) of its members at {@code now}; every segment is present. */
    public Map<String, Set<String>> memberships(Collection<ContactData> contacts,
            Map<String, List<EmailEvent>> eventsByContact, Instant now) {
        Map<String, Set<String>> result = new TreeMap<>();
        segments.keySet().forEach(id -> result.put(id, new TreeSet<>()));
        for (ContactData c : contacts) {
            Evaluation e = new Evaluation(c, eventsByContact.getOrDefault(c.id(), List.of()), now);
            for (String id : segments.keySet()) {
                if (e.isMember(id)) {
                    result.get(id).add(c.id());
                }
            }
        }
        return result;
    }

    public Set<String> membersOf(String segmentId, Collection<ContactData> contacts,
            Map<String, List<EmailEvent>> eventsByContact, Instant now) {
        segment(segmentId);
        Set<String> members = new TreeSet<>();
        for (ContactData c : contacts) {
            if (new Evaluation(c, eventsByContact.getOrDefault(c.id(), List.of()), now).isMember(segmentId)) {
                members.add(c.id());
            }
        }
        return members;
    }

    /** Whether one contact is a member of one segment at {@code now}; {@code events} are that contact's. */
    public boolean isMember(String segmentId, ContactData contact, List<EmailEvent> events, Instant now) {
        segment(segmentId);
        return new Evaluation(contact, events, now).isMember(segmentId);
    }

    /** Whether a condition holds for one contact at {@code now} ({@code memberOf} resolved against this evaluator). */
    public boolean holds(Condition condition, ContactData contact, List<EmailEvent> events, Instant now) {
        return new Evaluation(contact, events, now).holds(condition);
    }

    /** Groups events by contact id, keeping their order. */
    public static Map<String, List<EmailEvent>> byContact(Collection<EmailEvent> events) {
        return events.stream().collect(Collectors.groupingBy(EmailEvent::contactId, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** SPEC 3 with date-only times read in UTC; see {@link #applyEvent(ContactData, EmailEvent, ZoneId)}. */
    public static ContactData applyEvent(ContactData c, EmailEvent e) {
        return applyEvent(c, e, ZoneOffset.UTC);
    }

    /**
     * What an event does to its contact (SPEC 3): {@code email.sent}, {@code email.opened} and {@code email.clicked}
     * move {@code lastEmailSentAt}, {@code lastEmailOpenedAt}, {@code lastEmailClickedAt} forward, never backward;
     * {@code email.bounced} and {@code email.unsubscribed} set {@code emailStatus}; {@code email.delivered} changes
     * nothing.
     */
    public static ContactData applyEvent(ContactData c, EmailEvent e, ZoneId zone) {
        if (!c.id().equals(e.contactId())) {
            throw new IllegalArgumentException("event for " + e.contactId() + " applied to " + c.id());
        }
        ContactData.Builder b = c.toBuilder();
        switch (e.type()) {
            case SENT -> b.lastEmailSentAt(later(c.lastEmailSentAt(), e.at(), zone));
            case OPENED -> b.lastEmailOpenedAt(later(c.lastEmailOpenedAt(), e.at(), zone));
            case CLICKED -> b.lastEmailClickedAt(later(c.lastEmailClickedAt(), e.at(), zone));
            case BOUNCED -> b.emailStatus(EmailStatus.BOUNCED);
            case UNSUBSCRIBED -> b.emailStatus(EmailStatus.UNSUBSCRIBED);
            case DELIVERED -> {
            }
        }
        return b.build();
    }

    private static TimePoint later(TimePoint current, Instant at, ZoneId zone) {
        if (current == null || current.resolve(zone).toEpochMilli() < at.toEpochMilli()) {
            return new TimePoint.AtInstant(at);
        }
        return current;
    }

    private SegmentDefinition segment(String id) {
        SegmentDefinition s = segments.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown segment " + id);
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One contact at one instant; memberships of other segments are computed on demand and remembered. */
    private final class Evaluation {
        private final ContactData contact;
        private final List<EmailEvent> events;
        private final long now;
        private final Map<String, Boolean> memberOf = new HashMap<>();

        Evaluation(ContactData contact, List<EmailEvent> events, Instant now) {
            this.contact = contact;
            this.events = events;
            this.now = now.toEpochMilli();
        }

        boolean isMember(String segmentId) {
            Boolean known = memberOf.get(segmentId);
            if (known == null) {
                known = holds(segment(segmentId).match());
                memberOf.put(segmentId, known);
            }
            return known;
        }

        boolean holds(Condition condition) {
            if (condition instanceof Condition.All all) {
                return all.children().stream().allMatch(this::holds);
            } else if (condition instanceof Condition.Any any) {
                return any.children().stream().anyMatch(this::holds);
            } else if (condition instanceof Condition.Not not) {
                return !holds(not.child());
            } else if (condition instanceof Condition.MemberOf m) {
                return isMember(m.segmentId());
            } else if (condition instanceof Condition.Activity a) {
                return a.count().test(count(a));
            } else {
                return field((Condition.FieldCondition) condition);
            }
        }

        private long count(Condition.Activity a) {
            long from = now - a.within().toMillis();
            return events.stream()
                    .filter(e -> e.contactId().equals(contact.id()))
                    .filter(e -> e.type() == a.type())
                    .filter(e -> a.campaignId().isEmpty() || a.campaignId().equals(e.campaignId()))
                    .filter(e -> from < e.at().toEpochMilli() && e.at().toEpochMilli() <= now)
                    .count();
        }

        private boolean field(Condition.FieldCondition f) {
            Operator op = f.op();
            if (op == Operator.IS_EMPTY) {
                return isEmpty(f.field());
            }
            if (op == Operator.IS_NOT_EMPTY) {
                return !isEmpty(f.field());
            }
            return switch (f.kind()) {
                case TEXT -> op == Operator.MATCHES ? matches(f.value(), textAsWritten(f.field()))
                        : text(op, f.value(), textValue(f.field()));
                case NUMBER -> number(op, f.value(), numberValue(f.field()));
                case BOOLEAN -> bool(op, f.value(), boolValue(f.field()));
                case TIME -> time(op, f.value(), timeValue(f.field()));
                case TAGS -> tags(op, f.value(), tagSet());
            };
        }

        // ---- values: null means absent ----

        private boolean isEmpty(Field field) {
            if (field instanceof Field.Custom c) {
                CustomValue v = contact.custom().get(c.name());
                return v == null || (v instanceof CustomValue.Text t && t.value().strip().isEmpty());
            }
            ContactField standard = ((Field.Standard) field).field();
            if (standard.alwaysHasValue()) {
                return false; // dnd and emailStatus: their defaults
            }
            return switch (standard.kind()) {
                case TEXT -> textAsWritten(field) == null;
                case TIME -> timeValue(field) == null;
                case TAGS -> tagSet().isEmpty();
                case BOOLEAN, NUMBER -> throw new IllegalStateException(standard + ": no value to be empty");
            };
        }

        /** The trimmed value as written (case kept), or null when absent, blank or not text. */
        private String textAsWritten(Field field) {
            String raw;
            if (field instanceof Field.Custom c) {
                raw = contact.custom().get(c.name()) instanceof CustomValue.Text t ? t.value() : null;
            } else {
                ContactField s = ((Field.Standard) field).field();
                raw = switch (s) {
                    case EMAIL -> contact.email();
                    case FIRST_NAME -> contact.firstName();
                    case LAST_NAME -> contact.lastName();
                    case PHONE -> contact.phone();
                    case COMPANY_NAME -> contact.companyName();
                    case CITY -> contact.city();
                    case STATE -> contact.state();
                    case COUNTRY -> contact.country();
                    case POSTAL_CODE -> contact.postalCode();
                    case TIMEZONE -> contact.timezone();
                    case SOURCE -> contact.source();
                    case EMAIL_STATUS -> contact.emailStatus().wireName();
                    default -> throw new IllegalStateException(s + " is not a text field");
                };
            }
            if (raw == null) {
                return null;
            }
            String trimmed = raw.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }

        private String textValue(Field field) {
            String v = textAsWritten(field);
            return v == null ? null : lower(v);
        }

        private BigDecimal numberValue(Field field) {
            if (field instanceof Field.Custom c && contact.custom().get(c.name()) instanceof CustomValue.Number n) {
                return n.value();
            }
            return null;
        }

        private Boolean boolValue(Field field) {
            if (field instanceof Field.Custom c) {
                return contact.custom().get(c.name()) instanceof CustomValue.Bool b ? b.value() : null;
            }
            ContactField s = ((Field.Standard) field).field();
            if (s != ContactField.DND) {
                throw new IllegalStateException(s + " is not a boolean field");
            }
            return contact.dnd();
        }

        /** Epoch millis, or null when absent or (custom) not a time value. */
        private Long timeValue(Field field) {
            TimePoint p;
            if (field instanceof Field.Custom c) {
                p = contact.custom().get(c.name()) instanceof CustomValue.Text t ? parseTime(t.value()) : null;
            } else {
                ContactField s = ((Field.Standard) field).field();
                p = switch (s) {
                    case CREATED_AT -> contact.createdAt();
                    case DATE_OF_BIRTH -> contact.dateOfBirth();
                    case LAST_EMAIL_SENT_AT -> contact.lastEmailSentAt();
                    case LAST_EMAIL_OPENED_AT -> contact.lastEmailOpenedAt();
                    case LAST_EMAIL_CLICKED_AT -> contact.lastEmailClickedAt();
                    default -> throw new IllegalStateException(s + " is not a time field");
                };
            }
            return p == null ? null : millis(p);
        }

        private Set<String> tagSet() {
            Set<String> tags = new LinkedHashSet<>();
            for (String t : contact.tags()) {
                String trimmed = t.strip();
                if (!trimmed.isEmpty()) {
                    tags.add(lower(trimmed));
                }
            }
            return tags;
        }

        // ---- operators ----

        private boolean text(Operator op, Operand operand, String v) {
            return switch (op) {
                case EQUALS -> v != null && v.equals(lower(((Operand.Text) operand).value().strip()));
                case NOT_EQUALS -> !text(Operator.EQUALS, operand, v);
                case CONTAINS -> v != null && v.contains(lower(((Operand.Text) operand).value()));
                case NOT_CONTAINS -> !text(Operator.CONTAINS, operand, v);
                case STARTS_WITH -> v != null && v.startsWith(lower(((Operand.Text) operand).value()));
                case ENDS_WITH -> v != null && v.endsWith(lower(((Operand.Text) operand).value()));
                case IN -> v != null && ((Operand.TextList) operand).values().stream()
                        .anyMatch(x -> v.equals(lower(x.strip())));
                case NOT_IN -> !text(Operator.IN, operand, v);
                default -> throw new IllegalStateException(op + " is not a text operator");
            };
        }

        /** {@code matches}: RE2 found anywhere in the trimmed value as written, case-sensitive. */
        private boolean matches(Operand operand, String asWritten) {
            return asWritten != null && Pattern.compile(((Operand.Pattern) operand).regex()).matcher(asWritten).find();
        }

        private boolean number(Operator op, Operand operand, BigDecimal v) {
            return switch (op) {
                case EQUALS -> v != null && v.compareTo(((Operand.Number) operand).value()) == 0;
                case NOT_EQUALS -> !number(Operator.EQUALS, operand, v);
                case GT -> v != null && v.compareTo(((Operand.Number) operand).value()) > 0;
                case GTE -> v != null && v.compareTo(((Operand.Number) operand).value()) >= 0;
                case LT -> v != null && v.compareTo(((Operand.Number) operand).value()) < 0;
                case LTE -> v != null && v.compareTo(((Operand.Number) operand).value()) <= 0;
                case BETWEEN -> {
                    Operand.NumberRange r = (Operand.NumberRange) operand;
                    yield v != null && r.low().compareTo(v) <= 0 && v.compareTo(r.high()) <= 0;
                }
                default -> throw new IllegalStateException(op + " is not a number operator");
            };
        }

        private boolean bool(Operator op, Operand operand, Boolean v) {
            return switch (op) {
                case EQUALS -> v != null && v == ((Operand.Bool) operand).value();
                case NOT_EQUALS -> !bool(Operator.EQUALS, operand, v);
                default -> throw new IllegalStateException(op + " is not a boolean operator");
            };
        }

        private boolean time(Operator op, Operand operand, Long t) {
            return switch (op) {
                case BEFORE -> t != null && t < millis(((Operand.Time) operand).point());
                case AFTER -> t != null && t > millis(((Operand.Time) operand).point());
                case BETWEEN -> {
                    Operand.TimeRange r = (Operand.TimeRange) operand;
                    yield t != null && millis(r.low()) <= t && t <= millis(r.high());
                }
                case WITHIN_LAST -> t != null && now - length(operand) < t && t <= now;
                case NOT_WITHIN_LAST -> !time(Operator.WITHIN_LAST, operand, t);
                case MORE_THAN_AGO -> t != null && t <= now - length(operand);
                case WITHIN_NEXT -> t != null && now < t && t <= now + length(operand);
                default -> throw new IllegalStateException(op + " is not a time operator");
            };
        }

        private boolean tags(Operator op, Operand operand, Set<String> tags) {
            return switch (op) {
                case CONTAINS -> tags.contains(tag(((Operand.Text) operand).value()));
                case NOT_CONTAINS -> !tags(Operator.CONTAINS, operand, tags);
                case CONTAINS_ANY -> ((Operand.TextList) operand).values().stream().anyMatch(x -> tags.contains(tag(x)));
                case CONTAINS_ALL -> ((Operand.TextList) operand).values().stream().allMatch(x -> tags.contains(tag(x)));
                default -> throw new IllegalStateException(op + " is not a tags operator");
            };
        }

        private long millis(TimePoint p) {
            return p.resolve(zone).toEpochMilli();
        }
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

    /** A custom string as a time value: an ISO instant with an offset, or a {@code YYYY-MM-DD} date; else null. */
    static TimePoint parseTime(String raw) {
        String s = raw.strip();
        try {
            return new TimePoint.AtInstant(java.time.OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new TimePoint.OnDate(LocalDate.parse(s));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
