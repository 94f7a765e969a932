package dev.segments.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The default launcher: keeps every launch record in memory, in order. */
public final class InMemoryCampaignLauncher implements CampaignLauncher {

    private final List<CampaignLaunch> launches = new CopyOnWriteArrayList<>();

    @Override
    public void launch(CampaignLaunch launch) {
        launches.add(launch);
    }

    public List<CampaignLaunch> launches() {
        return List.copyOf(launches);
    }
}
