package dev.segments.bench.run;

/**
 * One number the benchmark measured: for one size (contacts × segments), scenario and subject. {@code value} is NaN
 * when the subject could not run it; {@code note} then says why.
 */
public record Result(int contacts, int segments, String scenario, String subject, String metric, double value,
        String unit, String note) {

    public static Result of(BenchConfig config, String scenario, String subject, String metric, double value,
            String unit) {
        return new Result(config.contacts(), config.segments(), scenario, subject, metric, value, unit, "");
    }

    public Result withNote(String text) {
        return new Result(contacts, segments, scenario, subject, metric, value, unit, text);
    }
}
