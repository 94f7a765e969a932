package dev.segments.workflow;

import java.time.Instant;

/** A contact enrolled in a campaign by a workflow. */
public record CampaignLaunch(String campaignId, String contactId, String workflowId, Instant at) {
}
