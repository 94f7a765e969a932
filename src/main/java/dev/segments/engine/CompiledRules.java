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
 * generated segments whose memberships the engine keeps from rule matches rather than facts, the names of all its
 * rules ({@code package/name}), and the tags whose part a change names.
 */
record CompiledRules(ReleaseId releaseId, List<GeneratedSegment> generated, Map<String, Location> handwrittenIds,
        TimeWindows windows, WorkflowCatalog workflows, Set<String> matchKept, Set<String> ruleNames,
        TagsRead tagsRead) {

    Set<String> segmentIds() {
        Set<String> ids = new TreeSet<>(handwrittenIds.keySet());
        generated.forEach(g -> ids.add(g.id()));
        return ids;
    }
}
