package dev.segments.workflow;

/** Where tasks report what they did (a tag added, a campaign launched), stamped by the engine. */
public interface WorkflowEvents {

    void report(WorkflowEvent event);
}
