package dev.segments.contact.io;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import dev.segments.validation.Suggestions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An email activity event as JSON (SPEC 3): {@code contactId} and {@code type} required, {@code at} an ISO-8601
 * instant with an offset (kept to the millisecond), {@code campaignId} and {@code url} optional strings. Unknown fields
 * and wrong types are problems naming the field, thrown together as a {@link ContactFormatException}.
 */
public final class EmailEventJson {

    /** The fields of an event, in the order {@link #toJson} writes them. */
    public static final List<String> FIELDS = List.of("contactId", "type", "at", "campaignId", "url");

    private static final List<String> TYPES = Arrays.stream(EmailEventType.values()).map(EmailEventType::wireName)
            .toList();

    private EmailEventJson() {
    }

    public static EmailEvent parse(String json) {
        return parse(JsonFields.parseObject(json, "an email event"));
    }

    /** An event with its own {@code at} (an events file, a REST request). */
    public static EmailEvent parse(JsonNode node) {
        return read(node, null);
    }

    /**
     * An event whose time is given by the caller (a replay line's {@code at}); an {@code at} inside the event is a
     * problem.
     */
    public static EmailEvent parse(JsonNode node, Instant at) {
        return read(node, java.util.Objects.requireNonNull(at, "at"));
    }

    private static EmailEvent read(JsonNode node, Instant suppliedAt) {
        List<String> problems = new ArrayList<>();
        JsonFields in = new JsonFields(problems);
        in.requireObject(node, "an email event");
        List<String> allowed = suppliedAt == null ? FIELDS
                : FIELDS.stream().filter(f -> !f.equals("at")).toList();
        for (String name : node.propertyNames()) {
            if (suppliedAt != null && name.equals("at")) {
                in.problem("at", "not allowed inside the event; the event's time is the line's \"at\"");
            } else if (!allowed.contains(name)) {
                problems.add("unknown field \"" + name + "\"" + Suggestions.didYouMean(name, allowed)
                        + "; event fields are: " + String.join(", ", allowed));
            }
        }
        String contactId = in.text("contactId", node.get("contactId"));
        if (contactId == null && !hasProblem(problems, "contactId")) {
            in.problem("contactId", "required: the id of the contact the event happened to");
        } else if (contactId != null && (contactId.isEmpty() || contactId.length() > 128)) {
            in.problem("contactId", "must be 1 to 128 characters, found " + contactId.length());
        }
        EmailEventType type = null;
        String typeText = in.text("type", node.get("type"));
        if (typeText == null && !hasProblem(problems, "type")) {
            in.problem("type", "required: one of " + String.join(", ", TYPES));
        } else if (typeText != null) {
            type = EmailEventType.find(typeText).orElse(null);
            if (type == null) {
                in.problem("type", "unknown event type \"" + typeText + "\"" + Suggestions.didYouMean(typeText, TYPES)
                        + "; event types are: " + String.join(", ", TYPES));
            }
        }
        Instant at = suppliedAt;
        if (suppliedAt == null) {
            at = in.instant("at", node.get("at"));
            if (at == null && !hasProblem(problems, "at")) {
                in.problem("at", "required: an ISO-8601 instant such as \"2026-11-21T08:00:00Z\"");
            }
        }
        String campaignId = in.text("campaignId", node.get("campaignId"));
        String url = in.text("url", node.get("url"));
        if (!problems.isEmpty()) {
            throw new ContactFormatException(problems);
        }
        return new EmailEvent(contactId, type, at, Optional.ofNullable(campaignId), Optional.ofNullable(url));
    }

    private static boolean hasProblem(List<String> problems, String field) {
        return problems.stream().anyMatch(p -> p.startsWith("field \"" + field + "\""));
    }

    /** The SPEC 3 shape; absent optional fields are left out. */
    public static ObjectNode toJson(EmailEvent event) {
        ObjectNode out = JsonFields.MAPPER.createObjectNode();
        out.put("contactId", event.contactId());
        out.put("type", event.type().wireName());
        out.put("at", event.at().toString());
        event.campaignId().ifPresent(c -> out.put("campaignId", c));
        event.url().ifPresent(u -> out.put("url", u));
        return out;
    }

    public static String toJsonString(EmailEvent event) {
        return JsonFields.MAPPER.writeValueAsString(toJson(event));
    }
}
