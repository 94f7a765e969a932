package dev.segments.engine;

import dev.segments.validation.Issue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.process.Process;
import org.kie.api.definition.rule.Rule;

/** Compiles every file of a layout into a new KIE module, which the KIE builder puts in the repository. */
final class WholeModuleBuild {

    private static final String RESOURCES = "src/main/resources/";

    private WholeModuleBuild() {
    }

    static ModuleBuild of(KieServices kie, ReleaseId releaseId, ModuleLayout layout) {
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        layout.files().forEach((path, content) -> files.write(RESOURCES + path, content));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            BuildIssues issues = new BuildIssues(layout);
            List<Issue> found = new ArrayList<>();
            errors.stream().filter(error -> !BuildIssues.isEcho(error.getText())).forEach(e -> found.add(issues.of(e)));
            kie.getRepository().removeKieModule(releaseId);
            return ModuleBuild.failed(found);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, Set<String>> rulesByPath = new HashMap<>();
        List<Process> processes = new ArrayList<>();
        for (String kieBase : module.getKieModuleModel().getKieBaseModels().keySet()) {
            for (KiePackage kiePackage : module.getKnowledgePackagesForKieBase(kieBase)) {
                kiePackage.getRules().forEach(rule -> LazyPropagation.markUnlessNamed((RuleImpl) rule));
                addRules(kiePackage, rulesByPath);
                processes.addAll(kiePackage.getProcesses());
            }
        }
        return ModuleBuild.of(new BuiltModule(releaseId, layout, rulesByPath, processes, true));
    }

    /** Adds the package's rules, as {@code package/name}, under the path of the file each came from. */
    static void addRules(KiePackage kiePackage, Map<String, Set<String>> rulesByPath) {
        for (Rule rule : kiePackage.getRules()) {
            String path = ((RuleImpl) rule).getResource().getSourcePath();
            rulesByPath.computeIfAbsent(path, p -> new HashSet<>()).add(kiePackage.getName() + "/" + rule.getName());
        }
    }
}
