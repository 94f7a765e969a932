package dev.segments.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A custom task that records every call it gets (workflow, contact, segment, inputs). */
final class RecordingTask implements TaskHandler {

    final List<TaskCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(TaskCall call) {
        calls.add(call);
    }

    /** Each call as {@code workflow/contact/segment}. */
    List<String> seen() {
        return calls.stream().map(c -> c.workflowId() + "/" + c.contactId() + "/" + c.segmentId()).toList();
    }
}
