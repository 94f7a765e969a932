package dev.segments.autoconfigure;

import dev.segments.workflow.TaskHandler;

/** A custom workflow task as a Spring bean: BPMN service tasks with {@code drools:taskName="name"} run the handler. */
public record WorkflowTask(String name, TaskHandler handler) {
}
