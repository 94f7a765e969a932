package dev.segments.bench.run;

import java.util.List;
import java.util.Optional;

/**
 * One benchmark run in one JVM: a size, the subjects to compare, how many changes to time, and the seed that makes
 * the workload the same for every subject and every run.
 *
 * @param warmUp      changes applied before the timed ones
 * @param changes     changes timed per subject
 * @param partitions  partition counts to compare; empty to skip
 * @param clients     client threads writing concurrently when partitions are compared
 * @param postgres    where PostgreSQL is, when {@code postgres} is among the subjects
 */
public record BenchConfig(int contacts, int segments, List<String> subjects, int warmUp, int changes,
        List<Integer> partitions, int clients, long seed, Optional<PostgresAccess> postgres) {

    public BenchConfig {
        subjects = List.copyOf(subjects);
        partitions = List.copyOf(partitions);
    }

    public String size() {
        return contacts + " × " + segments;
    }

    public record PostgresAccess(String url, String user, String password) {
    }
}
