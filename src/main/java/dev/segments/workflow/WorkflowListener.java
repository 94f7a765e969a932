package dev.segments.workflow;

import java.util.List;

/** Receives what workflows did in each engine step, in order, on the writing thread. */
@FunctionalInterface
public interface WorkflowListener {

    void workflowEvents(List<WorkflowEvent> events);
}
