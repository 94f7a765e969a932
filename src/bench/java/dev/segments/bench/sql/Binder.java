package dev.segments.bench.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Binds {@link Sql} parameters: instants as UTC {@code OffsetDateTime}s, {@link Sql#NOW} as the clock, typed NULLs. */
final class Binder {

    /** A NULL with its SQL type (PostgreSQL's driver wants one). */
    record Null(int sqlType) {
    }

    static final Null NULL_TEXT = new Null(Types.VARCHAR);
    static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    static final Null NULL_NUMBER = new Null(Types.NUMERIC);
    static final Null NULL_BOOLEAN = new Null(Types.BOOLEAN);

    private Binder() {
    }

    static void bind(PreparedStatement ps, List<Object> params, Instant now) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(ps, i + 1, params.get(i), now);
        }
    }

    static void bind(PreparedStatement ps, int index, Object value, Instant now) throws SQLException {
        if (value == Sql.NOW) {
            ps.setObject(index, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        } else if (value instanceof Instant i) {
            ps.setObject(index, OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
        } else if (value instanceof Null n) {
            ps.setNull(index, n.sqlType());
        } else if (value == null) {
            throw new IllegalArgumentException("untyped NULL at parameter " + index);
        } else {
            ps.setObject(index, value);
        }
    }
}
