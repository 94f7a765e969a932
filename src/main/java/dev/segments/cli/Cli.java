package dev.segments.cli;

import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line (SPEC 7). {@link #run} never exits the JVM, so tests call it directly. */
@Command(name = "drools-segments", mixinStandardHelpOptions = true, version = "drools-segments 0.1",
        description = "Live marketing segments on Drools: check, generate, evaluate and replay segment rules, "
                + "or serve them (the default).",
        subcommands = {CheckCommand.class, GenerateCommand.class, EvaluateCommand.class, ReplayCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public final class Cli {

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            PrintWriter errors = failed.getErr();
            if (exception instanceof InvalidInputException invalid) {
                invalid.issues().forEach(issue -> errors.println(issue));
            } else {
                errors.println("error: " + exception);
            }
            return ExitCodes.BAD_INPUT;
        });
        return commandLine;
    }

    static void print(PrintWriter err, Iterable<Issue> issues) {
        issues.forEach(err::println);
    }
}
