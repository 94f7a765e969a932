package dev.segments.cli;

import dev.segments.engine.RuleSources;
import dev.segments.engine.RulesDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: the rules directory every command reads. */
final class RulesOption {

    @Option(names = "--rules", required = true, paramLabel = "DIR",
            description = "The rules directory: segment files under segments/, hand-written *.drl elsewhere.")
    Path rules;

    /** Reads and checks the whole directory; every problem is thrown together. */
    RuleSources load() {
        return RulesDirectory.load(rules);
    }
}
