package dev.segments.bench.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes contacts' rows with batched prepared statements; the caller owns the transaction. */
final class ContactWriter implements AutoCloseable {

    private static final int BATCH = 1000;

    private final Connection connection;
    private final PreparedStatement contact;
    private final PreparedStatement tag;
    private final PreparedStatement custom;
    private int pending;

    ContactWriter(Connection connection) throws SQLException {
        this.connection = connection;
        List<String> columns = ContactColumns.valueColumns();
        this.contact = connection.prepareStatement("INSERT INTO contacts (id, " + String.join(", ", columns)
                + ") VALUES (?" + ", ?".repeat(columns.size()) + ")");
        this.tag = connection.prepareStatement("INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)");
        this.custom = connection.prepareStatement("INSERT INTO contact_custom (contact_id, name, text_value, text_lc, "
                + "number_value, bool_value, time_value) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /** Adds a new contact to the batch. */
    void insert(ContactRow row) throws SQLException {
        contact.setString(1, row.id());
        bindValues(contact, row.values(), 2);
        contact.addBatch();
        addSideRows(row);
        if (++pending >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        contact.executeBatch();
        tag.executeBatch();
        custom.executeBatch();
        pending = 0;
    }

    /** Replaces an existing contact whole (events stay); writes at once. */
    void replace(ContactRow row) throws SQLException {
        List<String> columns = ContactColumns.valueColumns();
        try (PreparedStatement update = connection.prepareStatement("UPDATE contacts SET "
                + String.join(" = ?, ", columns) + " = ? WHERE id = ?")) {
            bindValues(update, row.values(), 1);
            update.setString(columns.size() + 1, row.id());
            if (update.executeUpdate() != 1) {
                throw new IllegalArgumentException("unknown contact " + row.id());
            }
        }
        for (String table : List.of("contact_tags", "contact_custom")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE contact_id = ?")) {
                delete.setString(1, row.id());
                delete.executeUpdate();
            }
        }
        addSideRows(row);
        tag.executeBatch();
        custom.executeBatch();
    }

    private void addSideRows(ContactRow row) throws SQLException {
        for (String t : row.tags()) {
            tag.setString(1, row.id());
            tag.setString(2, t);
            tag.addBatch();
        }
        for (ContactRow.CustomRow c : row.custom()) {
            custom.setString(1, row.id());
            custom.setString(2, c.name());
            bindValues(custom, java.util.Arrays.asList(
                    c.text() == null ? Binder.NULL_TEXT : c.text(),
                    c.textLower() == null ? Binder.NULL_TEXT : c.textLower(),
                    c.number() == null ? Binder.NULL_NUMBER : c.number(),
                    c.bool() == null ? Binder.NULL_BOOLEAN : c.bool(),
                    c.time() == null ? Binder.NULL_TIME : c.time()), 3);
            custom.addBatch();
        }
    }

    private static void bindValues(PreparedStatement ps, List<Object> values, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Binder.bind(ps, first + i, values.get(i), null);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(contact, tag, custom)) {
            ps.close();
        }
    }
}
