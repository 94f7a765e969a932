package dev.segments.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.RuleSources;
import dev.segments.engine.SegmentEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SegmentsAutoConfigurationTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SegmentsAutoConfiguration.class))
            .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void buildsTheEngineFromTheRulesDirectoryAtTheClocksInstant() {
        runner.run(context -> {
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            assertThat(engine.now()).isEqualTo(NOW);
            assertThat(engine.segmentIds()).contains("engaged-texas-clients", "big-spenders");
            engine.upsert(ContactData.builder("c-1").state("TX").build());
            assertThat(engine.segmentsOf("c-1")).contains("engaged-texas-clients");
        });
    }

    @Test
    void customizersSeeTheEngineBeforeItIsUsed() {
        List<MembershipChange> heard = new ArrayList<>();
        runner.withBean(SegmentEngineCustomizer.class, () -> engine -> engine.addListener(heard::addAll))
                .run(context -> {
                    context.getBean(SegmentEngine.class).upsert(ContactData.builder("c-1").state("TX").build());
                    assertThat(heard).extracting(MembershipChange::segmentId).contains("engaged-texas-clients");
                });
    }

    @Test
    void aBrokenRulesDirectoryStopsTheStartWithItsProblems() {
        runner.withPropertyValues("segments.rules-dir=src/test/resources/rules-with-problems")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("bad.json:").hasMessageContaining("unknown operator"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnEngine() {
        runner.withBean("myEngine", SegmentEngine.class,
                () -> SegmentEngine.start(RuleSources.of(List.of()), EngineOptions.startingAt(NOW)))
                .run(context -> {
                    assertThat(context).hasSingleBean(SegmentEngine.class);
                    assertThat(context.getBean(SegmentEngine.class).segmentIds()).isEmpty();
                });
    }

    @Test
    void documentedDefaultsAreTheRealDefaults() {
        SegmentsProperties properties = new SegmentsProperties();
        assertThat(properties.getRulesDir()).isEqualTo(Path.of("rules"));
        assertThat(properties.getZone()).isEqualTo("UTC");
        assertThat(properties.getContactsFile()).isNull();
        assertThat(properties.getEventsFile()).isNull();
    }
}
