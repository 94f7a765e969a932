package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.workflow.WorkflowFile;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one KIE module by their path in it (generated DRL, hand-written DRL, workflows), and where a problem in
 * each is reported: the file a person wrote, or the segment a generated file came from.
 */
record ModuleLayout(Map<String, String> files, Map<String, String> reportedPaths, Map<String, Location> generatedAt,
        Map<String, WorkflowFile> workflows) {

    static final String GENERATED_FOLDER = "segments/generated/";

    ModuleLayout {
        files = Map.copyOf(files);
        reportedPaths = Map.copyOf(reportedPaths);
        generatedAt = Map.copyOf(generatedAt);
        workflows = Map.copyOf(workflows);
    }

    static String generatedPath(String segmentId) {
        return GENERATED_FOLDER + segmentId + ".drl";
    }

    static boolean isGenerated(String path) {
        return path.startsWith(GENERATED_FOLDER);
    }

    /** Whether every file but the generated ones is the same here as in {@code other}, at the same path. */
    boolean sameBesidesGenerated(ModuleLayout other) {
        return besidesGenerated(files).equals(besidesGenerated(other.files));
    }

    /** The generated files that are new here or differ from {@code base}'s, in path order. */
    Map<String, String> generatedChangedFrom(ModuleLayout base) {
        Map<String, String> changed = new TreeMap<>();
        files.forEach((path, content) -> {
            if (isGenerated(path) && !content.equals(base.files.get(path))) {
                changed.put(path, content);
            }
        });
        return changed;
    }

    /** The generated files of {@code base} that are not here. */
    Set<String> generatedRemovedFrom(ModuleLayout base) {
        Set<String> removed = new TreeSet<>();
        base.files.keySet().stream().filter(path -> isGenerated(path) && !files.containsKey(path))
                .forEach(removed::add);
        return removed;
    }

    private static Map<String, String> besidesGenerated(Map<String, String> files) {
        Map<String, String> rest = new TreeMap<>(files);
        rest.keySet().removeIf(ModuleLayout::isGenerated);
        return rest;
    }
}
