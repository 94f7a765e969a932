package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.workflow.WorkflowFile;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files)); // the order they are written to the module
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

    /** The hand-written DRL files, by path. */
    Map<String, String> handwritten() {
        Map<String, String> handwritten = new TreeMap<>(files);
        handwritten.keySet().removeIf(path -> isGenerated(path) || workflows.containsKey(path));
        return handwritten;
    }

    /** The files that are new here or differ from {@code base}'s, in path order. */
    Map<String, String> changedFrom(ModuleLayout base) {
        Map<String, String> changed = new TreeMap<>();
        files.forEach((path, content) -> {
            if (!content.equals(base.files.get(path))) {
                changed.put(path, content);
            }
        });
        return changed;
    }

    /** The files of {@code base} that are not here. */
    Set<String> removedFrom(ModuleLayout base) {
        Set<String> removed = new TreeSet<>(base.files.keySet());
        removed.removeAll(files.keySet());
        return removed;
    }
}
