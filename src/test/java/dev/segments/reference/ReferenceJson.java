package dev.segments.reference;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.Condition;
import dev.segments.definition.ContactField;
import dev.segments.definition.CountComparison;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.Field;
import dev.segments.definition.FieldKind;
import dev.segments.definition.Location;
import dev.segments.definition.Operand;
import dev.segments.definition.Operator;
import dev.segments.definition.SegmentDefinition;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A small, lenient JSON mapping of the SPEC 2-4 formats for tests: definitions to and from JSON trees, contacts and
 * events from JSON. It checks nothing (the real readers do); it exists so that random definitions can be written as
 * segment files, and sample files can be evaluated with {@link ReferenceEvaluator}.
 */
public final class ReferenceJson {

    private ReferenceJson() {
    }

    // ---- definitions -> JSON ----

    /** The definition as a SPEC 4 JSON tree (maps, lists, strings, numbers, booleans), keys in SPEC order. */
    public static Map<String, Object> toJson(SegmentDefinition segment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", segment.id());
        json.put("name", segment.name());
        segment.description().ifPresent(d -> json.put("description", d));
        json.put("match", toJson(segment.match()));
        return json;
    }

    public static Object toJson(Condition condition) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (condition instanceof Condition.All all) {
            json.put("all", all.children().stream().map(ReferenceJson::toJson).toList());
        } else if (condition instanceof Condition.Any any) {
            json.put("any", any.children().stream().map(ReferenceJson::toJson).toList());
        } else if (condition instanceof Condition.Not not) {
            json.put("not", toJson(not.child()));
        } else if (condition instanceof Condition.MemberOf m) {
            json.put("memberOf", m.segmentId());
        } else if (condition instanceof Condition.Activity a) {
            json.put("activity", a.type().wireName());
            json.put("within", duration(a.within()));
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("op", a.count().op().wireName());
            count.put("value", a.count().op() == Operator.BETWEEN
                    ? List.of(a.count().low(), a.count().high()) : a.count().low());
            json.put("count", count);
            a.campaignId().ifPresent(id -> json.put("campaignId", id));
        } else {
            Condition.FieldCondition f = (Condition.FieldCondition) condition;
            json.put("field", f.field().wireName());
            json.put("op", f.op().wireName());
            if (!(f.value() instanceof Operand.None)) {
                json.put("value", operand(f.value()));
            }
        }
        return json;
    }

    private static Object operand(Operand operand) {
        if (operand instanceof Operand.Text t) {
            return t.value();
        } else if (operand instanceof Operand.TextList l) {
            return l.values();
        } else if (operand instanceof Operand.Number n) {
            return n.value();
        } else if (operand instanceof Operand.NumberRange r) {
            return List.of(r.low(), r.high());
        } else if (operand instanceof Operand.Bool b) {
            return b.value();
        } else if (operand instanceof Operand.Time t) {
            return t.point().toString();
        } else if (operand instanceof Operand.TimeRange r) {
            return List.of(r.low().toString(), r.high().toString());
        } else if (operand instanceof Operand.Length l) {
            return duration(l.duration());
        } else if (operand instanceof Operand.Pattern p) {
            return p.regex();
        }
        throw new IllegalArgumentException(operand.toString());
    }

    /** {@code P7D} rather than {@code PT168H} when the length is whole days. */
    public static String duration(Duration d) {
        return !d.isZero() && d.toMillis() % Duration.ofDays(1).toMillis() == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    // ---- JSON -> definitions ----

    public static SegmentDefinition segment(JsonNode json, String file) {
        JsonNode description = json.get("description");
        return new SegmentDefinition(json.get("id").asString(), json.get("name").asString(),
                description == null || description.isNull() ? Optional.empty() : Optional.of(description.asString()),
                condition(json.get("match")), Location.unknown(file));
    }

    public static Condition condition(JsonNode json) {
        if (json.has("all")) {
            return new Condition.All(children(json.get("all")));
        } else if (json.has("any")) {
            return new Condition.Any(children(json.get("any")));
        } else if (json.has("not")) {
            return new Condition.Not(condition(json.get("not")));
        } else if (json.has("memberOf")) {
            return new Condition.MemberOf(json.get("memberOf").asString(), Location.unknown("json"));
        } else if (json.has("activity")) {
            JsonNode count = json.get("count");
            CountComparison comparison = CountComparison.AT_LEAST_ONE;
            if (count != null) {
                Operator op = Operator.find(count.get("op").asString()).orElseThrow();
                JsonNode v = count.get("value");
                comparison = v.isArray() ? new CountComparison(op, v.get(0).longValue(), v.get(1).longValue())
                        : CountComparison.of(op, v.longValue());
            }
            JsonNode campaign = json.get("campaignId");
            return new Condition.Activity(EmailEventType.find(json.get("activity").asString()).orElseThrow(),
                    Duration.parse(json.get("within").asString()), comparison,
                    campaign == null ? Optional.empty() : Optional.of(campaign.asString()));
        }
        String name = json.get("field").asString();
        Operator op = Operator.find(json.get("op").asString()).orElseThrow();
        JsonNode value = json.get("value");
        Field field;
        FieldKind kind;
        if (name.startsWith(Field.Custom.PREFIX)) {
            field = new Field.Custom(name.substring(Field.Custom.PREFIX.length()));
            kind = customKind(op, value);
        } else {
            ContactField standard = ContactField.find(name).orElseThrow();
            field = new Field.Standard(standard);
            kind = standard.kind();
        }
        return new Condition.FieldCondition(field, kind, op, operand(kind, op, value));
    }

    private static List<Condition> children(JsonNode array) {
        List<Condition> children = new ArrayList<>();
        array.values().forEach(c -> children.add(condition(c)));
        return children;
    }

    private static FieldKind customKind(Operator op, JsonNode value) {
        if (op.takesNoValue()) {
            return FieldKind.TEXT;
        }
        JsonNode first = value.isArray() ? value.get(0) : value;
        if (op.appliesTo(FieldKind.TIME) && !op.appliesTo(FieldKind.NUMBER)) {
            return FieldKind.TIME;
        }
        if (first.isNumber()) {
            return FieldKind.NUMBER;
        }
        if (first.isBoolean()) {
            return FieldKind.BOOLEAN;
        }
        return op == Operator.BETWEEN ? FieldKind.TIME : FieldKind.TEXT;
    }

    private static Operand operand(FieldKind kind, Operator op, JsonNode v) {
        if (op.takesNoValue()) {
            return new Operand.None();
        }
        return switch (kind) {
            case TEXT, TAGS -> switch (op) {
                case IN, NOT_IN, CONTAINS_ANY, CONTAINS_ALL -> new Operand.TextList(strings(v));
                case MATCHES -> new Operand.Pattern(v.asString());
                default -> new Operand.Text(v.asString());
            };
            case NUMBER -> op == Operator.BETWEEN ? new Operand.NumberRange(v.get(0).decimalValue(), v.get(1).decimalValue())
                    : new Operand.Number(v.decimalValue());
            case BOOLEAN -> new Operand.Bool(v.booleanValue());
            case TIME -> switch (op) {
                case BEFORE, AFTER -> new Operand.Time(timePoint(v.asString()));
                case BETWEEN -> new Operand.TimeRange(timePoint(v.get(0).asString()), timePoint(v.get(1).asString()));
                default -> new Operand.Length(Duration.parse(v.asString()));
            };
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asString()));
        return values;
    }

    public static TimePoint timePoint(String s) {
        return s.contains("T") ? new TimePoint.AtInstant(Instant.parse(s)) : new TimePoint.OnDate(LocalDate.parse(s));
    }

    // ---- contacts and events ----

    /** A SPEC 2 contact; absent and null are the same. */
    public static ContactData contact(JsonNode json) {
        ContactData.Builder b = ContactData.builder(json.get("id").asString())
                .email(text(json, "email")).firstName(text(json, "firstName")).lastName(text(json, "lastName"))
                .phone(text(json, "phone")).companyName(text(json, "companyName")).city(text(json, "city"))
                .state(text(json, "state")).country(text(json, "country")).postalCode(text(json, "postalCode"))
                .timezone(text(json, "timezone")).source(text(json, "source"))
                .createdAt(time(json, "createdAt")).dateOfBirth(time(json, "dateOfBirth"))
                .lastEmailSentAt(time(json, "lastEmailSentAt")).lastEmailOpenedAt(time(json, "lastEmailOpenedAt"))
                .lastEmailClickedAt(time(json, "lastEmailClickedAt"));
        JsonNode tags = json.get("tags");
        if (tags != null && !tags.isNull()) {
            Set<String> set = new LinkedHashSet<>(strings(tags));
            b.tags(set);
        }
        JsonNode dnd = json.get("dnd");
        b.dnd(dnd != null && !dnd.isNull() && dnd.booleanValue());
        String status = text(json, "emailStatus");
        b.emailStatus(status == null ? EmailStatus.SUBSCRIBED : EmailStatus.find(status).orElseThrow());
        JsonNode custom = json.get("custom");
        if (custom != null && !custom.isNull()) {
            for (Map.Entry<String, JsonNode> e : custom.properties()) {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                b.custom(e.getKey(), v.isNumber() ? new CustomValue.Number(v.decimalValue())
                        : v.isBoolean() ? new CustomValue.Bool(v.booleanValue()) : new CustomValue.Text(v.asString()));
            }
        }
        return b.build();
    }

    /** A SPEC 3 event; {@code at} is taken from the event, or from {@code defaultAt} (replay lines) when absent. */
    public static EmailEvent event(JsonNode json, Instant defaultAt) {
        JsonNode at = json.get("at");
        return new EmailEvent(json.get("contactId").asString(),
                EmailEventType.find(json.get("type").asString()).orElseThrow(),
                at == null || at.isNull() ? defaultAt : Instant.parse(at.asString()),
                Optional.ofNullable(text(json, "campaignId")), Optional.ofNullable(text(json, "url")));
    }

    private static String text(JsonNode json, String name) {
        JsonNode v = json.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static TimePoint time(JsonNode json, String name) {
        String v = text(json, name);
        return v == null ? null : timePoint(v);
    }

}
