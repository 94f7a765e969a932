package dev.segments.workflow;

import java.time.Instant;

/** Something a workflow did, or its failure (SPEC 7, {@code replay --workflows}). */
public sealed interface WorkflowEvent {

    Instant at();

    String workflowId();

    String contactId();

    record ContactTagged(Instant at, String contactId, String tag, String workflowId) implements WorkflowEvent {
    }

    record ContactUntagged(Instant at, String contactId, String tag, String workflowId) implements WorkflowEvent {
    }

    record CampaignLaunched(Instant at, String campaignId, String contactId, String workflowId) implements WorkflowEvent {
    }

    record WorkflowFailed(Instant at, String workflowId, String contactId, String reason) implements WorkflowEvent {
    }
}
