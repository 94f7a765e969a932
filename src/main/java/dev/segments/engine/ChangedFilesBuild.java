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
import org.kie.api.definition.process.Process;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Builds the module for a change of rule files, compiling only what the change needs: the generated files and the
 * workflows that changed, each of which stands on its own (the generated package is the engine's, and its files
 * declare nothing another file uses; a workflow is one process). Compiled apart, they find every error a whole build
 * would. A change of a hand-written file gets no such build: it starts the session afresh
 * (CompiledRules.changeStartsAfresh), which needs the module compiled whole. The new module has the base module's
 * files with the changed ones written and the removed ones taken out, and the base's compiled packages: a container's
 * {@code updateToVersion} compiles the changed files into its KieBase itself. That saves the whole build (a quarter to
 * over half a second at 50 to 500 segments) on every edit.
 */
final class ChangedFilesBuild {

    private ChangedFilesBuild() {
    }

    /**
     * The build, or nothing when the base module is no longer in the repository or a hand-written file changed, came or
     * went.
     */
    static Optional<ModuleBuild> of(KieServices kie, ReleaseId releaseId, ModuleLayout layout, BuiltModule base) {
        if (!(kie.getRepository().getKieModule(base.releaseId()) instanceof MemoryKieModule baseModule)
                || !layout.handwritten().equals(base.layout().handwritten())) {
            return Optional.empty();
        }
        // Hand-written files are the base's: the changed files are generated ones and workflows
        Map<String, String> compiled = layout.changedFrom(base.layout());
        Set<String> removed = layout.removedFrom(base.layout());
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        compiled.forEach((path, content) -> builder.add(resource(kie, path, content),
                layout.workflows().containsKey(path) ? ResourceType.BPMN2 : ResourceType.DRL));
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
        rulesByPath.keySet().removeAll(compiled.keySet());
        List<Process> processes = new ArrayList<>(base.processes());
        processes.removeIf(process -> removed.contains(sourceOf(process)) || compiled.containsKey(sourceOf(process)));
        for (KiePackage kiePackage : builder.getKnowledgePackages()) {
            WholeModuleBuild.addRules(kiePackage, rulesByPath);
            processes.addAll(kiePackage.getProcesses());
        }
        MemoryFileSystem files = baseModule.getMemoryFileSystem().clone();
        compiled.forEach((path, content) -> files.write(PortablePath.of(path), content.getBytes(StandardCharsets.UTF_8),
                true));
        removed.forEach(path -> files.remove(PortablePath.of(path)));
        // Drools' own incremental builds clone a module this way; the clone shares the base's compiled packages, which
        // an update reads only to tell listeners which rules it added and removed.
        MemoryKieModule module = baseModule.cloneForIncrementalCompilation(releaseId, baseModule.getKieModuleModel(),
                files);
        kie.getRepository().addKieModule(module);
        return Optional.of(ModuleBuild.of(new BuiltModule(releaseId, layout, rulesByPath, processes, false)));
    }

    private static String sourceOf(Process process) {
        return process.getResource() == null ? null : process.getResource().getSourcePath();
    }

    private static Resource resource(KieServices kie, String path, String content) {
        Resource resource = kie.getResources().newByteArrayResource(content.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(path);
        return resource;
    }
}
