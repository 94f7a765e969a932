package dev.segments.definition.io;

import dev.segments.definition.Location;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON or YAML document read into a Jackson tree, with the line and column of every value and every key,
 * found by walking the token stream once and recording each token's location under its JSON pointer.
 */
final class PositionedDocument {

    private final String file;
    private final JsonNode root;
    private final Map<String, Location> values;
    private final Map<String, Location> keys;

    private PositionedDocument(String file, JsonNode root, Map<String, Location> values, Map<String, Location> keys) {
        this.file = file;
        this.root = root;
        this.values = values;
        this.keys = keys;
    }

    /**
     * Parses {@code content}; syntax errors, duplicate keys and a second document are added to {@code problems}.
     * Empty when there is no tree to read further (a syntax error or an empty file).
     */
    static Optional<PositionedDocument> parse(String file, String content, ObjectMapper mapper, String format,
            Problems problems) {
        Map<String, Location> values = new HashMap<>();
        Map<String, Location> keys = new HashMap<>();
        int roots = 0;
        try (JsonParser parser = mapper.createParser(content)) {
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Location at = location(file, parser.currentTokenLocation());
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    continue;
                }
                if (token == JsonToken.PROPERTY_NAME) {
                    Location first = keys.putIfAbsent(pointer, at);
                    if (first != null) {
                        problems.add(at, "duplicate key \"" + parser.currentName() + "\" (first at line "
                                + first.line() + "); keep only one");
                    }
                    continue;
                }
                if (depth == 0 && ++roots == 2) {
                    problems.add(at, "a segment file holds one segment; remove what follows the first "
                            + ("YAML".equals(format) ? "document" : "object") + " (one file per segment)");
                    break;
                }
                values.putIfAbsent(pointer, at);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                }
            }
        } catch (JacksonException e) {
            problems.add(location(file, e.getLocation()), "not valid " + format + ": " + clean(e.getOriginalMessage()));
            return Optional.empty();
        }
        if (roots == 0) {
            problems.add(new Location(file, 1, 1), "the file is empty; write one segment: an object with \"id\", "
                    + "\"name\" and \"match\"");
            return Optional.empty();
        }
        JsonNode root;
        try (JsonParser parser = mapper.createParser(content)) {
            root = parser.readValueAsTree();
        } catch (JacksonException e) {
            problems.add(location(file, e.getLocation()), "not valid " + format + ": " + clean(e.getOriginalMessage()));
            return Optional.empty();
        }
        return Optional.of(new PositionedDocument(file, root, values, keys));
    }

    Node root() {
        return new Node(this, root, JsonPointer.empty());
    }

    /** Where the value at {@code pointer} starts. */
    Location valueAt(JsonPointer pointer) {
        Location at = values.get(pointer.toString());
        return at != null ? at : Location.unknown(file);
    }

    /** Where the key of the property at {@code pointer} is written (its value's place if unknown). */
    Location keyAt(JsonPointer pointer) {
        Location at = keys.get(pointer.toString());
        return at != null ? at : valueAt(pointer);
    }

    private static Location location(String file, TokenStreamLocation l) {
        if (l == null || l.getLineNr() <= 0) {
            return Location.unknown(file);
        }
        return new Location(file, l.getLineNr(), Math.max(l.getColumnNr(), 0));
    }

    /** Jackson's message without its source excerpt; first line only (YAML errors quote the input below). */
    private static String clean(String message) {
        if (message == null) {
            return "syntax error";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        return first.replaceAll("\\s*\\(start marker at \\[.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*$", "");
    }
}
