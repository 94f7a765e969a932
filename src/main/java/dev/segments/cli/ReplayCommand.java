package dev.segments.cli;

import dev.segments.engine.EngineOptions;
import dev.segments.engine.SegmentEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a timeline and print every membership change.",
                "The input is JSONL upserts, deletes, events and ticks, \"at\" never decreasing; one JSON line is",
                "printed per change, those caused by time passing included, stamped with their instant."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The timeline, JSONL.")
    Path input;

    @Option(names = "--until", paramLabel = "INSTANT", converter = InstantOption.class,
            description = "Where the clock stops (default: the last line's at); later lines are not applied.")
    Instant until;

    @Mixin
    WorkflowsOption workflowsOption;

    @Override
    public Integer call() {
        var sources = workflowsOption.addTo(rulesOption.load());
        List<ReplayStep> steps = ReplayInput.read(input);
        if (steps.isEmpty()) {
            return ExitCodes.OK;
        }
        Instant end = until != null ? until : steps.get(steps.size() - 1).at();
        PrintWriter out = spec.commandLine().getOut();
        try (SegmentEngine engine = SegmentEngine.start(sources,
                EngineOptions.startingAt(steps.get(0).at()).withWorkflows(workflowsOption.settings()))) {
            engine.addListener(changes -> changes.forEach(change -> out.println(OutputLine.change(change))));
            engine.addWorkflowListener(events -> events.forEach(event -> out.println(OutputLine.workflow(event))));
            for (ReplayStep step : steps) {
                if (step.at().isAfter(end)) {
                    break;
                }
                engine.advanceTo(step.at());
                apply(engine, step);
            }
            if (end.isAfter(engine.now())) {
                engine.advanceTo(end);
            }
        }
        return ExitCodes.OK;
    }

    /** Applies one line; its changes reach the output through the listener. */
    private static void apply(SegmentEngine engine, ReplayStep step) {
        if (step instanceof ReplayStep.Upsert upsert) {
            engine.upsert(upsert.contact());
        } else if (step instanceof ReplayStep.Delete delete) {
            engine.delete(delete.contactId());
        } else if (step instanceof ReplayStep.Event event) {
            engine.record(event.event());
        }
    }
}
