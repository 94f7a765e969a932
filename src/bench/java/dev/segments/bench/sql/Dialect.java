package dev.segments.bench.sql;

/**
 * What differs between the databases the SQL baseline runs on; the schema and the rest of the SQL are common.
 * Times are {@code TIMESTAMP WITH TIME ZONE} and booleans real {@code BOOLEAN}s in both (TRUE/FALSE literals, boolean
 * columns in a select list).
 */
sealed interface Dialect permits Dialect.H2, Dialect.Postgres {

    /** {@code h2} or {@code postgres}. */
    String name();

    RegexFlavour regexFlavour();

    /** A boolean expression: the regex (already in this dialect's flavour) is found in {@code text}. */
    String regexFind(String text, String pattern);

    /**
     * {@code instant} moved by {@code millis}. Exact milliseconds, never calendar units: PostgreSQL's
     * {@code INTERVAL '1 day'} on a {@code timestamptz} follows the session zone's daylight saving, the spec's
     * durations do not.
     */
    String shifted(String instant, long millis);

    /** The column type of an exact decimal of any scale. */
    String decimalType();

    /** Empties a work table inside the current transaction. */
    String clear(String table);

    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    record H2() implements Dialect {
        @Override
        public String name() {
            return "h2";
        }

        @Override
        public RegexFlavour regexFlavour() {
            return RegexFlavour.JAVA;
        }

        @Override
        public String regexFind(String text, String pattern) {
            return "REGEXP_LIKE(" + text + ", " + quoted(pattern) + ")";
        }

        @Override
        public String shifted(String instant, long millis) {
            return "DATEADD(MILLISECOND, " + millis + ", " + instant + ")";
        }

        @Override
        public String clear(String table) {
            return "DELETE FROM " + table; // H2's TRUNCATE commits
        }

        @Override
        public String decimalType() {
            return "DECFLOAT"; // H2's NUMERIC without a scale has scale 0: 12.5 would be stored as 13
        }
    }

    record Postgres() implements Dialect {
        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public RegexFlavour regexFlavour() {
            return RegexFlavour.POSTGRES;
        }

        @Override
        public String regexFind(String text, String pattern) {
            return "(" + text + " ~ " + quoted(pattern) + ")";
        }

        @Override
        public String shifted(String instant, long millis) {
            return "(" + instant + " + " + millis + " * INTERVAL '1 millisecond')";
        }

        @Override
        public String decimalType() {
            return "NUMERIC";
        }

        @Override
        public String clear(String table) {
            return "TRUNCATE " + table; // transactional in PostgreSQL, and leaves no dead rows behind
        }
    }
}
