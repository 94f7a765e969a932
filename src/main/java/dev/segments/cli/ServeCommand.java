package dev.segments.cli;

import dev.segments.service.SegmentsApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the service (the default command).",
                "Builds the engine from the rules and workflows directories, loads contacts, logs membership changes",
                "as they happen, runs the workflows they start, and applies edits of both directories in place.",
                "Other --key=value arguments go to Spring Boot."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", description = "The rules directory (default: rules).")
    Path rules;

    @Option(names = "--workflows", paramLabel = "DIR",
            description = "The workflows directory, *.bpmn and *.bpmn2 (default: workflows; none when it does not exist).")
    Path workflows;

    @Option(names = "--contacts", paramLabel = "FILE", description = "Contacts to load, JSONL (default: samples/contacts.jsonl when present).")
    Path contacts;

    @Option(names = "--events", paramLabel = "FILE", description = "Events to load, JSONL (default: samples/events.jsonl when present).")
    Path events;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(springArguments);
        if (rules != null) {
            args.add("--segments.rules-dir=" + rules);
        }
        if (workflows != null) {
            args.add("--segments.workflows-dir=" + workflows);
        }
        if (contacts != null) {
            args.add("--segments.contacts-file=" + contacts);
        }
        if (events != null) {
            args.add("--segments.events-file=" + events);
        }
        ConfigurableApplicationContext context = SegmentsApplication.start(args.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return ExitCodes.OK;
    }
}
