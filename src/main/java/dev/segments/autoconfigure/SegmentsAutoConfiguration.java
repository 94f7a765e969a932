package dev.segments.autoconfigure;

import dev.segments.engine.EngineOptions;
import dev.segments.engine.RulesDirectory;
import dev.segments.engine.SegmentEngine;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Builds the segments engine from the rules directory and drives its clock from the wall clock. */
@AutoConfiguration
@EnableConfigurationProperties(SegmentsProperties.class)
public class SegmentsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock segmentsClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SegmentEngine segmentEngine(SegmentsProperties properties, Clock clock,
            ObjectProvider<SegmentEngineCustomizer> customizers) {
        SegmentEngine engine = SegmentEngine.start(RulesDirectory.load(properties.getRulesDir()),
                new EngineOptions(ZoneId.of(properties.getZone()), clock.instant()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(engine));
        return engine;
    }

    @Bean
    @ConditionalOnMissingBean
    RulesDirectoryWatcher segmentsRulesDirectoryWatcher(SegmentEngine engine, SegmentsProperties properties) {
        return new RulesDirectoryWatcher(engine, properties.getRulesDir(), properties.getReloadInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    WallClockDriver segmentsWallClockDriver(SegmentEngine engine, Clock clock) {
        return new WallClockDriver(engine, clock);
    }
}
