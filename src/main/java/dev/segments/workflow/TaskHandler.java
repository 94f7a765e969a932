package dev.segments.workflow;

/**
 * Runs a service task of a workflow, found by its task name ({@code drools:taskName}). Built-in tasks are
 * {@code AddTag}, {@code RemoveTag}, {@code SetField} and {@code LaunchCampaign}; developers add their own by name.
 * A handler that throws fails its workflow ({@code workflow.failed}); changes already made stand.
 */
@FunctionalInterface
public interface TaskHandler {

    void execute(TaskCall call) throws Exception;
}
