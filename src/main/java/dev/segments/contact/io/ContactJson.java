package dev.segments.contact.io;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.TimePoint;
import dev.segments.validation.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contact as JSON (SPEC 2), both ways. Reading is strict and all-or-nothing: an unknown field, a wrong type or a bad
 * time is a problem naming the field, and every problem is thrown together as a {@link ContactFormatException}.
 * Absent and {@code null} mean the same. Time fields take an ISO-8601 instant with an offset or a date
 * ({@code YYYY-MM-DD}); instants are kept to the millisecond. A custom value is a string, a number or a boolean
 * ({@code null}: absent).
 */
public final class ContactJson {

    private static final List<String> TEXT_FIELDS = List.of("email", "firstName", "lastName", "phone", "companyName",
            "city", "state", "country", "postalCode", "timezone", "source");
    private static final List<String> TIME_FIELDS = List.of("createdAt", "dateOfBirth", "lastEmailSentAt",
            "lastEmailOpenedAt", "lastEmailClickedAt");

    /** Every field of a contact, in the order {@link #toJson} writes them. */
    public static final List<String> FIELDS = List.of("id", "email", "firstName", "lastName", "phone", "companyName",
            "city", "state", "country", "postalCode", "timezone", "source", "createdAt", "dateOfBirth", "tags", "dnd",
            "emailStatus", "lastEmailSentAt", "lastEmailOpenedAt", "lastEmailClickedAt", "custom");

    private static final List<String> STATUSES = Arrays.stream(EmailStatus.values()).map(EmailStatus::wireName)
            .toList();

    private ContactJson() {
    }

    /** Parses one contact from JSON text (a JSONL line, a request body). */
    public static ContactData parse(String json) {
        return parse(JsonFields.parseObject(json, "a contact"));
    }

    public static ContactData parse(JsonNode node) {
        List<String> problems = new ArrayList<>();
        JsonFields in = new JsonFields(problems);
        in.requireObject(node, "a contact");
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add("unknown field \"" + name + "\"" + Suggestions.didYouMean(name, FIELDS)
                        + "; contact fields are: " + String.join(", ", FIELDS));
            }
        }
        String id = in.text("id", node.get("id"));
        if (id == null && !problems.stream().anyMatch(p -> p.startsWith("field \"id\""))) {
            in.problem("id", "required: a string of 1 to 128 characters");
        } else if (id != null && (id.isEmpty() || id.length() > 128)) {
            in.problem("id", "must be 1 to 128 characters, found " + id.length());
            id = null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String field : TEXT_FIELDS) {
            texts.put(field, in.text(field, node.get(field)));
        }
        Map<String, TimePoint> times = new LinkedHashMap<>();
        for (String field : TIME_FIELDS) {
            times.put(field, in.time(field, node.get(field)));
        }
        Set<String> tags = tags(node.get("tags"), in);
        boolean dnd = false;
        JsonNode dndNode = node.get("dnd");
        if (dndNode != null && !dndNode.isNull()) {
            if (dndNode.isBoolean()) {
                dnd = dndNode.booleanValue();
            } else {
                in.problem("dnd", "expected true or false, found " + JsonFields.describe(dndNode));
            }
        }
        EmailStatus status = EmailStatus.SUBSCRIBED;
        String statusText = in.text("emailStatus", node.get("emailStatus"));
        if (statusText != null) {
            status = EmailStatus.find(statusText).orElse(null);
            if (status == null) {
                in.problem("emailStatus", "expected one of " + String.join(", ", STATUSES) + ", found \"" + statusText
                        + "\"" + Suggestions.didYouMean(statusText, STATUSES));
            }
        }
        Map<String, CustomValue> custom = custom(node.get("custom"), in);
        if (!problems.isEmpty()) {
            throw new ContactFormatException(problems);
        }
        return ContactData.builder(id)
                .email(texts.get("email")).firstName(texts.get("firstName")).lastName(texts.get("lastName"))
                .phone(texts.get("phone")).companyName(texts.get("companyName")).city(texts.get("city"))
                .state(texts.get("state")).country(texts.get("country")).postalCode(texts.get("postalCode"))
                .timezone(texts.get("timezone")).source(texts.get("source"))
                .createdAt(times.get("createdAt")).dateOfBirth(times.get("dateOfBirth"))
                .lastEmailSentAt(times.get("lastEmailSentAt")).lastEmailOpenedAt(times.get("lastEmailOpenedAt"))
                .lastEmailClickedAt(times.get("lastEmailClickedAt"))
                .tags(tags).dnd(dnd).emailStatus(status).custom(custom)
                .build();
    }

    private static Set<String> tags(JsonNode value, JsonFields in) {
        Set<String> tags = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return tags;
        }
        if (!value.isArray()) {
            in.problem("tags", "expected an array of strings, found " + JsonFields.describe(value));
            return tags;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode tag = value.get(i);
            if (!tag.isString()) {
                in.problem("tags", "expected an array of strings, found " + JsonFields.describe(tag) + " at index "
                        + i);
            } else {
                tags.add(tag.stringValue());
            }
        }
        return tags;
    }

    private static Map<String, CustomValue> custom(JsonNode value, JsonFields in) {
        Map<String, CustomValue> custom = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return custom;
        }
        if (!value.isObject()) {
            in.problem("custom", "expected an object of custom fields, found " + JsonFields.describe(value));
            return custom;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String name = entry.getKey();
            JsonNode v = entry.getValue();
            if (name.isBlank()) {
                in.problem("custom", "a custom field needs a name, found \"" + name + "\"");
            } else if (v.isString()) {
                custom.put(name, new CustomValue.Text(v.stringValue()));
            } else if (v.isNumber()) {
                custom.put(name, new CustomValue.Number(v.decimalValue()));
            } else if (v.isBoolean()) {
                custom.put(name, new CustomValue.Bool(v.booleanValue()));
            } else if (!v.isNull()) {
                in.problem("custom." + name, "expected a string, number or boolean, found " + JsonFields.describe(v));
            }
        }
        return custom;
    }

    /** The SPEC 2 shape: absent fields, no tags and no custom fields are left out; dnd and emailStatus are always written. */
    public static ObjectNode toJson(ContactData contact) {
        ObjectNode out = JsonFields.MAPPER.createObjectNode();
        out.put("id", contact.id());
        Map<String, Function<ContactData, String>> texts = new LinkedHashMap<>();
        texts.put("email", ContactData::email);
        texts.put("firstName", ContactData::firstName);
        texts.put("lastName", ContactData::lastName);
        texts.put("phone", ContactData::phone);
        texts.put("companyName", ContactData::companyName);
        texts.put("city", ContactData::city);
        texts.put("state", ContactData::state);
        texts.put("country", ContactData::country);
        texts.put("postalCode", ContactData::postalCode);
        texts.put("timezone", ContactData::timezone);
        texts.put("source", ContactData::source);
        texts.forEach((name, getter) -> {
            if (getter.apply(contact) != null) {
                out.put(name, getter.apply(contact));
            }
        });
        BiConsumer<String, TimePoint> time = (name, t) -> {
            if (t != null) {
                out.put(name, t.toString());
            }
        };
        time.accept("createdAt", contact.createdAt());
        time.accept("dateOfBirth", contact.dateOfBirth());
        if (!contact.tags().isEmpty()) {
            ArrayNode tags = out.putArray("tags");
            contact.tags().forEach(tags::add);
        }
        out.put("dnd", contact.dnd());
        out.put("emailStatus", contact.emailStatus().wireName());
        time.accept("lastEmailSentAt", contact.lastEmailSentAt());
        time.accept("lastEmailOpenedAt", contact.lastEmailOpenedAt());
        time.accept("lastEmailClickedAt", contact.lastEmailClickedAt());
        if (!contact.custom().isEmpty()) {
            ObjectNode custom = out.putObject("custom");
            contact.custom().forEach((name, value) -> {
                if (value instanceof CustomValue.Text t) {
                    custom.put(name, t.value());
                } else if (value instanceof CustomValue.Number n) {
                    custom.put(name, n.value());
                } else if (value instanceof CustomValue.Bool b) {
                    custom.put(name, b.value());
                }
            });
        }
        return out;
    }

    /** {@link #toJson} as one line of JSON text. */
    public static String toJsonString(ContactData contact) {
        return JsonFields.MAPPER.writeValueAsString(toJson(contact));
    }

}
