package dev.segments.bench.sql;

import dev.segments.bench.BenchSubject;
import dev.segments.bench.Change;
import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.definition.SegmentDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQL baseline, as Mautic-like tools do it: contacts, tags, custom fields and events in tables, each segment a
 * SQL filter, memberships materialised in a table. A full rebuild runs every segment's filter over all contacts
 * (what a cron job does, and what time passing needs: nothing else notices it); a change to one contact re-checks
 * that contact against every segment in one query with one boolean column per segment.
 *
 * <p>Exact against the spec except where a {@code matches} pattern uses RE2 syntax the database's regex flavour
 * cannot carry over exactly (see {@link RegexFlavour}); {@link #inexactSegments()} names those segments and why.
 */
public final class SqlSubject implements BenchSubject {

    private static final int BATCH = 1000;
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private final Connection connection;
    private final Dialect dialect;
    private final ZoneId zone;
    private Instant now;
    private SegmentPlan plan;
    private final Map<String, PreparedStatement> stagingInserts = new HashMap<>();
    private PreparedStatement recheck;
    private List<String> recheckColumns;

    private SqlSubject(Connection connection, Dialect dialect, List<SegmentDefinition> segments, ZoneId zone,
            Instant start) {
        this.connection = connection;
        this.dialect = dialect;
        this.zone = zone;
        this.now = start;
        this.plan = new SegmentPlan(segments, dialect, zone);
        try {
            connection.setAutoCommit(false);
            Schema.recreate(connection, dialect);
        } catch (SQLException e) {
            close();
            throw failure("creating the schema", e);
        }
    }

    /** A fresh in-memory H2 database, gone when the subject is closed. */
    public static SqlSubject h2(List<SegmentDefinition> segments, ZoneId zone, Instant start) {
        try {
            Connection c = DriverManager.getConnection("jdbc:h2:mem:segments-bench-" + H2_DATABASES.incrementAndGet());
            return new SqlSubject(c, new Dialect.H2(), segments, zone, start);
        } catch (SQLException e) {
            throw failure("opening H2", e);
        }
    }

    /** A PostgreSQL database; its baseline tables are dropped and created again. */
    public static SqlSubject postgres(String url, String user, String password, List<SegmentDefinition> segments,
            ZoneId zone, Instant start) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("reWriteBatchedInserts", "true");
        try {
            Connection c = DriverManager.getConnection(url, p);
            try (Statement s = c.createStatement()) {
                s.execute("SET standard_conforming_strings = on"); // the regex literals hold backslashes
            }
            return new SqlSubject(c, new Dialect.Postgres(), segments, zone, start);
        } catch (SQLException e) {
            throw failure("opening PostgreSQL at " + url, e);
        }
    }

    @Override
    public String name() {
        return dialect.name();
    }

    /** The clock. */
    public Instant now() {
        return now;
    }

    /** Segments whose memberships may differ from the spec in this dialect, by id, with why; usually empty. */
    public SortedMap<String, String> inexactSegments() {
        return new TreeMap<>(plan.inexact());
    }

    @Override
    public void load(List<ContactData> contacts, List<EmailEvent> events) {
        Map<String, ContactData> byId = new LinkedHashMap<>();
        contacts.forEach(c -> byId.put(c.id(), c));
        for (EmailEvent e : events) {
            ContactData c = byId.get(e.contactId());
            if (c == null) {
                throw new IllegalArgumentException("event for unknown contact " + e.contactId());
            }
            byId.put(c.id(), EventEffect.applyTo(c, e, zone));
        }
        inTransaction("loading", () -> {
            try (ContactWriter writer = new ContactWriter(connection)) {
                for (ContactData c : byId.values()) {
                    writer.insert(ContactRow.of(c, zone));
                }
                writer.flush();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO email_events (contact_id, type, occurred_at, campaign_id) VALUES (?, ?, ?, ?)")) {
                int pending = 0;
                for (EmailEvent e : events) {
                    bindEvent(ps, e);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        analyze();
        rebuildAll();
    }

    @Override
    public void apply(Change change) {
        inTransaction("applying " + change.kind() + " to " + change.contactId(), () -> {
            if (change instanceof Change.Edit edit) {
                try (ContactWriter writer = new ContactWriter(connection)) {
                    writer.replace(ContactRow.of(edit.after(), zone));
                }
            } else if (change instanceof Change.Event event) {
                record(event.event());
            }
            return recheckContact(change.contactId());
        });
    }

    /**
     * Re-checks one contact against every segment in one query (one boolean column per segment, {@code memberOf}
     * inlined) and updates its membership rows; returns how many changed.
     */
    public long recheck(String contactId) {
        return inTransaction("re-checking " + contactId, () -> recheckContact(contactId));
    }

    private long recheckContact(String contactId) throws SQLException {
        Set<String> member = new HashSet<>();
        PreparedStatement query = recheckStatement();
        Binder.bind(query, recheckParams(contactId), now);
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("unknown contact " + contactId);
            }
            for (int i = 0; i < recheckColumns.size(); i++) {
                if (rs.getBoolean(i + 1)) {
                    member.add(recheckColumns.get(i));
                }
            }
        }
        Set<String> was = memberOf(contactId);
        long changed = write("DELETE FROM memberships WHERE segment_id = ? AND contact_id = ?",
                was.stream().filter(s -> !member.contains(s)).toList(), contactId);
        changed += write("INSERT INTO memberships (segment_id, contact_id) VALUES (?, ?)",
                member.stream().filter(s -> !was.contains(s)).toList(), contactId);
        return changed;
    }

    /** Rebuilds every segment over all contacts at the current clock; returns how many memberships changed. */
    public long rebuildAll() {
        long changed = 0;
        for (String id : plan.order()) {
            changed += rebuild(id);
        }
        return changed;
    }

    @Override
    public boolean rebuildsOnEveryClockMove() {
        return true;
    }

    @Override
    public long advanceTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the clock does not go back: " + instant + " < " + now);
        }
        now = instant;
        return rebuildAll();
    }

    @Override
    public long replaceSegment(SegmentDefinition segment) {
        plan = plan.replacing(segment);
        closeStatements();
        long changed = 0;
        for (String id : plan.withDependents(segment.id())) {
            changed += rebuild(id);
        }
        return changed;
    }

    @Override
    public SortedMap<String, Integer> counts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        plan.order().forEach(id -> counts.put(id, 0));
        query("SELECT segment_id, COUNT(*) FROM memberships GROUP BY segment_id",
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    /** Every segment id to its members' ids (both sorted), empty segments included. */
    public SortedMap<String, Set<String>> memberships() {
        SortedMap<String, Set<String>> members = new TreeMap<>();
        plan.order().forEach(id -> members.put(id, new TreeSet<>()));
        query("SELECT segment_id, contact_id FROM memberships",
                rs -> members.get(rs.getString(1)).add(rs.getString(2)));
        return members;
    }

    /** The segments one contact is a member of, sorted. */
    public Set<String> segmentsOf(String contactId) {
        return inTransaction("reading " + contactId, () -> memberOf(contactId));
    }

    private Set<String> memberOf(String contactId) throws SQLException {
        Set<String> segments = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT segment_id FROM memberships WHERE contact_id = ?")) {
            ps.setString(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    segments.add(rs.getString(1));
                }
            }
        }
        return segments;
    }

    @Override
    public void close() {
        closeStatements();
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }

    // ---- rebuilding ----

    /** One segment over all contacts: filter into staging, then apply only the difference; returns its size. */
    private long rebuild(String id) {
        return inTransaction("rebuilding " + id, () -> {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(dialect.clear("membership_staging"));
            }
            PreparedStatement insert = stagingInserts.get(id);
            if (insert == null) {
                insert = connection.prepareStatement("INSERT INTO membership_staging (contact_id) "
                        + "SELECT c.id FROM contacts c WHERE " + plan.fromTable(id).text());
                stagingInserts.put(id, insert);
            }
            Binder.bind(insert, plan.fromTable(id).params(), now);
            insert.executeUpdate();
            long changed;
            try (PreparedStatement exits = connection.prepareStatement("DELETE FROM memberships WHERE segment_id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM membership_staging s WHERE s.contact_id = memberships.contact_id)")) {
                exits.setString(1, id);
                changed = exits.executeUpdate();
            }
            try (PreparedStatement entries = connection.prepareStatement("INSERT INTO memberships (segment_id, "
                    + "contact_id) SELECT ?, s.contact_id FROM membership_staging s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM memberships m WHERE m.segment_id = ? AND m.contact_id = s.contact_id)")) {
                entries.setString(1, id);
                entries.setString(2, id);
                changed += entries.executeUpdate();
            }
            return changed;
        });
    }

    // ---- one contact ----

    private PreparedStatement recheckStatement() throws SQLException {
        if (recheck == null) {
            recheckColumns = plan.order();
            List<Sql> columns = recheckColumns.stream().map(plan::inlined).toList();
            recheck = connection.prepareStatement("SELECT " + Sql.join(", ", columns).text()
                    + " FROM contacts c WHERE c.id = ?");
        }
        return recheck;
    }

    private List<Object> recheckParams(String contactId) {
        List<Object> params = new ArrayList<>();
        recheckColumns.forEach(id -> params.addAll(plan.inlined(id).params()));
        params.add(contactId);
        return params;
    }

    private void record(EmailEvent e) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO email_events (contact_id, type, occurred_at, campaign_id) VALUES (?, ?, ?, ?)")) {
            bindEvent(ps, e);
            ps.executeUpdate();
        }
        var update = EventEffect.update(e);
        if (update.isPresent()) {
            try (PreparedStatement ps = connection.prepareStatement(update.get().text())) {
                Binder.bind(ps, update.get().params(), now);
                if (ps.executeUpdate() == 0 && !contactExists(e.contactId())) {
                    throw new IllegalArgumentException("event for unknown contact " + e.contactId());
                }
            }
        }
    }

    private boolean contactExists(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM contacts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bindEvent(PreparedStatement ps, EmailEvent e) throws SQLException {
        ps.setString(1, e.contactId());
        ps.setString(2, e.type().wireName());
        Binder.bind(ps, 3, e.at(), e.at());
        Binder.bind(ps, 4, e.campaignId().map(Object.class::cast).orElse(Binder.NULL_TEXT), e.at());
    }

    private long write(String sql, List<String> segmentIds, String contactId) throws SQLException {
        if (segmentIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (String segmentId : segmentIds) {
                ps.setString(1, segmentId);
                ps.setString(2, contactId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return segmentIds.size();
    }

    // ---- plumbing ----

    /** Fresh statistics after a bulk load, as any operator of a real deployment would have them. */
    private void analyze() {
        inTransaction("analyzing", () -> {
            try (Statement s = connection.createStatement()) {
                s.execute(dialect instanceof Dialect.H2 ? "ANALYZE" : "ANALYZE contacts, contact_tags, contact_custom, "
                        + "email_events");
            }
            return null;
        });
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        inTransaction(sql, () -> {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
            return null;
        });
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw failure(what, (SQLException) e);
        }
    }

    private void closeStatements() {
        List<PreparedStatement> open = new ArrayList<>(stagingInserts.values());
        if (recheck != null) {
            open.add(recheck);
        }
        stagingInserts.clear();
        recheck = null;
        for (PreparedStatement ps : open) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that is going away
            }
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("SQL baseline: " + what + ": " + e.getMessage(), e);
    }
}
