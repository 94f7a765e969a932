package dev.segments.engine;

import dev.segments.validation.Issue;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a module's files gave: the module, or the compile errors found (none but echoes of problems reported
 * before the build, such as a parser's "no package" after a syntax error).
 */
record ModuleBuild(Optional<BuiltModule> module, List<Issue> issues) {

    ModuleBuild {
        issues = List.copyOf(issues);
        if (module.isPresent() && !issues.isEmpty()) {
            throw new IllegalArgumentException("a build with errors gives no module");
        }
    }

    static ModuleBuild of(BuiltModule module) {
        return new ModuleBuild(Optional.of(module), List.of());
    }

    static ModuleBuild failed(List<Issue> issues) {
        return new ModuleBuild(Optional.empty(), issues);
    }
}
