package dev.segments.workflow;

import dev.segments.definition.Location;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads the BPMN2 files ({@code *.bpmn}, {@code *.bpmn2}) under a workflows directory, sorted by path. */
public final class WorkflowsDirectory {

    private WorkflowsDirectory() {
    }

    public static List<WorkflowFile> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(new Issue(Location.unknown(dir.toString()),
                    "not a directory: give the directory that holds the *.bpmn workflow files"));
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<WorkflowFile> files = new ArrayList<>();
            for (Path path : walk.filter(Files::isRegularFile).filter(WorkflowsDirectory::isWorkflow)
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                files.add(new WorkflowFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException(new Issue(Location.unknown(dir.toString()), "cannot read: " + e.getMessage()));
        }
    }

    public static boolean isWorkflow(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".bpmn") || name.endsWith(".bpmn2");
    }
}
