package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.workflow.WorkflowFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * For the service: compiles each workflow file on its own, with the rules, so that a broken BPMN file is refused
 * with its problems while the rules and the other workflows load; then the accepted ones together, so that files
 * that only clash with each other (one process id in two files) refuse the later one, not the whole load. The rules
 * are compiled once; each check of workflows is a change from them, which compiles only the workflows
 * ({@link ChangedFilesBuild}).
 */
public final class WorkflowScreening {

    /** The sources with only the workflows that compile, and the problems of those refused. */
    public record Result(RuleSources accepted, List<Issue> refused) {
    }

    private final RuleCompiler compiler;
    private final RuleSources sources;
    /** The rules without workflows, when they compile: the base every check is a change from. */
    private final Optional<CompiledRules> rules;

    private WorkflowScreening(RuleCompiler compiler, RuleSources sources) {
        this.compiler = compiler;
        this.sources = sources;
        Optional<CompiledRules> compiled;
        try {
            compiled = Optional.of(compiler.compile(sources.withWorkflows(List.of())));
        } catch (InvalidInputException problems) {
            compiled = Optional.empty(); // every check reports the rules' problems
        }
        this.rules = compiled;
    }

    public static Result screen(RuleSources sources, ZoneId zone, Set<String> taskNames) {
        if (sources.workflows().isEmpty()) {
            return new Result(sources, List.of());
        }
        WorkflowScreening screening = new WorkflowScreening(new RuleCompiler(zone, taskNames), sources);
        try {
            return screening.screen();
        } finally {
            screening.rules.ifPresent(rules -> screening.compiler.discard(rules.releaseId()));
        }
    }

    private Result screen() {
        List<WorkflowFile> alone = new ArrayList<>();
        List<Issue> refused = new ArrayList<>();
        for (WorkflowFile file : sources.workflows()) {
            try {
                check(List.of(file));
                alone.add(file);
            } catch (InvalidInputException problems) {
                refused.addAll(problems.issues());
            }
        }
        if (alone.size() < 2 || compiles(alone)) {
            return new Result(sources.withWorkflows(alone), refused);
        }
        // Files that compile alone but not together (two processes with one id): keep them in order, refusing each
        // that does not compile with the ones kept before it.
        List<WorkflowFile> kept = new ArrayList<>();
        for (WorkflowFile file : alone) {
            List<WorkflowFile> with = new ArrayList<>(kept);
            with.add(file);
            try {
                check(with);
                kept.add(file);
            } catch (InvalidInputException problems) {
                problems.issues().forEach(issue -> refused.add(issue.at().file().equals(file.path()) ? issue
                        : new Issue(Location.unknown(file.path()), issue.message() + " (with " + issue.at() + ")")));
            }
        }
        return new Result(sources.withWorkflows(kept), refused);
    }

    /** Compiles the rules with these workflows and throws the result away; throws every problem found. */
    private void check(List<WorkflowFile> workflows) {
        RuleSources withWorkflows = sources.withWorkflows(workflows);
        CompiledRules compiled = rules.isPresent() ? compiler.compileChange(withWorkflows, rules.get())
                : compiler.compile(withWorkflows);
        compiler.discard(compiled.releaseId());
    }

    private boolean compiles(List<WorkflowFile> workflows) {
        try {
            check(workflows);
            return true;
        } catch (InvalidInputException problems) {
            return false;
        }
    }
}
