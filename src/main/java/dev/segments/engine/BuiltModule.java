package dev.segments.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.process.Process;

/**
 * A KIE module in the repository: its release id, files, the names of the rules each DRL file holds
 * ({@code package/name}), and its processes.
 *
 * @param whole whether the module was compiled as a whole, so a container can start from it; a module built from a
 *     change of DRL files had only what the change needs compiled ({@link ChangedFilesBuild}) and serves to update a
 *     running container
 */
record BuiltModule(ReleaseId releaseId, ModuleLayout layout, Map<String, Set<String>> rulesByPath,
        List<Process> processes, boolean whole) {

    BuiltModule {
        Map<String, Set<String>> copy = new HashMap<>();
        rulesByPath.forEach((path, names) -> copy.put(path, Set.copyOf(names)));
        rulesByPath = Map.copyOf(copy);
        processes = List.copyOf(processes);
    }

    /** Every rule of the module, as {@code package/name}. */
    Set<String> ruleNames() {
        Set<String> names = new HashSet<>();
        rulesByPath.values().forEach(names::addAll);
        return names;
    }
}
