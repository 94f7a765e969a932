package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import dev.segments.validation.Issue;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An edit of segment files alone compiles only the generated files that changed ({@link ChangedSegmentsBuild}); the
 * engine must then behave exactly as after a whole build: the same rules, memberships and changes.
 */
class SegmentFileEditsTest {

    static final DrlFile HANDWRITTEN = new DrlFile("rules/texans.drl", """
            package segments.handwritten;
            import dev.segments.engine.Contact;
            import dev.segments.engine.SegmentMembership;
            rule "texans" when $c : Contact( state == "tx" )
            then insertLogical(new SegmentMembership("texans", $c.getId())); end
            """);

    final RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of());

    @Test
    void aSegmentEditCompilesOnlyTheChangedFilesAndKnowsTheSameRulesAsAWholeBuild() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(10);
        CompiledRules base = compiler.compile(new RuleSources(segments, List.of(HANDWRITTEN)));
        List<SegmentDefinition> edited = new ArrayList<>(segments);
        edited.set(3, new RandomSegments(8).segments(10).get(3));
        edited.remove(9);
        RuleSources sources = new RuleSources(edited, List.of(HANDWRITTEN));

        CompiledRules change = compiler.compileChange(sources, base);
        CompiledRules whole = compiler.compile(sources);

        assertThat(base.module().whole()).isTrue();
        assertThat(change.module().whole()).isFalse();
        assertThat(whole.module().whole()).isTrue();
        assertThat(change.ruleNames()).isEqualTo(whole.ruleNames()).contains("segments.handwritten/texans")
                .noneMatch(name -> name.contains("r9 "));
        assertThat(change.module().rulesByPath()).isEqualTo(whole.module().rulesByPath());
        assertThat(change.module().layout()).isEqualTo(whole.module().layout());
        assertThat(filesOf(change)).isEqualTo(filesOf(whole)).containsKey(ModuleLayout.generatedPath("r3"))
                .doesNotContainKey(ModuleLayout.generatedPath("r9"));
        List.of(base, change, whole).forEach(rules -> compiler.discard(rules.releaseId()));
    }

    @Test
    void aChangeOfAHandwrittenFileCompilesEverything() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        CompiledRules base = compiler.compile(RuleSources.of(segments));

        CompiledRules change = compiler.compileChange(new RuleSources(segments, List.of(HANDWRITTEN)), base);

        assertThat(change.module().whole()).isTrue();
        assertThat(change.ruleNames()).contains("segments.handwritten/texans");
        List.of(base, change).forEach(rules -> compiler.discard(rules.releaseId()));
    }

    @Test
    void aChangedGeneratedFileThatDoesNotCompileIsReportedAtItsSegmentFile() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        CompiledRules base = compiler.compile(RuleSources.of(segments));
        ModuleLayout layout = base.module().layout();
        String path = ModuleLayout.generatedPath("r2");
        Map<String, String> files = new HashMap<>(layout.files());
        files.put(path, files.get(path).replace("then", "then\n    undefinedCall();"));
        ModuleLayout broken = new ModuleLayout(files, layout.reportedPaths(), layout.generatedAt(), layout.workflows());
        var releaseId = compiler.kie().newReleaseId("dev.segments", "broken", "1.0.0");

        ModuleBuild build = ChangedSegmentsBuild.of(compiler.kie(), releaseId, broken, base.module()).orElseThrow();

        assertThat(build.module()).isEmpty();
        Location at = layout.generatedAt().get(path);
        assertThat(build.issues()).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.at()).isEqualTo(at);
            assertThat(issue.message()).startsWith("generated DRL does not compile (line ").contains("undefinedCall");
        });
        assertThat(compiler.kie().getRepository().getKieModule(releaseId)).isNull();
        compiler.discard(base.releaseId());
    }

    @Test
    void aSessionDoesNotStartFromRulesCompiledAsAChange() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        CompiledRules base = compiler.compile(RuleSources.of(segments));
        CompiledRules change = compiler.compileChange(RuleSources.of(segments.subList(0, 3)), base);

        assertThatThrownBy(() -> SegmentEngine.start(compiler, change, EngineOptions.startingAt(
                RuleEditsKeepMatchesTest.START))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compiled as a whole");
        List.of(base, change).forEach(rules -> compiler.discard(rules.releaseId()));
    }

    /** Segments added, removed and replaced at random, each edit checked against an engine started on its rules. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void editsReportExactlyTheMembershipsThatChangedAndEndAsAFreshEngine(int partitions) {
        Random random = new Random(partitions * 101L);
        List<SegmentDefinition> pool = new RandomSegments(new Random(5)).segments(30);
        List<SegmentDefinition> segments = new ArrayList<>(pool.subList(0, 12));
        List<ContactData> contacts = new RandomContacts(new Random(9)).contacts(80);
        EngineOptions options = EngineOptions.startingAt(RuleEditsKeepMatchesTest.START);
        try (Segments engine = PartitionedSegments.start(new RuleSources(segments, List.of(HANDWRITTEN)), options,
                partitions)) {
            engine.load(contacts, List.of());
            for (int edit = 0; edit < 6; edit++) {
                editAtRandom(segments, pool, random);
                Map<String, SortedSet<String>> before = membersOf(engine, pool);
                List<MembershipChange> changes = engine.updateRules(new RuleSources(segments, List.of(HANDWRITTEN)));
                Map<String, SortedSet<String>> after = membersOf(engine, pool);

                assertThat(asDifference(changes)).as("edit %d", edit).isEqualTo(difference(before, after));
                try (Segments fresh = PartitionedSegments.start(new RuleSources(segments, List.of(HANDWRITTEN)),
                        options, 1)) {
                    fresh.load(contacts, List.of());
                    assertThat(after).as("edit %d", edit).isEqualTo(membersOf(fresh, pool));
                    assertThat(engine.members("texans")).isEqualTo(fresh.members("texans"));
                }
            }
        }
    }

    @Test
    void aFailedUpdateGoesBackToRulesCompiledAsAChangeAndEditsGoOn() {
        List<SegmentDefinition> pool = new RandomSegments(new Random(5)).segments(12);
        List<SegmentDefinition> segments = new ArrayList<>(pool.subList(0, 8));
        List<ContactData> contacts = new RandomContacts(new Random(9)).contacts(60);
        EngineOptions options = EngineOptions.startingAt(RuleEditsKeepMatchesTest.START);
        try (SegmentEngine engine = SegmentEngine.start(RuleSources.of(segments), options)) {
            engine.load(contacts, List.of());
            segments.set(2, pool.get(9));
            engine.updateRules(RuleSources.of(segments));
            Map<String, SortedSet<String>> edited = membersOf(engine, pool);
            DrlFile exploding = new DrlFile("rules/exploding.drl", """
                    package segments.handwritten;
                    import dev.segments.engine.Contact;
                    rule "everyone explodes" when Contact( ) then throw new IllegalStateException("boom"); end
                    """);

            assertThatThrownBy(() -> engine.updateRules(new RuleSources(segments, List.of(exploding))))
                    .hasRootCauseMessage("boom");
            assertThat(membersOf(engine, pool)).isEqualTo(edited);

            segments.set(5, pool.get(10));
            engine.updateRules(RuleSources.of(segments));
            try (SegmentEngine fresh = SegmentEngine.start(RuleSources.of(segments), options)) {
                fresh.load(contacts, List.of());
                assertThat(membersOf(engine, pool)).isEqualTo(membersOf(fresh, pool));
            }
        }
    }

    private static void editAtRandom(List<SegmentDefinition> segments, List<SegmentDefinition> pool, Random random) {
        int kind = random.nextInt(3);
        List<SegmentDefinition> unused = pool.stream().filter(s -> !segments.contains(s)).toList();
        if (kind == 0 && !unused.isEmpty()) {
            segments.add(unused.get(random.nextInt(unused.size())));
        } else if (kind == 1 && segments.size() > 2) {
            segments.remove(random.nextInt(segments.size()));
        } else if (!unused.isEmpty()) {
            // A segment's definition replaced by another's under the same id: its file changes, its id stays.
            int i = random.nextInt(segments.size());
            SegmentDefinition other = unused.get(random.nextInt(unused.size()));
            SegmentDefinition current = segments.get(i);
            segments.set(i, new SegmentDefinition(current.id(), current.name(), current.description(),
                    other.match(), current.at()));
        }
    }

    /** The module's rule and workflow files, by path. */
    private Map<String, String> filesOf(CompiledRules rules) {
        InternalKieModule module = (InternalKieModule) compiler.kie().getRepository().getKieModule(rules.releaseId());
        Map<String, String> files = new HashMap<>();
        module.getFileNames().stream().filter(path -> path.endsWith(".drl") || path.endsWith(".bpmn"))
                .forEach(path -> files.put(path, new String(module.getBytes(path), StandardCharsets.UTF_8)));
        return files;
    }

    /** Members of every segment of the pool, present or not, by segment id. */
    private static Map<String, SortedSet<String>> membersOf(Segments engine, List<SegmentDefinition> pool) {
        Map<String, SortedSet<String>> members = new HashMap<>();
        pool.forEach(segment -> members.put(segment.id(), new TreeSet<>(engine.members(segment.id()))));
        return members;
    }

    private static Set<String> difference(Map<String, SortedSet<String>> before,
            Map<String, SortedSet<String>> after) {
        Set<String> changes = new TreeSet<>();
        before.forEach((segment, members) -> members.stream().filter(id -> !after.get(segment).contains(id))
                .forEach(id -> changes.add("EXITED " + segment + " " + id)));
        after.forEach((segment, members) -> members.stream().filter(id -> !before.get(segment).contains(id))
                .forEach(id -> changes.add("ENTERED " + segment + " " + id)));
        return changes;
    }

    private static Set<String> asDifference(List<MembershipChange> changes) {
        Set<String> set = new TreeSet<>();
        changes.forEach(change -> set.add(change.kind() + " " + change.segmentId() + " " + change.contactId()));
        assertThat(set).hasSize(changes.size());
        return set;
    }
}
