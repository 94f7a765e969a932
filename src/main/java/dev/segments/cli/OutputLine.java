package dev.segments.cli;

import dev.segments.engine.MembershipChange;
import dev.segments.workflow.WorkflowEvent;
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

    static String workflow(WorkflowEvent event) {
        String at = "{\"at\": " + string(event.at().toString()) + ", \"type\": ";
        if (event instanceof WorkflowEvent.ContactTagged tagged) {
            return at + "\"contact.tagged\", \"contact\": " + string(tagged.contactId()) + ", \"tag\": "
                    + string(tagged.tag()) + ", \"workflow\": " + string(tagged.workflowId()) + "}";
        }
        if (event instanceof WorkflowEvent.ContactUntagged untagged) {
            return at + "\"contact.untagged\", \"contact\": " + string(untagged.contactId()) + ", \"tag\": "
                    + string(untagged.tag()) + ", \"workflow\": " + string(untagged.workflowId()) + "}";
        }
        if (event instanceof WorkflowEvent.CampaignLaunched launched) {
            return at + "\"campaign.launched\", \"campaign\": " + string(launched.campaignId()) + ", \"contact\": "
                    + string(launched.contactId()) + ", \"workflow\": " + string(launched.workflowId()) + "}";
        }
        WorkflowEvent.WorkflowFailed failed = (WorkflowEvent.WorkflowFailed) event;
        return at + "\"workflow.failed\", \"workflow\": " + string(failed.workflowId()) + ", \"contact\": "
                + string(failed.contactId()) + ", \"reason\": " + string(failed.reason()) + "}";
    }

    static String string(String value) {
        return MAPPER.writeValueAsString(value);
    }
}
