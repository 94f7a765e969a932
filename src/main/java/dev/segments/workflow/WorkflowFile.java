package dev.segments.workflow;

import java.util.Objects;

/** A BPMN2 file: the path it is reported under, and its XML. */
public record WorkflowFile(String path, String content) {

    public WorkflowFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
