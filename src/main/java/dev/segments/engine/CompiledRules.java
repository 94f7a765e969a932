package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.drl.GeneratedSegment;
import dev.segments.time.TimeWindows;
import dev.segments.workflow.WorkflowCatalog;
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
     * Whether changing the running rules to these starts the session afresh: a hand-written file changed, came or went.
     * Drools 10.2 changes generated rules in a running session right (with the engine's repairs), which random edits
     * check against an engine started afresh; hand-written rules, several to a file and of any shape, it does not
     * (docs/design.md, "Live rule changes").
     */
    boolean changeStartsAfresh(CompiledRules running) {
        return !module.layout().handwritten().equals(running.module().layout().handwritten());
    }

    Set<String> segmentIds() {
        Set<String> ids = new TreeSet<>(handwrittenIds.keySet());
        generated.forEach(g -> ids.add(g.id()));
        return ids;
    }
}
