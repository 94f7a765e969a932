package dev.segments.definition.io;

import dev.segments.definition.Location;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/** A tree node with its JSON pointer, so every problem can name its line and column. */
record Node(PositionedDocument document, JsonNode json, JsonPointer pointer) {

    /** Where this value starts. */
    Location at() {
        return document.valueAt(pointer);
    }

    /** Where the key {@code name} of this object is written. */
    Location keyAt(String name) {
        return document.keyAt(pointer.appendProperty(name));
    }

    /** The property {@code name}; null when absent or JSON {@code null} (absent and null mean the same). */
    Node get(String name) {
        JsonNode child = json.get(name);
        return child == null || child.isNull() ? null : new Node(document, child, pointer.appendProperty(name));
    }

    boolean has(String name) {
        return get(name) != null;
    }

    List<String> propertyNames() {
        return new ArrayList<>(json.propertyNames());
    }

    List<Node> elements() {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(document, json.get(i), pointer.appendIndex(i)));
        }
        return out;
    }

    boolean isObject() {
        return json.isObject();
    }

    boolean isArray() {
        return json.isArray();
    }

    boolean isString() {
        return json.isString();
    }

    String text() {
        return json.stringValue();
    }

    /** What the user wrote, for messages: {@code a string "x"}, {@code a number 3}, {@code an array}. */
    String describe() {
        return describe(json);
    }

    static String describe(JsonNode json) {
        if (json.isString()) {
            return "a string \"" + json.stringValue() + "\"";
        }
        if (json.isNumber()) {
            return "a number " + json;
        }
        if (json.isBoolean()) {
            return json.booleanValue() ? "true" : "false";
        }
        if (json.isNull()) {
            return "null";
        }
        if (json.isArray()) {
            return "an array";
        }
        if (json.isObject()) {
            return "an object";
        }
        return json.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
