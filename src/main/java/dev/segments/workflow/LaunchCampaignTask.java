package dev.segments.workflow;

/** {@code LaunchCampaign}: enrolls the contact in the campaign {@code CampaignId} (a launch record). */
final class LaunchCampaignTask implements TaskHandler {

    private final CampaignLauncher launcher;

    LaunchCampaignTask(CampaignLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void execute(TaskCall call) {
        String campaign = call.requiredText("CampaignId").strip();
        launcher.launch(new CampaignLaunch(campaign, call.contactId(), call.workflowId(), call.at()));
        call.events().report(new WorkflowEvent.CampaignLaunched(call.at(), campaign, call.contactId(),
                call.workflowId()));
    }
}
