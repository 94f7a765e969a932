package dev.segments.cli;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.io.ContactFiles;
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

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Print each segment's members at an instant.",
                "Loads the contacts and the events up to --at, sets the clock to --at, and prints one line a segment,",
                "sorted by id: {\"segment\": \"vip\", \"count\": 2, \"members\": [\"c-1\", \"c-7\"]}"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rulesOption;

    @Option(names = "--contacts", required = true, paramLabel = "FILE", description = "Contacts, JSONL (SPEC 2).")
    Path contactsFile;

    @Option(names = "--events", paramLabel = "FILE", description = "Email events, JSONL (SPEC 3); those after --at are ignored.")
    Path eventsFile;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", converter = InstantOption.class,
            description = "The instant to evaluate at, e.g. 2026-11-28T12:00:00Z.")
    Instant at;

    @Mixin
    WorkflowsOption workflowsOption;

    @Override
    public Integer call() {
        var sources = workflowsOption.addTo(rulesOption.load());
        List<ContactData> contacts = ContactFiles.contacts(contactsFile);
        List<EmailEvent> events = eventsFile == null ? List.of() : ContactFiles.eventsUpTo(eventsFile, contacts, at);
        try (SegmentEngine engine = SegmentEngine.start(sources,
                EngineOptions.startingAt(at).withWorkflows(workflowsOption.settings()))) {
            engine.load(contacts, events);
            PrintWriter out = spec.commandLine().getOut();
            for (String segment : engine.segmentIds()) {
                out.println(OutputLine.segment(segment, engine.members(segment)));
            }
        }
        return ExitCodes.OK;
    }
}
