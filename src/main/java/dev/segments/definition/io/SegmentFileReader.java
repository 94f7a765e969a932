package dev.segments.definition.io;

import dev.segments.definition.Condition;
import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.validation.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one segment file (SPEC 4), JSON ({@code *.json}) or YAML ({@code *.yaml}, {@code *.yml}), through one
 * Jackson path, and checks it on its own. Every problem is collected, each at the line and column of the offending
 * key or value, and thrown together as an {@link InvalidInputException}.
 *
 * <p>Top-level keys: {@code id} (required, {@code [a-z0-9][a-z0-9-]{0,63}}), {@code name} (optional: a segment
 * without a name is shown under its id, so quick segments need no ceremony), {@code description} (optional) and
 * {@code match} (required). {@code null} means the same as absent. Checks across files (duplicate ids,
 * {@code memberOf}) are {@link dev.segments.validation.SegmentSetValidator}'s.
 */
public final class SegmentFileReader {

    /** The id pattern of SPEC 4. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    static final List<String> TOP_LEVEL_KEYS = List.of("id", "name", "description", "match");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private SegmentFileReader() {
    }

    /** True for the file names this reader reads: {@code *.json}, {@code *.yaml}, {@code *.yml}. */
    public static boolean isSegmentFile(Path file) {
        return format(file.getFileName().toString()) != null;
    }

    /** Reads and checks {@code file}; its problems name it as {@code file.toString()}. */
    public static SegmentDefinition read(Path file) {
        Outcome outcome = readCollecting(file);
        if (!outcome.issues().isEmpty()) {
            throw new InvalidInputException(outcome.issues());
        }
        return outcome.segment().orElseThrow();
    }

    /** Reads and checks {@code content}; the format comes from {@code fileName}'s extension. */
    public static SegmentDefinition read(String fileName, String content) {
        Outcome outcome = readCollecting(fileName, content);
        if (!outcome.issues().isEmpty()) {
            throw new InvalidInputException(outcome.issues());
        }
        return outcome.segment().orElseThrow();
    }

    /**
     * What reading one file gave: the segment when there was no problem, the id whenever one could be read (so that
     * {@code memberOf} a broken file is not reported again), and the problems.
     */
    record Outcome(Optional<SegmentDefinition> segment, Optional<String> id, List<Issue> issues) {
    }

    static Outcome readCollecting(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Outcome(Optional.empty(), Optional.empty(),
                    List.of(new Issue(Location.unknown(file.toString()), "cannot read the file: " + e)));
        }
        return readCollecting(file.toString(), content);
    }

    static Outcome readCollecting(String fileName, String content) {
        Problems problems = new Problems();
        String format = format(fileName);
        if (format == null) {
            problems.add(Location.unknown(fileName), "not a segment file: name it *.json, *.yaml or *.yml");
            return new Outcome(Optional.empty(), Optional.empty(), problems.list());
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        Optional<PositionedDocument> document = PositionedDocument.parse(fileName, content,
                "YAML".equals(format) ? YAML : JSON, format, problems);
        if (document.isEmpty()) {
            return new Outcome(Optional.empty(), Optional.empty(), problems.list());
        }
        return segment(document.get().root(), problems);
    }

    private static Outcome segment(Node root, Problems problems) {
        if (!root.isObject()) {
            problems.add(root.at(), "a segment file holds one object with \"id\", \"name\" and \"match\", found "
                    + root.describe());
            return new Outcome(Optional.empty(), Optional.empty(), problems.list());
        }
        java.util.Set<String> misspelt = new java.util.HashSet<>();
        for (String key : root.propertyNames()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                Suggestions.closest(key, TOP_LEVEL_KEYS).ifPresent(misspelt::add);
                String hint = Suggestions.didYouMean(key, TOP_LEVEL_KEYS);
                if (hint.isEmpty() && ConditionReader.HEADS.contains(key)) {
                    hint = " (a condition goes inside \"match\")";
                }
                problems.add(root.keyAt(key), "unknown key \"" + key + "\"" + hint + "; a segment's keys are: "
                        + String.join(", ", TOP_LEVEL_KEYS));
            }
        }
        String id = id(root, problems, misspelt.contains("id"));
        String name = optionalText(root, "name", problems);
        String description = optionalText(root, "description", problems);
        Node matchNode = root.get("match");
        Condition match = null;
        if (matchNode == null) {
            problems.add(misspelt.contains("match") ? null : root.at(), "missing \"match\": add the segment's condition, e.g. \"match\": {\"all\": "
                    + "[{\"field\": \"state\", \"op\": \"equals\", \"value\": \"TX\"}]}");
        } else {
            match = new ConditionReader(problems).read(matchNode);
        }
        Optional<String> readableId = Optional.ofNullable(id);
        if (!problems.isEmpty() || match == null) {
            return new Outcome(Optional.empty(), readableId, problems.list());
        }
        SegmentDefinition segment = new SegmentDefinition(id, name == null ? id : name,
                Optional.ofNullable(description), match, root.get("id").at());
        return new Outcome(Optional.of(segment), readableId, List.of());
    }

    private static String id(Node root, Problems problems, boolean misspelt) {
        Node node = root.get("id");
        if (node == null) {
            problems.add(misspelt ? null : root.at(), "missing \"id\": add \"id\": \"my-segment\" (lower-case letters, digits and "
                    + "\"-\", unique across segments)");
            return null;
        }
        if (!node.isString()) {
            problems.add(node.at(), "\"id\" takes a string such as \"my-segment\", found " + node.describe());
            return null;
        }
        String id = node.text();
        if (!ID.matcher(id).matches()) {
            String slug = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
            problems.add(node.at(), "id \"" + id + "\" is not valid: use 1 to 64 lower-case letters, digits and "
                    + "\"-\", starting with a letter or digit"
                    + (ID.matcher(slug).matches() ? " (e.g. \"" + slug + "\")" : ""));
            return null;
        }
        return id;
    }

    private static String optionalText(Node root, String key, Problems problems) {
        Node node = root.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            problems.add(node.at(), "\"" + key + "\" takes a string, found " + node.describe());
            return null;
        }
        if ("name".equals(key) && node.text().isBlank()) {
            problems.add(node.at(), "\"name\" is blank; write a name or leave \"name\" out to use the id");
            return null;
        }
        return node.text();
    }

    private static String format(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "JSON";
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return "YAML";
        }
        return null;
    }
}
