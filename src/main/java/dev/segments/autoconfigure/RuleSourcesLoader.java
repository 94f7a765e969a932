package dev.segments.autoconfigure;

import dev.segments.engine.RuleSources;
import dev.segments.engine.RulesDirectory;
import dev.segments.engine.WorkflowScreening;
import dev.segments.workflow.WorkflowSettings;
import dev.segments.workflow.WorkflowsDirectory;
import java.nio.file.Files;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the rules and workflows directories for the service. Rules with problems stop the load (they are thrown);
 * a workflow file with problems is refused and logged, and the rest loads.
 */
final class RuleSourcesLoader {

    private static final Logger log = LoggerFactory.getLogger(RuleSourcesLoader.class);

    private RuleSourcesLoader() {
    }

    static RuleSources load(SegmentsProperties properties, WorkflowSettings workflows) {
        RuleSources sources = RulesDirectory.load(properties.getRulesDir());
        if (!Files.isDirectory(properties.getWorkflowsDir())) {
            return sources;
        }
        WorkflowScreening.Result screened = WorkflowScreening.screen(
                sources.withWorkflows(WorkflowsDirectory.read(properties.getWorkflowsDir())),
                ZoneId.of(properties.getZone()), workflows.taskNames());
        screened.refused().forEach(issue -> log.error("workflow refused: {}", issue));
        return screened.accepted();
    }
}
