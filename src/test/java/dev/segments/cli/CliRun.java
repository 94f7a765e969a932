package dev.segments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One run of {@link Cli#run}: its exit code and everything it printed on out and err. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The lines printed on out, without line ends. */
    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** Writes a fixture file (creating its folders) and returns its path. */
    static Path write(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
