package dev.segments.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segments.contact.ContactData;
import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.reference.RandomContacts;
import dev.segments.reference.RandomSegments;
import dev.segments.validation.Issue;
import dev.segments.workflow.Bpmn;
import dev.segments.workflow.Trigger;
import dev.segments.workflow.WorkflowFile;
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
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An edit of DRL files alone compiles only what the change needs ({@link ChangedFilesBuild}); the engine must then
 * behave exactly as after a whole build: the same rules, errors, memberships and changes.
 */
class RuleFileEditsTest {

    static final DrlFile HANDWRITTEN = new DrlFile("rules/texans.drl", """
            package segments.handwritten;
            import dev.segments.engine.Contact;
            import dev.segments.engine.SegmentMembership;
            rule "texans" when $c : Contact( state == "tx" )
            then insertLogical(new SegmentMembership("texans", $c.getId())); end
            """);

    static final DrlFile TEXAN_FUNCTION = new DrlFile("rules/functions.drl", """
            package segments.handwritten;
            function boolean isTexan(String state) { return "tx".equals(state); }
            """);

    static final DrlFile TEXANS_BY_FUNCTION = new DrlFile("rules/texans-by-function.drl", """
            package segments.handwritten;
            import dev.segments.engine.Contact;
            import dev.segments.engine.SegmentMembership;
            rule "texans by function" when $c : Contact( isTexan(state) )
            then insertLogical(new SegmentMembership("texans-by-function", $c.getId())); end
            """);

    final RuleCompiler compiler = new RuleCompiler(ZoneOffset.UTC, Set.of("AddTag"));

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
    void aChangeOfHandwrittenFilesCompilesEverythingAsAWholeBuildDoes() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(6);
        CompiledRules base = compiler.compile(new RuleSources(segments, List.of(HANDWRITTEN)));
        DrlFile edited = new DrlFile(HANDWRITTEN.path(), HANDWRITTEN.content().replace("\"tx\"", "\"ca\""));
        RuleSources sources = new RuleSources(segments.subList(0, 5), List.of(edited, TEXAN_FUNCTION,
                TEXANS_BY_FUNCTION));

        CompiledRules change = compiler.compileChange(sources, base);
        CompiledRules whole = compiler.compile(sources);

        assertThat(change.module().whole()).as("a session starts afresh from it").isTrue();
        assertThat(change.ruleNames()).isEqualTo(whole.ruleNames()).contains("segments.handwritten/texans by function");
        assertThat(change.module().rulesByPath()).isEqualTo(whole.module().rulesByPath());
        assertThat(filesOf(change)).isEqualTo(filesOf(whole));
        List.of(base, change, whole).forEach(rules -> compiler.discard(rules.releaseId()));
    }

    /** Changes a whole build refuses, each from rules that compiled: its name, the rules before, the rules after. */
    static Stream<Arguments> brokenChanges() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        RuleSources handwritten = new RuleSources(segments, List.of(HANDWRITTEN, TEXAN_FUNCTION, TEXANS_BY_FUNCTION));
        WorkflowFile welcome = Bpmn.file("welcome", "segment-entered:r2", Bpmn.task("AddTag", "Tag", "welcome"));
        RuleSources workflow = RuleSources.of(segments).withWorkflows(List.of(welcome));
        return Stream.of(
                Arguments.of("a syntax error", handwritten, withHandwritten(handwritten, "when $c", "when when $c")),
                Arguments.of("an unknown field", handwritten, withHandwritten(handwritten, "state ==", "sate ==")),
                Arguments.of("a consequence that does not compile", handwritten,
                        withHandwritten(handwritten, "then insertLogical", "then undefinedCall(); insertLogical")),
                Arguments.of("a function's file removed", handwritten,
                        new RuleSources(segments, List.of(HANDWRITTEN, TEXANS_BY_FUNCTION))),
                Arguments.of("an unknown task", workflow, workflow.withWorkflows(List.of(Bpmn.file("welcome",
                        "segment-entered:r2", Bpmn.task("AddTagg", "Tag", "welcome"))))),
                Arguments.of("a workflow without a process", workflow, workflow.withWorkflows(List.of(
                        new WorkflowFile(welcome.path(), "<html><body>hello</body></html>\n")))),
                Arguments.of("a flow to an element that is not there", workflow, workflow.withWorkflows(List.of(
                        new WorkflowFile(welcome.path(), welcome.content().replaceFirst("targetRef=\"[^\"]*\"",
                                "targetRef=\"nowhere\""))))),
                Arguments.of("a trigger on an unknown segment", workflow, workflow.withWorkflows(List.of(Bpmn.file(
                        "welcome", "segment-entered:r9", Bpmn.task("AddTag", "Tag", "welcome"))))));
    }

    private static RuleSources withHandwritten(RuleSources sources, String text, String replacement) {
        List<DrlFile> files = new ArrayList<>(sources.handwritten());
        files.set(0, new DrlFile(HANDWRITTEN.path(), HANDWRITTEN.content().replace(text, replacement)));
        return new RuleSources(sources.segments(), files, sources.workflows());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenChanges")
    void aChangeThatDoesNotCompileIsRefusedWithTheIssuesOfAWholeBuild(String what, RuleSources before,
            RuleSources after) {
        CompiledRules base = compiler.compile(before);

        List<Issue> whole = issuesOf(() -> compiler.compile(after));
        List<Issue> change = issuesOf(() -> compiler.compileChange(after, base));

        assertThat(change).isNotEmpty().isEqualTo(whole);
        compiler.discard(base.releaseId());
    }

    @Test
    void aSegmentChangeChecksTheUnchangedWorkflowsAgainstTheNewSegments() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        WorkflowFile welcome = Bpmn.file("welcome", "segment-entered:r2", Bpmn.task("AddTag", "Tag", "welcome"));
        CompiledRules base = compiler.compile(RuleSources.of(segments).withWorkflows(List.of(welcome)));
        List<SegmentDefinition> edited = new ArrayList<>(segments);
        edited.set(1, new RandomSegments(8).segments(4).get(1));

        CompiledRules change = compiler.compileChange(RuleSources.of(edited).withWorkflows(List.of(welcome)), base);
        RuleSources withoutR2 = RuleSources.of(List.of(segments.get(0), segments.get(1), segments.get(3)))
                .withWorkflows(List.of(welcome));

        assertThat(change.module().whole()).isFalse();
        assertThat(change.workflows().issues()).isEmpty();
        assertThat(issuesOf(() -> compiler.compileChange(withoutR2, change)))
                .isEqualTo(issuesOf(() -> compiler.compile(withoutR2)))
                .anySatisfy(issue -> assertThat(issue.message()).contains("r2"));
        List.of(base, change).forEach(rules -> compiler.discard(rules.releaseId()));
    }

    @Test
    void aChangeOfAWorkflowCompilesItAloneAndKnowsTheSameProcessesAsAWholeBuild() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        WorkflowFile welcome = Bpmn.file("welcome", "segment-entered:r2", Bpmn.task("AddTag", "Tag", "welcome"));
        WorkflowFile farewell = Bpmn.file("farewell", "segment-exited:r1", Bpmn.task("AddTag", "Tag", "gone"));
        CompiledRules base = compiler.compile(new RuleSources(segments, List.of(HANDWRITTEN))
                .withWorkflows(List.of(welcome, farewell)));
        WorkflowFile retagged = Bpmn.file("welcome", "segment-entered:r3", Bpmn.task("AddTag", "Tag", "welcome"));
        RuleSources sources = new RuleSources(segments, List.of(HANDWRITTEN))
                .withWorkflows(List.of(retagged, farewell));

        CompiledRules change = compiler.compileChange(sources, base);
        CompiledRules whole = compiler.compile(sources);

        assertThat(change.module().whole()).isFalse();
        assertThat(processesOf(change)).isEqualTo(processesOf(whole)).hasSize(2);
        assertThat(change.workflows().startsFor(Trigger.Direction.ENTERED, "r3"))
                .isEqualTo(whole.workflows().startsFor(Trigger.Direction.ENTERED, "r3")).hasSize(1);
        assertThat(change.workflows().startsFor(Trigger.Direction.ENTERED, "r2")).isEmpty();
        assertThat(filesOf(change)).isEqualTo(filesOf(whole));
        List.of(base, change, whole).forEach(rules -> compiler.discard(rules.releaseId()));
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

        ModuleBuild build = ChangedFilesBuild.of(compiler.kie(), releaseId, broken, base.module()).orElseThrow();

        assertThat(build.module()).isEmpty();
        Location at = layout.generatedAt().get(path);
        assertThat(build.issues()).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.at()).isEqualTo(at);
            assertThat(issue.message()).startsWith("generated DRL does not compile (line ").contains("undefinedCall");
        });
        assertThat(compiler.kie().getRepository().getKieModule(releaseId)).isNull();
        compiler.discard(base.releaseId());
    }

    /** A session can start from rules compiled as a change: from their files compiled whole, as for a fresh session. */
    @Test
    void aSessionStartsFromRulesCompiledAsAChangeAsFromTheWholeRules() {
        List<SegmentDefinition> segments = new RandomSegments(7).segments(4);
        CompiledRules base = compiler.compile(RuleSources.of(segments));
        CompiledRules change = compiler.compileChange(RuleSources.of(segments.subList(0, 3)), base);
        List<ContactData> contacts = new RandomContacts(new Random(8)).contacts(30);

        try (SegmentEngine fromChange = SegmentEngine.start(compiler, change,
                EngineOptions.startingAt(RuleEditsKeepMatchesTest.START));
                SegmentEngine whole = SegmentEngine.start(RuleSources.of(segments.subList(0, 3)),
                        EngineOptions.startingAt(RuleEditsKeepMatchesTest.START))) {
            contacts.forEach(fromChange::upsert);
            contacts.forEach(whole::upsert);
            assertThat(fromChange.counts()).isEqualTo(whole.counts()).containsKeys(segments.get(0).id());
            for (ContactData contact : contacts) {
                assertThat(fromChange.segmentsOf(contact.id())).isEqualTo(whole.segmentsOf(contact.id()));
            }
        }
        compiler.discard(base.releaseId());
    }

    /**
     * Segments added, removed and replaced, and hand-written files changed, at random, each edit checked against an
     * engine started on its rules.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void editsReportExactlyTheMembershipsThatChangedAndEndAsAFreshEngine(int partitions) {
        Random random = new Random(partitions * 101L);
        List<SegmentDefinition> pool = new RandomSegments(new Random(5)).segments(30);
        List<SegmentDefinition> segments = new ArrayList<>(pool.subList(0, 12));
        List<List<DrlFile>> handwrittenVersions = List.of(List.of(HANDWRITTEN),
                List.of(HANDWRITTEN, TEXAN_FUNCTION, TEXANS_BY_FUNCTION),
                List.of(new DrlFile(HANDWRITTEN.path(), HANDWRITTEN.content().replace("\"tx\"", "\"ca\""))));
        List<DrlFile> handwritten = handwrittenVersions.get(0);
        List<String> ids = new ArrayList<>(pool.stream().map(SegmentDefinition::id).toList());
        ids.addAll(List.of("texans", "texans-by-function"));
        List<ContactData> contacts = new RandomContacts(new Random(9)).contacts(80);
        EngineOptions options = EngineOptions.startingAt(RuleEditsKeepMatchesTest.START);
        try (Segments engine = PartitionedSegments.start(new RuleSources(segments, handwritten), options,
                partitions)) {
            engine.load(contacts, List.of());
            for (int edit = 0; edit < 8; edit++) {
                if (random.nextInt(4) == 0) {
                    handwritten = handwrittenVersions.get(random.nextInt(handwrittenVersions.size()));
                } else {
                    editAtRandom(segments, pool, random);
                }
                Map<String, SortedSet<String>> before = membersOf(engine, ids);
                List<MembershipChange> changes = engine.updateRules(new RuleSources(segments, handwritten));
                Map<String, SortedSet<String>> after = membersOf(engine, ids);

                assertThat(asDifference(changes)).as("edit %d", edit).isEqualTo(difference(before, after));
                try (Segments fresh = PartitionedSegments.start(new RuleSources(segments, handwritten), options, 1)) {
                    fresh.load(contacts, List.of());
                    assertThat(after).as("edit %d", edit).isEqualTo(membersOf(fresh, ids));
                }
            }
        }
    }

    /** Two updates compiled at once against the same running rules, as {@code updateRules} allows, applied in turn. */
    @Test
    void aChangeCompiledAgainstRulesThatWereReplacedMeanwhileStillHoldsEveryFile() {
        List<SegmentDefinition> pool = new RandomSegments(new Random(5)).segments(12);
        List<ContactData> contacts = new RandomContacts(new Random(9)).contacts(60);
        EngineOptions options = EngineOptions.startingAt(RuleEditsKeepMatchesTest.START);
        CompiledRules running = compiler.compile(new RuleSources(pool.subList(0, 8), List.of(HANDWRITTEN)));
        RuleSources first = new RuleSources(pool.subList(0, 9), List.of(HANDWRITTEN, TEXAN_FUNCTION,
                TEXANS_BY_FUNCTION));
        RuleSources second = new RuleSources(pool.subList(2, 10), List.of(HANDWRITTEN));
        CompiledRules firstChange = compiler.compileChange(first, running);
        CompiledRules secondChange = compiler.compileChange(second, running);
        try (SegmentEngine engine = SegmentEngine.start(compiler, running, options)) {
            engine.load(contacts, List.of());
            engine.switchTo(firstChange);
            engine.switchTo(secondChange);
            try (SegmentEngine fresh = SegmentEngine.start(second, options)) {
                fresh.load(contacts, List.of());
                List<String> ids = new ArrayList<>(idsOf(pool));
                ids.addAll(List.of("texans", "texans-by-function"));
                assertThat(membersOf(engine, ids)).isEqualTo(membersOf(fresh, ids));
                assertThat(engine.segmentIds()).isEqualTo(fresh.segmentIds());
            }
        }
        assertThat(secondChange.module().whole()).isFalse();
        List.of(running, firstChange, secondChange).forEach(rules -> compiler.discard(rules.releaseId()));
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
            Map<String, SortedSet<String>> edited = membersOf(engine, idsOf(pool));
            DrlFile exploding = new DrlFile("rules/exploding.drl", """
                    package segments.handwritten;
                    import dev.segments.engine.Contact;
                    rule "everyone explodes" when Contact( ) then throw new IllegalStateException("boom"); end
                    """);

            assertThatThrownBy(() -> engine.updateRules(new RuleSources(segments, List.of(exploding))))
                    .hasRootCauseMessage("boom");
            assertThat(membersOf(engine, idsOf(pool))).isEqualTo(edited);

            segments.set(5, pool.get(10));
            engine.updateRules(RuleSources.of(segments));
            try (SegmentEngine fresh = SegmentEngine.start(RuleSources.of(segments), options)) {
                fresh.load(contacts, List.of());
                assertThat(membersOf(engine, idsOf(pool))).isEqualTo(membersOf(fresh, idsOf(pool)));
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

    private static List<Issue> issuesOf(Runnable compile) {
        try {
            compile.run();
        } catch (RuleCompilationException e) {
            return e.issues();
        }
        throw new AssertionError("compiled");
    }

    private static Map<String, String> processesOf(CompiledRules rules) {
        Map<String, String> processes = new HashMap<>();
        rules.module().processes().forEach(p -> processes.put(p.getId(), p.getResource().getSourcePath()));
        return processes;
    }

    /** The module's rule and workflow files, by path. */
    private Map<String, String> filesOf(CompiledRules rules) {
        InternalKieModule module = (InternalKieModule) compiler.kie().getRepository().getKieModule(rules.releaseId());
        Map<String, String> files = new HashMap<>();
        module.getFileNames().stream().filter(path -> path.endsWith(".drl") || path.endsWith(".bpmn"))
                .forEach(path -> files.put(path, new String(module.getBytes(path), StandardCharsets.UTF_8)));
        return files;
    }

    /** Members of every segment, present or not, by segment id. */
    private static List<String> idsOf(List<SegmentDefinition> segments) {
        return segments.stream().map(SegmentDefinition::id).toList();
    }

    private static Map<String, SortedSet<String>> membersOf(Segments engine, List<String> ids) {
        Map<String, SortedSet<String>> members = new HashMap<>();
        ids.forEach(id -> members.put(id, new TreeSet<>(engine.members(id))));
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
