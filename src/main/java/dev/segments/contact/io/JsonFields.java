package dev.segments.contact.io;

import dev.segments.definition.TimePoint;
import dev.segments.definition.io.IsoTime;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shared strict readers of JSON values for contacts and events: each problem names its field. */
final class JsonFields {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final List<String> problems;

    JsonFields(List<String> problems) {
        this.problems = problems;
    }

    static JsonNode parseObject(String json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
            message = message.lines().findFirst().orElse(message)
                    .replaceAll("\\s*\\(start marker at \\[.*?\\]\\)", "");
            throw new ContactFormatException(List.of("not valid JSON: " + message));
        }
        if (node == null || node.isMissingNode()) {
            throw new ContactFormatException(List.of("expected a JSON object for " + what + ", found nothing"));
        }
        return node;
    }

    void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new ContactFormatException(List.of("expected a JSON object for " + what + ", found "
                    + describe(node)));
        }
    }

    void problem(String field, String message) {
        problems.add("field \"" + field + "\": " + message);
    }

    /** A string, or null when absent, null or of the wrong type (a problem is added for the latter). */
    String text(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problem(field, "expected a string, found " + describe(value));
            return null;
        }
        return value.stringValue();
    }

    TimePoint time(String field, JsonNode value) {
        String text = text(field, value);
        if (text == null) {
            return null;
        }
        return IsoTime.parse(text).orElseGet(() -> {
            problem(field, IsoTime.problem(text));
            return null;
        });
    }

    Instant instant(String field, JsonNode value) {
        String text = text(field, value);
        if (text == null) {
            return null;
        }
        return IsoTime.parseInstant(text).orElseGet(() -> {
            problem(field, IsoTime.outOfRange(text)
                    ? "\"" + text + "\" is " + IsoTime.RANGE
                    : "not an ISO-8601 instant with an offset: \"" + text + "\" (write e.g. \"2026-11-21T08:00:00Z\")");
            return null;
        });
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isString()) {
            return "a string \"" + value.stringValue() + "\"";
        }
        if (value.isNumber()) {
            return "a number " + value;
        }
        if (value.isBoolean()) {
            return "a boolean " + value;
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "an array" : "an object";
    }
}
