package dev.segments.bench.run;

import dev.segments.bench.BenchSubject;
import dev.segments.bench.BenchWorkload;
import dev.segments.bench.engine.EngineSubject;
import dev.segments.bench.floor.FloorSubject;
import dev.segments.bench.sql.SqlSubject;

/** Opens a subject by name, built from the run's workload. */
final class Subjects {

    private final BenchConfig config;
    private final BenchWorkload workload;

    Subjects(BenchConfig config, BenchWorkload workload) {
        this.config = config;
        this.workload = workload;
    }

    BenchSubject open(String name) {
        return switch (name) {
            case "engine" -> new EngineSubject(workload.segments(), workload.zone(), workload.start(), 1);
            case "floor" -> new FloorSubject(workload.segments(), workload.zone(), workload.start());
            case "h2" -> SqlSubject.h2(workload.segments(), workload.zone(), workload.start());
            case "postgres" -> {
                BenchConfig.PostgresAccess access = config.postgres().orElseThrow(() ->
                        new IllegalArgumentException("postgres is a subject but no PostgreSQL access is configured"));
                yield SqlSubject.postgres(access.url(), access.user(), access.password(), workload.segments(),
                        workload.zone(), workload.start());
            }
            default -> throw new IllegalArgumentException("unknown subject '" + name
                    + "'; known: engine, floor, h2, postgres");
        };
    }
}
