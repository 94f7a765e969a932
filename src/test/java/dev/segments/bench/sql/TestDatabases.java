package dev.segments.bench.sql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.segments.definition.SegmentDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The databases the SQL baseline tests run on: H2 always; PostgreSQL when {@code segments.bench.postgres.url} is set
 * (system property, or environment variable {@code SEGMENTS_BENCH_POSTGRES_URL}; likewise {@code .user} and
 * {@code .password}, both {@code segments} by default), otherwise those tests are skipped.
 */
final class TestDatabases {

    static final String URL = "segments.bench.postgres.url";

    private TestDatabases() {
    }

    static SqlSubject open(String database, List<SegmentDefinition> segments, ZoneId zone, Instant start) {
        if (database.equals("h2")) {
            return SqlSubject.h2(segments, zone, start);
        }
        String url = setting(URL);
        assumeTrue(url != null, "PostgreSQL tests skipped: set -D" + URL + " (or SEGMENTS_BENCH_POSTGRES_URL), "
                + "with segments.bench.postgres.user and .password");
        return SqlSubject.postgres(url, user(), password(), segments, zone, start);
    }

    /** The user, {@code segments} unless set (as {@code .ci/run} creates it). */
    static String user() {
        String user = setting("segments.bench.postgres.user");
        return user == null ? "segments" : user;
    }

    static String password() {
        String password = setting("segments.bench.postgres.password");
        return password == null ? "segments" : password;
    }

    static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
