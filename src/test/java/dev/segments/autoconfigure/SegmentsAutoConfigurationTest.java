package dev.segments.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segments.contact.ContactData;
import dev.segments.engine.ContactWalk;
import dev.segments.engine.EngineOptions;
import dev.segments.engine.MembershipChange;
import dev.segments.engine.MembershipFacts;
import dev.segments.engine.RuleSources;
import dev.segments.engine.SegmentEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void membershipFactsBindsFromItsPropertyAndTheEngineRunsWithIt() {
        assertThat(new SegmentsProperties().getMembershipFacts()).isEqualTo(MembershipFacts.OBSERVED);
        runner.withPropertyValues("segments.membership-facts=all").run(context -> {
            assertThat(context.getBean(SegmentsProperties.class).getMembershipFacts()).isEqualTo(MembershipFacts.ALL);
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            engine.upsert(ContactData.builder("c-1").state("TX").build());
            assertThat(engine.segmentsOf("c-1")).contains("engaged-texas-clients");
        });
    }

    @Test
    void contactWalkBindsFromItsPropertyAndTheEngineRunsWithIt() {
        assertThat(new SegmentsProperties().getContactWalk()).isEqualTo(ContactWalk.TARGETED);
        runner.withPropertyValues("segments.contact-walk=drools").run(context -> {
            assertThat(context.getBean(SegmentsProperties.class).getContactWalk()).isEqualTo(ContactWalk.DROOLS);
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            engine.upsert(ContactData.builder("c-1").state("TX").build());
            engine.upsert(ContactData.builder("c-1").state("CA").build());
            assertThat(engine.segmentsOf("c-1")).doesNotContain("engaged-texas-clients");
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
        runner.withPropertyValues("segments.rules-dir=src/test/resources/rules-with-problems",
                        "segments.workflows-dir=src/test/resources/rules-with-problems/workflows")
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
        assertThat(properties.getReloadInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @Test
    void editsOfTheRulesDirectoryAreAppliedInPlaceAndBrokenOnesRefused(@TempDir Path rules) throws IOException {
        Path segments = Files.createDirectories(rules.resolve("segments"));
        Files.writeString(segments.resolve("texas.json"),
                "{\"id\": \"texas\", \"match\": {\"field\": \"state\", \"op\": \"equals\", \"value\": \"TX\"}}");
        runner.withPropertyValues("segments.rules-dir=" + rules, "segments.workflows-dir=" + rules.resolve("workflows"),
                "segments.reload-interval=0").run(context -> {
            SegmentEngine engine = context.getBean(SegmentEngine.class);
            RulesDirectoryWatcher watcher = context.getBean(RulesDirectoryWatcher.class);
            engine.upsert(ContactData.builder("c-1").state("TX").build());
            engine.upsert(ContactData.builder("c-2").state("OK").build());
            assertThat(watcher.reloadIfChanged()).isEmpty();

            Files.writeString(segments.resolve("texas.json"), "{\"id\": \"texas\", \"match\": "
                    + "{\"field\": \"state\", \"op\": \"in\", \"value\": [\"TX\", \"OK\"]}}");
            assertThat(watcher.reloadIfChanged()).extracting(MembershipChange::contactId).containsExactly("c-2");

            Files.writeString(segments.resolve("broken.json"), "{\"id\": \"broken\", \"match\": {\"field\": \"stat\"}}");
            assertThat(watcher.reloadIfChanged()).isEmpty();
            assertThat(engine.members("texas")).containsExactly("c-1", "c-2");
            assertThat(engine.segmentIds()).containsExactly("texas");

            Files.delete(segments.resolve("broken.json"));
            Files.writeString(rules.resolve("ok.drl"), """
                    package segments.handwritten;
                    import dev.segments.engine.Contact;
                    import dev.segments.engine.SegmentMembership;
                    rule "oklahoma" when $c : Contact( state == "ok" )
                    then insertLogical(new SegmentMembership("oklahoma", $c.getId())); end
                    """);
            assertThat(watcher.reloadIfChanged()).extracting(MembershipChange::segmentId, MembershipChange::contactId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("oklahoma", "c-2"));
        });
    }
}
