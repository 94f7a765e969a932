package dev.segments.cli;

import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.nio.file.Path;

/** {@code --workflows} is part of SPEC 7, but workflows (SPEC 6) are not implemented yet. */
final class WorkflowsOption {

    private WorkflowsOption() {
    }

    static void refuse(Path workflows) {
        if (workflows != null) {
            throw new InvalidInputException(new Issue(Location.unknown(workflows.toString()),
                    "--workflows is not supported yet: workflows (SPEC 6) come in a later version"));
        }
    }
}
