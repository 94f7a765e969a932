package dev.segments.engine;

import dev.segments.definition.Location;
import dev.segments.drl.DrlGenerator;
import dev.segments.drl.GeneratedSegment;
import dev.segments.drl.MembershipKeeping;
import dev.segments.time.ActivityWindow;
import dev.segments.time.RelativeWindow;
import dev.segments.time.TimeWindows;
import dev.segments.validation.Issue;
import dev.segments.workflow.WorkflowCatalog;
import dev.segments.workflow.ProcessIds;
import dev.segments.workflow.WellFormedXml;
import dev.segments.workflow.WorkflowFile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles generated DRL, hand-written DRL and BPMN2 workflows into one KIE module with a release id of its own, and
 * reports every error at the place a person wrote it: the hand-written or workflow file and line, or the segment file.
 */
public final class RuleCompiler {

    static {
        DroolsTuning.apply();
    }

    private final KieServices kie = KieServices.get();
    private final DrlGenerator generator;
    private final Set<String> taskNames;
    private final MembershipFacts membershipFacts;
    private final String artifactId = "segments-" + UUID.randomUUID();
    private final AtomicLong builds = new AtomicLong();

    /** @param taskNames the workflow tasks that have a handler, built-in and custom */
    public RuleCompiler(ZoneId zone, Set<String> taskNames) {
        this(zone, taskNames, MembershipFacts.OBSERVED);
    }

    RuleCompiler(ZoneId zone, Set<String> taskNames, MembershipFacts membershipFacts) {
        this.generator = new DrlGenerator(zone);
        this.membershipFacts = membershipFacts;
        this.taskNames = Collections.unmodifiableSet(new LinkedHashSet<>(taskNames)); // keeps their order for messages
    }

    public DrlGenerator generator() {
        return generator;
    }

    /** Compiles the sources and throws them away: {@link RuleCompilationException} tells every problem. */
    public static void check(RuleSources sources, ZoneId zone, Set<String> taskNames) {
        RuleCompiler compiler = new RuleCompiler(zone, taskNames);
        compiler.discard(compiler.compile(sources).releaseId());
    }

    /** Compiles the sources; throws {@link RuleCompilationException} with every problem when they do not compile. */
    CompiledRules compile(RuleSources sources) {
        return compile(sources, Optional.empty());
    }

    /**
     * Compiles the sources as a change from rules this compiler compiled: when only DRL changed (segment files or
     * hand-written DRL, not workflows), only what the change needs is compiled ({@link ChangedFilesBuild}), else
     * everything. The rules it gives serve to update a running session, not to start one.
     */
    CompiledRules compileChange(RuleSources sources, CompiledRules base) {
        return compile(sources, Optional.of(base));
    }

    private CompiledRules compile(RuleSources sources, Optional<CompiledRules> base) {
        List<Issue> issues = new ArrayList<>();
        Map<String, Location> handwrittenIds = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> reportedPaths = new HashMap<>();
        Map<String, Location> generatedAt = new HashMap<>();
        Set<String> generatedIds = new HashSet<>();
        sources.segments().forEach(s -> generatedIds.add(s.id()));

        List<GeneratedSegment> generated = new ArrayList<>();
        Set<RelativeWindow> relative = new HashSet<>();
        Set<ActivityWindow> activity = new HashSet<>();
        ObservedSegments observed = ObservedSegments.in(sources.segments(), sources.handwritten());
        Set<String> matchKept = new HashSet<>();
        for (var segment : sources.segments()) {
            boolean fact = membershipFacts == MembershipFacts.ALL || observed.contains(segment.id());
            if (!fact) {
                matchKept.add(segment.id());
            }
            GeneratedSegment g = generator.generate(segment, fact ? MembershipKeeping.FACT : MembershipKeeping.MATCHES);
            generated.add(g);
            relative.addAll(g.windows().relative());
            activity.addAll(g.windows().activity());
            String path = ModuleLayout.generatedPath(segment.id());
            files.put(path, g.drl());
            reportedPaths.put(path, segment.sourceFile());
            generatedAt.put(path, segment.at());
        }
        int index = 0;
        for (DrlFile file : sources.handwritten()) {
            generatedPackageIn(file).ifPresent(issues::add);
            String path = packageFolder(file) + "handwritten-" + (index++) + "-" + fileName(file.path(), ".drl");
            files.put(path, file.content());
            reportedPaths.put(path, file.path());
            HandwrittenSegments.idsIn(file).forEach((id, at) -> {
                if (generatedIds.contains(id)) {
                    issues.add(new Issue(at, "segment id \"" + id
                            + "\" is already defined by a segment file; give the DRL segment another id"));
                }
                handwrittenIds.putIfAbsent(id, at);
            });
        }
        issues.addAll(ProcessIds.duplicates(sources.workflows()));
        Map<String, WorkflowFile> workflowsByPath = new HashMap<>();
        for (WorkflowFile file : sources.workflows()) {
            var notWellFormed = WellFormedXml.problem(file);
            if (notWellFormed.isPresent()) {
                issues.add(notWellFormed.get());
                continue;
            }
            String path = "workflows/workflow-" + (index++) + "-" + fileName(file.path(), ".bpmn");
            files.put(path, file.content());
            reportedPaths.put(path, file.path());
            workflowsByPath.put(path, file);
        }
        ModuleLayout layout = new ModuleLayout(files, reportedPaths, generatedAt, workflowsByPath);
        // Sources with problems of their own get a whole build, so that every compile error is reported with them.
        ModuleBuild build = build(layout, base.filter(b -> issues.isEmpty()).map(CompiledRules::module));
        issues.addAll(build.issues());
        WorkflowCatalog catalog = WorkflowCatalog.EMPTY;
        if (issues.isEmpty() && build.module().isPresent() && !workflowsByPath.isEmpty()) {
            Set<String> segmentIds = new HashSet<>(generatedIds);
            segmentIds.addAll(handwrittenIds.keySet());
            catalog = WorkflowCatalog.of(build.module().orElseThrow().processes(), workflowsByPath, segmentIds,
                    taskNames);
            issues.addAll(catalog.issues());
        }
        if (!issues.isEmpty() || build.module().isEmpty()) {
            build.module().ifPresent(module -> discard(module.releaseId()));
            throw new RuleCompilationException(issues);
        }
        Set<String> tagsRead = new HashSet<>();
        generated.forEach(g -> tagsRead.addAll(g.tagsRead()));
        return new CompiledRules(build.module().orElseThrow(), generated, handwrittenIds,
                new TimeWindows(relative, activity), catalog, Set.copyOf(matchKept),
                TagsRead.of(tagsRead, sources.handwritten()));
    }

    /** Builds only what changed from the base module when one is given and the change allows it, else everything. */
    private ModuleBuild build(ModuleLayout layout, Optional<BuiltModule> base) {
        ReleaseId releaseId = newReleaseId();
        return base.flatMap(b -> ChangedFilesBuild.of(kie, releaseId, layout, b))
                .orElseGet(() -> WholeModuleBuild.of(kie, releaseId, layout));
    }

    /**
     * The files of rules compiled as a change, compiled whole into a module of its own, for a session to start from;
     * the caller discards it.
     */
    BuiltModule wholeModuleOf(CompiledRules rules) {
        ModuleBuild build = WholeModuleBuild.of(kie, newReleaseId(), rules.module().layout());
        return build.module().orElseThrow(() -> new IllegalStateException(
                "rules that compiled as a change did not compile whole: " + build.issues()));
    }

    private ReleaseId newReleaseId() {
        return kie.newReleaseId("dev.segments", artifactId, "1.0." + builds.incrementAndGet());
    }

    void discard(ReleaseId releaseId) {
        kie.getRepository().removeKieModule(releaseId);
    }

    KieServices kie() {
        return kie;
    }

    private static final Pattern PACKAGE =
            Pattern.compile("^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)", Pattern.MULTILINE);

    /**
     * The generated package is the engine's: it keeps the memberships of generated rules as bits, and when a segment
     * is edited it tests contacts against their constraints instead of walking their matches ({@link RemovalShortcut}),
     * both of which a hand-written rule there would break.
     */
    private static Optional<Issue> generatedPackageIn(DrlFile file) {
        Matcher matcher = PACKAGE.matcher(file.content());
        if (!matcher.find() || !matcher.group(1).equals(DrlGenerator.PACKAGE)) {
            return Optional.empty();
        }
        return Optional.of(new Issue(file.locationOf(matcher.start(1)), "package " + DrlGenerator.PACKAGE
                + " is reserved for the rules generated from segment files; give hand-written rules a package of their"
                + " own"));
    }

    /** Hand-written files go in the folder of their package, where Drools expects them. */
    private static String packageFolder(DrlFile file) {
        Matcher matcher = PACKAGE.matcher(file.content());
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
    }

    /** A safe resource file name; the KIE builder picks the compiler by its extension. */
    private static String fileName(String path, String extension) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return name.endsWith(extension) || (extension.equals(".bpmn") && name.endsWith(".bpmn2")) ? name
                : name + extension;
    }
}
