package dev.segments.cli;

import dev.segments.contact.io.ContactFormatException;
import dev.segments.contact.io.ContactJson;
import dev.segments.contact.io.EmailEventJson;
import dev.segments.contact.io.JsonLines;
import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.validation.Suggestions;
import java.nio.file.Path;
import dev.segments.definition.io.IsoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a whole replay input before anything runs, so bad input never leaves a half-applied line
 * behind: every line's shape, {@code at} never decreasing, and deletes and events naming a contact that exists at
 * that point of the timeline.
 */
final class ReplayInput {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "upsert", Set.of("at", "op", "contact"),
            "delete", Set.of("at", "op", "id"),
            "event", Set.of("at", "op", "event"),
            "tick", Set.of("at", "op"));

    private ReplayInput() {
    }

    static List<ReplayStep> read(Path file) {
        JsonLines lines = JsonLines.read(file);
        List<Issue> issues = new ArrayList<>();
        List<ReplayStep> steps = new ArrayList<>();
        Set<String> contacts = new HashSet<>();
        Instant previous = null;
        for (JsonLines.Line line : lines.lines()) {
            Location where = lines.at(line);
            List<String> problems = new ArrayList<>();
            ReplayStep step = step(line.json(), problems);
            if (step != null && previous != null && step.at().isBefore(previous)) {
                problems.add("\"at\" " + step.at() + " is before the previous line's " + previous
                        + "; a replay's \"at\" never decreases");
            }
            if (step != null && problems.isEmpty()) {
                checkContactExists(step, contacts, problems);
            }
            if (problems.isEmpty()) {
                steps.add(step);
                previous = step.at();
            } else {
                problems.forEach(problem -> issues.add(new Issue(where, problem)));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return steps;
    }

    private static void checkContactExists(ReplayStep step, Set<String> contacts, List<String> problems) {
        if (step instanceof ReplayStep.Upsert upsert) {
            contacts.add(upsert.contact().id());
        } else if (step instanceof ReplayStep.Delete delete) {
            if (!contacts.remove(delete.contactId())) {
                problems.add("field \"id\": unknown contact \"" + delete.contactId() + "\"");
            }
        } else if (step instanceof ReplayStep.Event event && !contacts.contains(event.event().contactId())) {
            problems.add("field \"event.contactId\": unknown contact \"" + event.event().contactId() + "\"");
        }
    }

    private static ReplayStep step(JsonNode json, List<String> problems) {
        Instant at = instant(json.get("at"), problems);
        JsonNode opNode = json.get("op");
        if (opNode == null || !opNode.isString()) {
            problems.add("field \"op\": required, one of " + String.join(", ", FIELDS.keySet().stream().sorted().toList()));
            return null;
        }
        String op = opNode.asString();
        Set<String> allowed = FIELDS.get(op);
        if (allowed == null) {
            problems.add("field \"op\": unknown operation \"" + op + "\"" + Suggestions.didYouMean(op, FIELDS.keySet())
                    + "; operations are: delete, event, tick, upsert");
            return null;
        }
        for (String name : json.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add("unknown field \"" + name + "\" for op \"" + op + "\"" + Suggestions.didYouMean(name, allowed));
            }
        }
        if (at == null) {
            return null;
        }
        try {
            return switch (op) {
                case "upsert" -> new ReplayStep.Upsert(at, ContactJson.parse(required(json, "contact", problems)));
                case "delete" -> new ReplayStep.Delete(at, text(json, "id", problems));
                case "event" -> new ReplayStep.Event(at, EmailEventJson.parse(required(json, "event", problems), at));
                default -> new ReplayStep.Tick(at);
            };
        } catch (ContactFormatException bad) {
            String prefix = op.equals("upsert") ? "in \"contact\": " : "in \"event\": ";
            bad.problems().forEach(problem -> problems.add(prefix + problem));
            return null;
        } catch (MissingField missing) {
            return null;
        }
    }

    private static final class MissingField extends RuntimeException {
        MissingField() {
            super(null, null, false, false);
        }
    }

    private static JsonNode required(JsonNode json, String field, List<String> problems) {
        JsonNode node = json.get(field);
        if (node == null || !node.isObject()) {
            problems.add("field \"" + field + "\": required, a JSON object");
            throw new MissingField();
        }
        return node;
    }

    private static String text(JsonNode json, String field, List<String> problems) {
        JsonNode node = json.get(field);
        if (node == null || !node.isString() || node.asString().isEmpty()) {
            problems.add("field \"" + field + "\": required, a contact id");
            throw new MissingField();
        }
        return node.asString();
    }

    private static Instant instant(JsonNode node, List<String> problems) {
        if (node == null || !node.isString()) {
            problems.add("field \"at\": required, an ISO-8601 instant such as 2026-11-28T12:00:00Z");
            return null;
        }
        String text = node.asString();
        return IsoTime.parseInstant(text).orElseGet(() -> {
            problems.add("field \"at\": " + (IsoTime.outOfRange(text) ? "\"" + text + "\" is " + IsoTime.RANGE
                    : "not an ISO-8601 instant with an offset: \"" + text + "\""));
            return null;
        });
    }
}
