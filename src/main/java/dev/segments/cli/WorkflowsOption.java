package dev.segments.cli;

import dev.segments.engine.RuleSources;
import dev.segments.workflow.WorkflowFile;
import dev.segments.workflow.WorkflowsDirectory;
import dev.segments.workflow.WorkflowSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --workflows DIR}: BPMN2 workflows compiled with the rules, started by segment changes (SPEC 6). */
final class WorkflowsOption {

    @Option(names = "--workflows", paramLabel = "DIR",
            description = "BPMN2 workflows (*.bpmn, *.bpmn2) started by segment changes.")
    Path workflows;

    @Option(names = "--task", paramLabel = "NAME",
            description = "A custom task that the service provides (repeatable): accepted by check, run as a no-op by "
                    + "evaluate and replay.")
    List<String> customTasks = new ArrayList<>();

    boolean given() {
        return workflows != null;
    }

    /** The workflow files of the directory (none without the option); a directory that is missing is bad input. */
    List<WorkflowFile> files() {
        return workflows == null ? List.of() : WorkflowsDirectory.read(workflows);
    }

    /** The built-in tasks, and the declared custom ones as no-ops: the command line has no custom handlers. */
    WorkflowSettings settings() {
        WorkflowSettings settings = WorkflowSettings.defaults();
        for (String name : customTasks) {
            settings = settings.withTask(name, call -> { });
        }
        return settings;
    }

    /** The sources with the workflow files added, when the option is given. */
    RuleSources addTo(RuleSources sources) {
        return workflows == null ? sources : sources.withWorkflows(files());
    }
}
