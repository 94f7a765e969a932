package dev.segments.bench;

import dev.segments.bench.run.BenchConfig;
import dev.segments.bench.run.BenchReport;
import dev.segments.bench.run.BenchRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark ({@code ./mvnw -B -Pbench verify}, settings through {@code -Dbench.args="..."}): each size runs in a
 * JVM of its own with the heap set explicitly, so one size running out of memory does not end the others; the results
 * of all sizes are written as Markdown tables.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the engine against the floor (plain Java) and SQL (H2, PostgreSQL) baselines.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", paramLabel = "CONTACTSxSEGMENTS",
            defaultValue = "100000x50,100000x500,1000000x50,1000000x500",
            description = "Sizes to run, each in its own JVM (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--subjects", split = ",", defaultValue = "engine,floor,h2,postgres",
            description = "Subjects, the first being the yardstick (default: ${DEFAULT-VALUE}).")
    List<String> subjects;

    @Option(names = "--sql-max-contacts", defaultValue = "2147483647",
            description = "Leave h2 and postgres out of sizes with more contacts than this.")
    int sqlMaxContacts;

    // Long enough that a slow second of a shared machine moves the percentiles little, and that every subject's
    // change path is compiled before the timing starts. With 1,000 and 5,000, two runs at 1M x 50 measured an engine
    // p50 of 36 and 63 us, though the second run's code was no slower (docs/benchmark-history.md, "Seventh round").
    @Option(names = "--changes", defaultValue = "20000", description = "Timed changes per subject.")
    int changes;

    // With 10,000, the JIT compilers were still busy during the timed changes (0.4-0.95 s of a compiler thread's CPU in
    // a 1 s window at 100k x 50, on 2 cores), and the engine's p99 moved 5 x between JVMs; with 100,000 they were quiet
    // (docs/benchmark-history.md, "Tenth round").
    @Option(names = "--warm-up", defaultValue = "100000", description = "Changes applied before timing.")
    int warmUp;

    @Option(names = "--partitions", split = ",", defaultValue = "1,2",
            description = "Partition counts to compare (default: ${DEFAULT-VALUE}).")
    List<Integer> partitions;

    @Option(names = "--clients", defaultValue = "4",
            description = "Client threads writing at once when partitions are compared, each taking the changes of "
                    + "its own contacts, as a service's request threads would (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--partitions-max-contacts", defaultValue = "100000",
            description = "Compare partitions only at sizes up to this many contacts.")
    int partitionsMaxContacts;

    @Option(names = "--heap", defaultValue = "20g", description = "-Xmx (and -Xms) of each size's JVM.")
    String heap;

    @Option(names = "--jvm-option", description = "An option for each size's JVM, repeatable, e.g. "
            + "--jvm-option=-XX:+UseTransparentHugePages (none by default).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--postgres-url", defaultValue = "${env:SEGMENTS_BENCH_POSTGRES_URL}")
    String postgresUrl;

    @Option(names = "--postgres-user", defaultValue = "${env:SEGMENTS_BENCH_POSTGRES_USER:-segments}")
    String postgresUser;

    @Option(names = "--postgres-password", defaultValue = "${env:SEGMENTS_BENCH_POSTGRES_PASSWORD:-segments}")
    String postgresPassword;

    @Option(names = "--results", defaultValue = "target/bench/results.jsonl",
            description = "Raw results, one JSON object per line (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--out", defaultValue = "target/bench/results.md", description = "The Markdown tables.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (subjects.contains("postgres") && postgresUrl == null) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "postgres is a subject but no --postgres-url (or SEGMENTS_BENCH_POSTGRES_URL) is given");
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.deleteIfExists(results);
        JsonMapper json = JsonMapper.builder().build();
        int failures = 0;
        for (String size : sizes) {
            BenchConfig config = config(size);
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms" + heap, "-Xmx" + heap));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchRun.class.getName(),
                    json.writeValueAsString(config), results.toString()));
            System.err.println("bench: " + config.size() + " with " + config.subjects() + " in " + command.subList(0,
                    command.indexOf("-cp")));
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                System.err.println("bench: " + config.size() + " ended with exit code " + exit);
                failures++;
            }
        }
        BenchReport.write(results, out);
        System.err.println("bench: tables in " + out);
        return failures == 0 ? 0 : 1;
    }

    private BenchConfig config(String size) {
        String[] parts = size.toLowerCase().split("x");
        if (parts.length != 2) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--sizes: '" + size + "' is not CONTACTSxSEGMENTS, e.g. 100000x50");
        }
        int contacts = Integer.parseInt(parts[0].replace("_", ""));
        int segments = Integer.parseInt(parts[1].replace("_", ""));
        List<String> included = subjects.stream()
                .filter(s -> contacts <= sqlMaxContacts || !(s.equals("h2") || s.equals("postgres"))).toList();
        List<Integer> partitionCounts = contacts <= partitionsMaxContacts ? partitions : List.of();
        Optional<BenchConfig.PostgresAccess> postgres = Optional.ofNullable(postgresUrl)
                .map(url -> new BenchConfig.PostgresAccess(url, postgresUser, postgresPassword));
        return new BenchConfig(contacts, segments, included, warmUp, changes, partitionCounts, clients, seed, postgres);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
