package dev.segments.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How workflows run: custom task handlers by task name (next to the built-in ones), where campaign launches go, and
 * how many cascade steps one operation may take before the cascade is stopped as {@code workflow.failed}.
 */
public record WorkflowSettings(Map<String, TaskHandler> customTasks, CampaignLauncher launcher, int maxCascadeSteps) {

    public static final int DEFAULT_MAX_CASCADE_STEPS = 10;
    public static final Set<String> BUILT_IN_TASKS = Set.of("AddTag", "RemoveTag", "SetField", "LaunchCampaign");

    public WorkflowSettings {
        customTasks = Map.copyOf(customTasks);
        Objects.requireNonNull(launcher, "launcher");
        if (maxCascadeSteps < 1) {
            throw new IllegalArgumentException("maxCascadeSteps must be at least 1");
        }
        for (String name : customTasks.keySet()) {
            if (BUILT_IN_TASKS.contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is a built-in task; give a custom task another name");
            }
        }
    }

    public static WorkflowSettings defaults() {
        return new WorkflowSettings(Map.of(), new InMemoryCampaignLauncher(), DEFAULT_MAX_CASCADE_STEPS);
    }

    public WorkflowSettings withTask(String name, TaskHandler handler) {
        Map<String, TaskHandler> tasks = new LinkedHashMap<>(customTasks);
        tasks.put(name, handler);
        return new WorkflowSettings(tasks, launcher, maxCascadeSteps);
    }

    public WorkflowSettings withLauncher(CampaignLauncher launcher) {
        return new WorkflowSettings(customTasks, launcher, maxCascadeSteps);
    }

    public WorkflowSettings withMaxCascadeSteps(int steps) {
        return new WorkflowSettings(customTasks, launcher, steps);
    }

    /** Every task handler by name: the built-in ones and the custom ones. */
    public Map<String, TaskHandler> allTasks() {
        Map<String, TaskHandler> all = new LinkedHashMap<>();
        all.put("AddTag", new AddTagTask());
        all.put("RemoveTag", new RemoveTagTask());
        all.put("SetField", new SetFieldTask());
        all.put("LaunchCampaign", new LaunchCampaignTask(launcher));
        all.putAll(customTasks);
        return all;
    }

    public Set<String> taskNames() {
        return allTasks().keySet();
    }
}
