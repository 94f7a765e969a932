package dev.segments.engine;

import dev.segments.validation.Issue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.util.PortablePath;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Builds the module for a change of segment files alone, compiling only the generated files that changed: each stands
 * on its own (the generated package is the engine's, and its files declare nothing another file uses), so compiling
 * it alone finds every error a whole build would. The new module has the base module's files with those written and
 * removed, and the base's compiled packages: a container's {@code updateToVersion} compiles the changed files into its
 * KieBase itself. That saves the whole build (a quarter to over half a second at 50 to 500 segments) on every segment edit.
 */
final class ChangedSegmentsBuild {

    private ChangedSegmentsBuild() {
    }

    /** The build, or nothing when the base module is no longer in the repository. */
    static Optional<ModuleBuild> of(KieServices kie, ReleaseId releaseId, ModuleLayout layout, BuiltModule base) {
        if (!(kie.getRepository().getKieModule(base.releaseId()) instanceof MemoryKieModule baseModule)) {
            return Optional.empty();
        }
        Map<String, String> changed = layout.generatedChangedFrom(base.layout());
        Set<String> removed = layout.generatedRemovedFrom(base.layout());
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        changed.forEach((path, drl) -> builder.add(resource(kie, path, drl), ResourceType.DRL));
        if (builder.hasErrors()) {
            BuildIssues issues = new BuildIssues(layout);
            List<Issue> found = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                if (!BuildIssues.isEcho(error.getMessage())) {
                    found.add(issues.of(error));
                }
            }
            return Optional.of(ModuleBuild.failed(found));
        }
        Map<String, Set<String>> rulesByPath = new HashMap<>(base.rulesByPath());
        rulesByPath.keySet().removeAll(removed);
        rulesByPath.keySet().removeAll(changed.keySet());
        for (KiePackage kiePackage : builder.getKnowledgePackages()) {
            WholeModuleBuild.addRules(kiePackage, rulesByPath);
        }
        MemoryFileSystem files = baseModule.getMemoryFileSystem().clone();
        changed.forEach((path, drl) -> files.write(PortablePath.of(path), drl.getBytes(StandardCharsets.UTF_8), true));
        removed.forEach(path -> files.remove(PortablePath.of(path)));
        // Drools' own incremental builds clone a module this way; the clone shares the base's compiled packages, which
        // an update reads only to tell listeners which rules it added and removed.
        MemoryKieModule module = baseModule.cloneForIncrementalCompilation(releaseId, baseModule.getKieModuleModel(),
                files);
        kie.getRepository().addKieModule(module);
        return Optional.of(ModuleBuild.of(
                new BuiltModule(releaseId, layout, rulesByPath, base.processes(), false)));
    }

    private static Resource resource(KieServices kie, String path, String drl) {
        Resource resource = kie.getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(path);
        return resource;
    }
}
