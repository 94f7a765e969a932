package dev.segments.bench.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL with its bind parameters, in order. A parameter is a plain JDBC value or {@link #NOW}, bound to the
 * subject's clock when the statement runs, so one prepared statement serves every instant.
 */
record Sql(String text, List<Object> params) {

    /** The clock, bound at execution time. */
    static final Object NOW = new Object() {
        @Override
        public String toString() {
            return "NOW";
        }
    };

    Sql {
        params = List.copyOf(params);
    }

    static Sql of(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    Sql plus(String more) {
        return new Sql(text + more, params);
    }

    Sql plus(Sql more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(more.params);
        return new Sql(text + more.text, all);
    }

    static Sql join(String separator, List<Sql> parts) {
        StringBuilder text = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            text.append(i == 0 ? "" : separator).append(parts.get(i).text);
            params.addAll(parts.get(i).params);
        }
        return new Sql(text.toString(), params);
    }

    /** {@code (this)}. */
    Sql parenthesised() {
        return Sql.of("(").plus(this).plus(")");
    }
}
