package dev.segments.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** Writes the Markdown tables of a results file, headed by the machine and JVM they were measured on. */
public final class BenchReport {

    private BenchReport() {
    }

    public static void write(Path resultsFile, Path markdown) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        // A measurement repeated later in the file (a size run again) replaces the earlier one.
        Map<List<Object>, Result> latest = new LinkedHashMap<>();
        if (Files.exists(resultsFile)) {
            for (String line : Files.readAllLines(resultsFile)) {
                if (!line.isBlank()) {
                    Result r = json.readValue(line, Result.class);
                    latest.put(List.of(r.contacts(), r.segments(), r.scenario(), r.subject(), r.metric()), r);
                }
            }
        }
        List<Result> results = List.copyOf(latest.values());
        Path parent = markdown.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(markdown, machine() + new MarkdownReport(results).render());
    }

    static String machine() {
        String cpu = cpuModel();
        long memoryKb = memoryKb();
        return String.format(Locale.ROOT, "Machine: %s, %d cores, %.0f GB RAM; %s %s.%n",
                cpu, Runtime.getRuntime().availableProcessors(), memoryKb / 1024.0 / 1024.0,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static long memoryKb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
