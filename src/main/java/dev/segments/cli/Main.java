package dev.segments.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar drools-segments.jar [command]}: with no command, {@code serve}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] {"serve"} : args;
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(out, err, command));
    }
}
