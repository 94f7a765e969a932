package dev.segments.contact.io;

import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSONL input file: one JSON object a line, blank lines skipped, each kept with its line number. */
public record JsonLines(Path file, List<Line> lines) {

    public record Line(int number, JsonNode json) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Reads every line; a line that is not a JSON object is an issue, and all issues are thrown together. */
    public static JsonLines read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(new Issue(Location.unknown(file.toString()), "cannot read: " + e));
        }
        List<Line> lines = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = MAPPER.readTree(line);
                if (json == null || !json.isObject()) {
                    issues.add(new Issue(new Location(file.toString(), i + 1, 0), "expected a JSON object"));
                } else {
                    lines.add(new Line(i + 1, json));
                }
            } catch (JacksonException e) {
                issues.add(new Issue(new Location(file.toString(), i + 1, e.getLocation() == null ? 0
                        : e.getLocation().getColumnNr()), "not valid JSON: " + e.getOriginalMessage()));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return new JsonLines(file, List.copyOf(lines));
    }

    public Location at(Line line) {
        return new Location(file.toString(), line.number(), 0);
    }
}
