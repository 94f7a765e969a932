package dev.segments.cli;

import dev.segments.engine.MembershipChange;
import java.util.Collection;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** The one-line JSON outputs of {@code evaluate} and {@code replay}, in the exact shape SPEC 7 shows. */
final class OutputLine {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OutputLine() {
    }

    static String segment(String segmentId, Collection<String> members) {
        return "{\"segment\": " + string(segmentId) + ", \"count\": " + members.size() + ", \"members\": ["
                + members.stream().map(OutputLine::string).collect(Collectors.joining(", ")) + "]}";
    }

    static String change(MembershipChange change) {
        return "{\"at\": " + string(change.at().toString()) + ", \"type\": " + string(change.kind().wireName())
                + ", \"segment\": " + string(change.segmentId()) + ", \"contact\": " + string(change.contactId()) + "}";
    }

    static String string(String value) {
        return MAPPER.writeValueAsString(value);
    }
}
