package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.workflow.ProcessIds;
import dev.segments.workflow.WorkflowFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For the service: compiles each workflow file on its own, with the rules, so that a broken BPMN file is refused
 * with its problems while the rules and the other workflows load; then the accepted ones together, so that files
 * that only clash with each other (one process id in two files) refuse the later one, not the whole load.
 */
public final class WorkflowScreening {

    /** The sources with only the workflows that compile, and the problems of those refused. */
    public record Result(RuleSources accepted, List<Issue> refused) {
    }

    private WorkflowScreening() {
    }

    public static Result screen(RuleSources sources, ZoneId zone, Set<String> taskNames) {
        List<WorkflowFile> alone = new ArrayList<>();
        List<Issue> refused = new ArrayList<>();
        for (WorkflowFile file : sources.workflows()) {
            try {
                RuleCompiler.check(sources.withWorkflows(List.of(file)), zone, taskNames);
                alone.add(file);
            } catch (InvalidInputException problems) {
                refused.addAll(problems.issues());
            }
        }
        if (alone.size() < 2 || compiles(sources.withWorkflows(alone), zone, taskNames)) {
            return new Result(sources.withWorkflows(alone), refused);
        }
        // Files that compile alone but not together (two processes with one id): keep them in order, refusing each
        // that does not compile with the ones kept before it.
        List<WorkflowFile> kept = new ArrayList<>();
        for (WorkflowFile file : alone) {
            List<WorkflowFile> with = new ArrayList<>(kept);
            with.add(file);
            try {
                RuleCompiler.check(sources.withWorkflows(with), zone, taskNames);
                kept.add(file);
            } catch (InvalidInputException problems) {
                problems.issues().forEach(issue -> refused.add(issue.at().file().equals(file.path()) ? issue
                        : new Issue(Location.unknown(file.path()), issue.message() + " (with " + issue.at() + ")")));
            }
        }
        return new Result(sources.withWorkflows(kept), refused);
    }

    private static boolean compiles(RuleSources sources, ZoneId zone, Set<String> taskNames) {
        try {
            RuleCompiler.check(sources, zone, taskNames);
            return true;
        } catch (InvalidInputException problems) {
            return false;
        }
    }
}
