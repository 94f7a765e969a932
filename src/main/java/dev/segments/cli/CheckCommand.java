package dev.segments.cli;

import dev.segments.engine.DrlFile;
import dev.segments.engine.RuleCompiler;
import dev.segments.engine.RuleSources;
import dev.segments.engine.RulesDirectory;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.workflow.WorkflowFile;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile every segment file, DRL file and workflow and print each problem.",
                "Problems are printed as FILE:LINE:COLUMN: message.",
                "Exit 0 if there is none, 1 if there are problems, 2 on bad usage."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rulesOption;

    @Mixin
    WorkflowsOption workflowsOption;

    @Override
    public Integer call() {
        // A rules or workflows directory that is missing or unreadable is bad usage (exit 2, on err), not a problem
        // in the rules.
        List<DrlFile> handwritten = RulesDirectory.handwritten(rulesOption.rules);
        List<WorkflowFile> workflows = workflowsOption.files();
        List<Issue> issues = new ArrayList<>();
        RuleSources sources;
        try {
            sources = rulesOption.load().withWorkflows(workflows);
        } catch (InvalidInputException invalid) {
            issues.addAll(invalid.issues());
            // The segment files have problems; still compile the hand-written DRL so that its problems show too.
            sources = new RuleSources(List.of(), handwritten);
        }
        try {
            RuleCompiler.check(sources, ZoneOffset.UTC, workflowsOption.settings().taskNames());
        } catch (InvalidInputException invalid) {
            issues.addAll(invalid.issues());
        }
        if (issues.isEmpty()) {
            spec.commandLine().getOut().printf("ok: %d segment files, %d DRL files%s%n", sources.segments().size(),
                    sources.handwritten().size(),
                    workflowsOption.given() ? ", " + workflows.size() + " workflow files" : "");
            return ExitCodes.OK;
        }
        Cli.print(spec.commandLine().getOut(), issues);
        spec.commandLine().getOut().printf("%d problem%s%n", issues.size(), issues.size() == 1 ? "" : "s");
        return ExitCodes.PROBLEMS_FOUND;
    }
}
