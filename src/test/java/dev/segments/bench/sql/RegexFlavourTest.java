package dev.segments.bench.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Translated patterns find exactly what RE2 finds: in plain Java, in H2's {@code REGEXP_LIKE} and in PostgreSQL's
 * {@code ~} (when configured, see {@link TestDatabases}). The patterns are those {@code RandomSegments} draws and
 * the constructs where the flavours part ways.
 */
class RegexFlavourTest {

    static final List<String> PATTERNS = List.of("^[A-Z]", "(?i)^tx$", "x", "^\\S+$", "\\d", "(?i)new", "a.*e",
            "^ ", "@example\\.com$", "(?i)^(gold|platinum)", "^2026-1[12]", "Z$", "\\s",
            "\\QBOB@Example.com\\E", "\\Q+1 512 555 0101\\E", "\\Qde la Cruz\\E", "\\Qa.b*c\\E",
            "c$", "a.c", "(?s)a.c", "\\w+@\\w+", "[\\d-]{3}", "[^a-z]", "x{2,}", "a{", "}", "\\x41", "\\x{e4}",
            "[a\\-z]", "[]a]", "[&&]", "(?P<n>ab)+", "(?:ab|cd)?e", "\\A\\d", "\\d\\z", "\\W", "\\D", "(?i)ä",
            "[\\[\\]]", "\\.\\*\\+\\?\\(\\)\\|\\^\\$", "\\t", "\\v", "<>", "a\\<b", "é", "'", "''", "\\\\");
    static final List<String> INEXACT = List.of("\\bnew", "\\pL", "[[:alpha:]]", "(?m)^a$", "a(?i)b", "\\123");
    static final List<String> SAMPLES = List.of("", "Ann", "ann", "TX", "tx", "Texas", "ann@example.com",
            "BOB@Example.com", "bob@example.com", "carol@test.org", "dan.new@example.com", "New York", "NEW",
            "+1 512 555 0101", "+15125550100", "555-0102", "de la Cruz", "2026-11-30", "2026-12", "2026-11-28T01:00Z",
            "abc\n", "a\nc", "abc", "a\rc", "a\u0085c", "x", "xx", "a{", "}", "A", "ä", "Ä", "ab", "abab", "cde",
            "e", "1", "a1", "1a", "-", "gold", "Gold plus", "Platinum", "a\u000Bb", "a\tb", "[", "]", ".*+?()|^$",
            "a.b*c", "axb", "<>", "a<b", "é", "'", "''", "\\", "&", "z", "ab cd");

    @Test
    void javaFlavourFindsWhatRe2Finds() {
        for (String re2 : PATTERNS) {
            RegexTranslation t = RegexFlavour.JAVA.translate(re2);
            assertThat(t.inexactBecause()).as(re2).isEmpty();
            java.util.regex.Pattern translated = java.util.regex.Pattern.compile(t.pattern());
            for (String sample : SAMPLES) {
                assertThat(translated.matcher(sample).find()).as("/" + re2 + "/ as /" + t.pattern() + "/ on " + sample)
                        .isEqualTo(re2(re2, sample));
            }
        }
    }

    @Test
    void unsupportedSyntaxIsReportedNotGuessed() {
        for (RegexFlavour flavour : RegexFlavour.values()) {
            for (String re2 : INEXACT) {
                RegexTranslation t = flavour.translate(re2);
                assertThat(t.inexactBecause()).as(flavour + " " + re2).isPresent();
                assertThat(t.pattern()).isEqualTo(re2);
            }
        }
    }

    @Test
    void h2FindsWhatRe2Finds() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:regex-test")) {
            agreesInDatabase(c, new Dialect.H2());
        }
    }

    @Test
    void postgresFindsWhatRe2Finds() throws SQLException {
        String url = TestDatabases.setting(TestDatabases.URL);
        assumeTrue(url != null, "PostgreSQL tests skipped: set -D" + TestDatabases.URL);
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password())) {
            c.createStatement().execute("SET standard_conforming_strings = on");
            agreesInDatabase(c, new Dialect.Postgres());
        }
    }

    private static void agreesInDatabase(Connection c, Dialect dialect) throws SQLException {
        for (String re2 : PATTERNS) {
            RegexTranslation t = dialect.regexFlavour().translate(re2);
            assertThat(t.inexactBecause()).as(re2).isEmpty();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + dialect.regexFind("CAST(? AS VARCHAR)",
                    t.pattern()))) {
                for (String sample : SAMPLES) {
                    ps.setString(1, sample);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getBoolean(1)).as(dialect.name() + ": /" + re2 + "/ as /" + t.pattern()
                                + "/ on " + sample.replace("\n", "\\n")).isEqualTo(re2(re2, sample));
                    }
                }
            }
        }
    }

    private static boolean re2(String re2, String sample) {
        return com.google.re2j.Pattern.compile(re2).matcher(sample).find();
    }
}
