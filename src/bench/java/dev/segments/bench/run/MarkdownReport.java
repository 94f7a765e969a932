package dev.segments.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The results as Markdown: one table per scenario, a row per size and subject, a column per metric. */
final class MarkdownReport {

    private final List<Result> results;

    MarkdownReport(List<Result> results) {
        this.results = List.copyOf(results);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        Set<String> scenarios = new LinkedHashSet<>();
        results.forEach(r -> scenarios.add(r.scenario()));
        for (String scenario : scenarios.stream().sorted().toList()) {
            out.append("\n### ").append(scenario).append("\n\n");
            table(out, results.stream().filter(r -> r.scenario().equals(scenario)).toList());
        }
        ratios(out);
        List<Result> notes = results.stream().filter(r -> !r.note().isEmpty()).toList();
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(r -> out.append("- ").append(size(r)).append(", ").append(r.subject()).append(", ")
                    .append(r.scenario()).append(", ").append(r.metric()).append(": ").append(r.note()).append('\n'));
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<Result> rows) {
        Set<String> metrics = new LinkedHashSet<>();
        rows.forEach(r -> metrics.add(header(r)));
        Map<String, Map<String, String>> byRow = new LinkedHashMap<>();
        rows.forEach(r -> byRow.computeIfAbsent(size(r) + " | " + r.subject(), k -> new LinkedHashMap<>())
                .put(header(r), format(r)));
        out.append("| contacts × segments | subject | ").append(String.join(" | ", metrics)).append(" |\n");
        out.append("|---|---|").append("---:|".repeat(metrics.size())).append('\n');
        byRow.forEach((row, values) -> {
            List<String> cells = new ArrayList<>();
            metrics.forEach(m -> cells.add(values.getOrDefault(m, "")));
            out.append("| ").append(row).append(" | ").append(String.join(" | ", cells)).append(" |\n");
        });
    }

    /** How many times slower (or more costly) each subject is than the engine, per size, on the headline numbers. */
    private void ratios(StringBuilder out) {
        List<String[]> headline = List.of(new String[] {BenchRun.CHANGES, "p50"}, new String[] {BenchRun.CHANGES, "p99"},
                new String[] {BenchRun.LOAD, "load time"}, new String[] {BenchRun.EDIT, "edit time"},
                new String[] {BenchRun.EDIT, "edit back time"},
                new String[] {BenchRun.TIME, "1 day: time"});
        Set<String> sizes = new LinkedHashSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        results.forEach(r -> sizes.add(size(r)));
        results.stream().filter(r -> !r.subject().startsWith("engine")).forEach(r -> subjects.add(r.subject()));
        if (subjects.isEmpty()) {
            return;
        }
        out.append("\n### Ratios: subject ÷ engine (above 1: the engine is that many times faster)\n\n");
        out.append("| contacts × segments | subject | ");
        headline.forEach(h -> out.append(h[1]).append(" | "));
        out.append("\n|---|---|").append("---:|".repeat(headline.size())).append('\n');
        for (String size : sizes) {
            for (String subject : subjects) {
                List<String> cells = new ArrayList<>();
                for (String[] h : headline) {
                    Optional<Double> engine = value(size, "engine", h[0], h[1]);
                    Optional<Double> other = value(size, subject, h[0], h[1]);
                    cells.add(engine.isPresent() && other.isPresent() && engine.get() > 0
                            ? String.format(Locale.ROOT, "%,.1f×", other.get() / engine.get()) : "");
                }
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    out.append("| ").append(size).append(" | ").append(subject).append(" | ")
                            .append(String.join(" | ", cells)).append(" |\n");
                }
            }
        }
    }

    private Optional<Double> value(String size, String subject, String scenario, String metric) {
        return results.stream().filter(r -> size(r).equals(size) && r.subject().equals(subject)
                && r.scenario().equals(scenario) && r.metric().equals(metric) && !Double.isNaN(r.value()))
                .map(Result::value).findFirst();
    }

    private static String header(Result r) {
        return r.unit().isEmpty() || r.metric().endsWith(r.unit()) ? r.metric() : r.metric() + " (" + r.unit() + ")";
    }

    private static String size(Result r) {
        return String.format(Locale.ROOT, "%,d × %d", r.contacts(), r.segments());
    }

    private static String format(Result r) {
        if (Double.isNaN(r.value())) {
            return "–";
        }
        if (r.metric().startsWith("agrees")) {
            return r.value() == 1 ? "yes" : "**no**";
        }
        double v = r.value();
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
                : Math.abs(v) >= 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
