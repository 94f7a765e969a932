package dev.segments.engine;

import dev.segments.definition.SegmentDefinition;
import dev.segments.workflow.WorkflowFile;
import java.util.List;

/** Everything one KieBase is compiled from: checked segment definitions, hand-written DRL and BPMN2 workflows. */
public record RuleSources(List<SegmentDefinition> segments, List<DrlFile> handwritten, List<WorkflowFile> workflows) {

    public RuleSources {
        segments = List.copyOf(segments);
        handwritten = List.copyOf(handwritten);
        workflows = List.copyOf(workflows);
    }

    public RuleSources(List<SegmentDefinition> segments, List<DrlFile> handwritten) {
        this(segments, handwritten, List.of());
    }

    public RuleSources withWorkflows(List<WorkflowFile> files) {
        return new RuleSources(segments, handwritten, files);
    }

    public static RuleSources of(List<SegmentDefinition> segments) {
        return new RuleSources(segments, List.of());
    }
}
