package dev.segments.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at a tiny size, so that it cannot rot: every subject goes through every scenario and agrees with the
 * engine on every count. No timing is asserted.
 */
class BenchmarkSmokeTest {

    private static final Set<String> SCENARIOS = Set.of(BenchRun.LOAD, BenchRun.CHANGES, BenchRun.TIME, BenchRun.EDIT);

    @Test
    void everySubjectRunsEveryScenarioAndAgreesWithTheEngine(@TempDir Path dir) throws Exception {
        List<Result> results = run(List.of("engine", "floor", "h2"), Optional.empty());

        assertRanAndAgreed(results, List.of("engine", "floor", "h2"));
        assertThat(results).filteredOn(r -> r.scenario().equals(BenchRun.PARTITIONS))
                .extracting(Result::subject).containsOnly("engine P=1", "engine P=2");
        List<String> partitionMetrics = new ArrayList<>(List.of("load", "changes", "changes, a writer per partition",
                "collection pauses, changes", "collection pauses, a writer per partition", "edit time"));
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            partitionMetrics.addAll(List.of("cpu of collector, a writer per partition",
                    "cpu of compilers, a writer per partition", "seconds, a writer per partition"));
        }
        assertThat(results).filteredOn(r -> r.scenario().equals(BenchRun.PARTITIONS))
                .extracting(Result::metric).containsOnlyElementsOf(partitionMetrics).containsAll(partitionMetrics);
        assertThat(results).filteredOn(r -> r.scenario().equals(BenchRun.CHANGES))
                .filteredOn(r -> r.metric().equals("collection pauses")).extracting(Result::subject)
                .containsExactlyInAnyOrder("engine", "floor", "h2");
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(results).filteredOn(r -> r.scenario().equals(BenchRun.CHANGES))
                    .filteredOn(r -> r.metric().equals("cpu of compilers")).extracting(Result::subject)
                    .containsExactlyInAnyOrder("engine", "floor", "h2");
        }
        for (String subject : List.of("engine", "floor", "h2")) {
            List<Double> byKind = results.stream().filter(r -> r.scenario().equals(BenchRun.CHANGE_KINDS))
                    .filter(r -> r.subject().startsWith(subject + ", ") && r.metric().equals("changes"))
                    .map(Result::value).toList();
            assertThat(byKind).as("kinds of change timed for " + subject).hasSizeGreaterThan(1);
            assertThat(byKind.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(200.0);
        }

        Path jsonl = dir.resolve("results.jsonl");
        Files.writeString(jsonl, results.stream().map(BenchmarkSmokeTest::json).collect(Collectors.joining("\n")));
        Path markdown = dir.resolve("results.md");
        BenchReport.write(jsonl, markdown);
        String tables = Files.readString(markdown);
        assertThat(tables).contains("### 1 load", "### 2 change stream", "### 3 time passing", "### 4 segment edit",
                "### 2 change stream, by kind", "| 300 × 12 | engine, tag added |", "### partitions",
                "| 300 × 12 | floor |", "| 300 × 12 | h2 |", "Ratios");
    }

    @Test
    void postgresRunsEveryScenarioAndAgreesWithTheEngine() {
        String url = System.getenv("SEGMENTS_BENCH_POSTGRES_URL");
        assumeTrue(url != null, "SEGMENTS_BENCH_POSTGRES_URL is not set (.ci/run sets it)");
        BenchConfig.PostgresAccess access = new BenchConfig.PostgresAccess(url,
                System.getenv().getOrDefault("SEGMENTS_BENCH_POSTGRES_USER", "segments"),
                System.getenv().getOrDefault("SEGMENTS_BENCH_POSTGRES_PASSWORD", "segments"));

        List<Result> results = run(List.of("engine", "postgres"), Optional.of(access));

        assertRanAndAgreed(results, List.of("engine", "postgres"));
    }

    private static List<Result> run(List<String> subjects, Optional<BenchConfig.PostgresAccess> postgres) {
        List<Result> results = new ArrayList<>();
        List<Integer> partitions = subjects.contains("floor") ? List.of(1, 2) : List.of();
        BenchRun.run(new BenchConfig(300, 12, subjects, 50, 200, partitions, 2, 7, postgres), results::add);
        return results;
    }

    private static void assertRanAndAgreed(List<Result> results, List<String> subjects) {
        assertThat(results).noneMatch(r -> r.metric().equals("did not fit"));
        for (String subject : subjects) {
            assertThat(results).filteredOn(r -> r.subject().equals(subject)).extracting(Result::scenario)
                    .containsAll(SCENARIOS);
        }
        List<Result> agreements = results.stream().filter(r -> r.metric().startsWith("agrees")).toList();
        assertThat(agreements).filteredOn(r -> r.metric().equals("agrees after edit back")).extracting(Result::subject)
                .containsAll(subjects.subList(1, subjects.size()));
        assertThat(agreements).extracting(Result::subject).containsAll(subjects.subList(1, subjects.size()));
        assertThat(agreements).extracting(Result::scenario).containsAll(SCENARIOS);
        assertThat(agreements).allSatisfy(r -> assertThat(r.value()).as(r.subject() + " " + r.scenario() + ": "
                + r.note()).isEqualTo(1.0));
        assertThat(results).filteredOn(r -> r.metric().equals("other segments changed"))
                .singleElement().extracting(Result::value).isEqualTo(0.0);
        assertThat(results).filteredOn(r -> r.metric().equals("memberships") && r.subject().equals("engine"))
                .singleElement().extracting(Result::value).matches(v -> v > 0, "some memberships");
    }

    private static String json(Result r) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(r);
    }
}
