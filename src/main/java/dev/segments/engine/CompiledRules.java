package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.drl.GeneratedSegment;
import dev.segments.time.TimeWindows;
import dev.segments.workflow.WorkflowCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.builder.ReleaseId;

/**
 * A rule set that compiled: its KIE module, generated segments, hand-written segment ids, time windows, workflows, the
 * generated segments whose memberships the engine keeps from rule matches rather than facts, and the tags whose part a
 * change names.
 */
record CompiledRules(BuiltModule module, List<GeneratedSegment> generated, Map<String, Location> handwrittenIds,
        TimeWindows windows, WorkflowCatalog workflows, Set<String> matchKept, TagsRead tagsRead) {

    ReleaseId releaseId() {
        return module.releaseId();
    }

    /** Every rule, as {@code package/name}. */
    Set<String> ruleNames() {
        return module.ruleNames();
    }

    /**
     * Whether changing the running rules to these starts the session afresh: a file that changed, came or went holds,
     * here or in the running rules, a rule Drools cannot change in place ({@link InPlaceRuleChanges}).
     */
    boolean changeStartsAfresh(CompiledRules running) {
        ModuleLayout from = running.module().layout();
        Set<String> touched = new HashSet<>(module.layout().changedFrom(from).keySet());
        touched.addAll(module.layout().removedFrom(from));
        return touched.stream().anyMatch(path -> module.afreshPaths().contains(path)
                || running.module().afreshPaths().contains(path));
    }

    Set<String> segmentIds() {
        Set<String> ids = new TreeSet<>(handwrittenIds.keySet());
        generated.forEach(g -> ids.add(g.id()));
        return ids;
    }
}
