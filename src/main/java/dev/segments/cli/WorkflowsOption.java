package dev.segments.cli;

import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workflows DIR}: part of SPEC 7, but workflows (SPEC 6) are not implemented yet. */
final class WorkflowsOption {

    @Option(names = "--workflows", paramLabel = "DIR", description = "BPMN2 workflows (not supported yet).")
    Path workflows;

    void refuseIfGiven() {
        if (workflows != null) {
            throw new InvalidInputException(new Issue(Location.unknown(workflows.toString()),
                    "--workflows is not supported yet: workflows (SPEC 6) come in a later version"));
        }
    }
}
