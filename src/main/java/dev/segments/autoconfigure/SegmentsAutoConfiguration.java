package dev.segments.autoconfigure;

import dev.segments.engine.EngineOptions;
import dev.segments.engine.PartitionedSegments;
import dev.segments.engine.Segments;
import dev.segments.workflow.CampaignLauncher;
import dev.segments.workflow.InMemoryCampaignLauncher;
import dev.segments.workflow.WorkflowSettings;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Builds the segments engine from the rules and workflows directories, applies their edits in place, and drives its
 * clock from the wall clock. Custom workflow tasks are {@link WorkflowTask} beans; launches go to the
 * {@link CampaignLauncher} bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(SegmentsProperties.class)
public class SegmentsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock segmentsClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    CampaignLauncher campaignLauncher() {
        return new InMemoryCampaignLauncher();
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowSettings workflowSettings(SegmentsProperties properties, CampaignLauncher launcher,
            ObjectProvider<WorkflowTask> tasks) {
        WorkflowSettings settings = WorkflowSettings.defaults().withLauncher(launcher)
                .withMaxCascadeSteps(properties.getMaxCascadeSteps());
        for (WorkflowTask task : tasks.orderedStream().toList()) {
            settings = settings.withTask(task.name(), task.handler());
        }
        return settings;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Segments segmentEngine(SegmentsProperties properties, Clock clock, WorkflowSettings workflows,
            ObjectProvider<SegmentEngineCustomizer> customizers) {
        Segments engine = PartitionedSegments.start(RuleSourcesLoader.load(properties, workflows),
                new EngineOptions(ZoneId.of(properties.getZone()), clock.instant(), workflows,
                        properties.getMembershipFacts(), properties.getContactWalk()), properties.getPartitions());
        customizers.orderedStream().forEach(customizer -> customizer.customize(engine));
        return engine;
    }

    @Bean
    @ConditionalOnMissingBean
    RulesDirectoryWatcher segmentsRulesDirectoryWatcher(Segments engine, SegmentsProperties properties,
            WorkflowSettings workflows) {
        return new RulesDirectoryWatcher(engine, properties, () -> RuleSourcesLoader.load(properties, workflows));
    }

    @Bean
    @ConditionalOnMissingBean
    WallClockDriver segmentsWallClockDriver(Segments engine, Clock clock) {
        return new WallClockDriver(engine, clock);
    }
}
