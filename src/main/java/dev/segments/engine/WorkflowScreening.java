package dev.segments.engine;

import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.workflow.WorkflowFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For the service: compiles each workflow file on its own, with the rules, so that a broken BPMN file is refused
 * with its problems while the rules and the other workflows load.
 */
public final class WorkflowScreening {

    /** The sources with only the workflows that compile, and the problems of those refused. */
    public record Result(RuleSources accepted, List<Issue> refused) {
    }

    private WorkflowScreening() {
    }

    public static Result screen(RuleSources sources, ZoneId zone, Set<String> taskNames) {
        List<WorkflowFile> accepted = new ArrayList<>();
        List<Issue> refused = new ArrayList<>();
        for (WorkflowFile file : sources.workflows()) {
            try {
                RuleCompiler.check(sources.withWorkflows(List.of(file)), zone, taskNames);
                accepted.add(file);
            } catch (InvalidInputException problems) {
                refused.addAll(problems.issues());
            }
        }
        return new Result(sources.withWorkflows(accepted), refused);
    }
}
