package dev.segments.workflow;

/** Enrolls contacts in campaigns for the {@code LaunchCampaign} task; the service persists the launches. */
@FunctionalInterface
public interface CampaignLauncher {

    void launch(CampaignLaunch launch);
}
