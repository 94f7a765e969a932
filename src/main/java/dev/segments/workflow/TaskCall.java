package dev.segments.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a service task: which workflow, for which contact and segment, the task's inputs by name, and
 * the contact to change. Changes go through the engine like any contact change, so they cascade into segments.
 */
public record TaskCall(String workflowId, String taskName, String contactId, String segmentId, Instant at,
        Map<String, Object> inputs, ContactEditor contact, WorkflowEvents events) {

    public TaskCall {
        inputs = Map.copyOf(inputs);
    }

    public Optional<Object> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    /** A required text input; a missing or blank one fails the task with a message naming it. */
    public String requiredText(String name) {
        Object value = inputs.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("task " + taskName + " needs the input \"" + name + "\"");
        }
        return value.toString();
    }
}
