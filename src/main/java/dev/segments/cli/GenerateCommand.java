package dev.segments.cli;

import dev.segments.definition.Location;
import dev.segments.definition.SegmentDefinition;
import dev.segments.drl.DrlGenerator;
import dev.segments.engine.DrlFile;
import dev.segments.engine.HandwrittenSegments;
import dev.segments.engine.RuleSources;
import dev.segments.engine.RulesDirectory;
import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import dev.segments.validation.Suggestions;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Print the DRL generated from the segment files (one segment with --segment).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--segment", paramLabel = "ID", description = "Only this segment.")
    String segment;

    @Override
    public Integer call() {
        RuleSources sources = rulesOption.load();
        DrlGenerator generator = new DrlGenerator(ZoneOffset.UTC);
        PrintWriter out = spec.commandLine().getOut();
        if (segment == null) {
            String separator = "";
            for (SegmentDefinition definition : sources.segments()) {
                out.print(separator);
                out.print(generator.generate(definition).drl());
                separator = "\n";
            }
            return ExitCodes.OK;
        }
        Optional<SegmentDefinition> definition = sources.segments().stream()
                .filter(s -> s.id().equals(segment)).findFirst();
        if (definition.isPresent()) {
            out.print(generator.generate(definition.get()).drl());
            return ExitCodes.OK;
        }
        for (DrlFile file : sources.handwritten()) {
            if (HandwrittenSegments.idsIn(file).containsKey(segment)) {
                out.println("// Segment " + segment + " is written by hand in " + file.path() + ":");
                out.print(file.content());
                return ExitCodes.OK;
            }
        }
        List<String> known = new ArrayList<>();
        sources.segments().forEach(s -> known.add(s.id()));
        sources.handwritten().forEach(f -> known.addAll(HandwrittenSegments.idsIn(f).keySet()));
        throw new InvalidInputException(new Issue(Location.unknown(rulesOption.rules.toString()),
                "no segment \"" + segment + "\"" + Suggestions.didYouMean(segment, known)));
    }
}
