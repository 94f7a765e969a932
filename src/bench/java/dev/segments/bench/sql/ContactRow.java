package dev.segments.bench.sql;

import dev.segments.bench.ContactFieldValues;
import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.definition.ContactField;
import dev.segments.definition.TimePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One contact as rows: its {@code contacts} values, its normalised tags and its custom fields, normalised on write so
 * that the SQL only compares.
 */
record ContactRow(String id, List<Object> values, Set<String> tags, List<CustomRow> custom) {

    /** One {@code contact_custom} row: each typed column is set only when the value is of that kind. */
    record CustomRow(String name, String text, String textLower, java.math.BigDecimal number, Boolean bool,
            Instant time) {
    }

    static ContactRow of(ContactData c, ZoneId zone) {
        List<Object> values = new ArrayList<>();
        for (ContactField f : ContactColumns.TEXT) {
            StoredText t = StoredText.of(ContactFieldValues.text(c, f));
            values.add(t == null ? Binder.NULL_TEXT : t.trimmed());
            values.add(t == null ? Binder.NULL_TEXT : t.lower());
        }
        values.add(c.emailStatus().wireName());
        values.add(c.dnd());
        for (ContactField f : ContactColumns.TIME) {
            TimePoint p = ContactFieldValues.time(c, f);
            values.add(p == null ? Binder.NULL_TIME : p.resolve(zone));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : c.tags()) {
            StoredText t = StoredText.of(tag);
            if (t != null) {
                tags.add(t.lower()); // a blank tag is no tag
            }
        }
        List<CustomRow> custom = new ArrayList<>();
        for (Map.Entry<String, CustomValue> e : c.custom().entrySet()) {
            CustomRow row = customRow(e.getKey(), e.getValue(), zone);
            if (row != null) {
                custom.add(row);
            }
        }
        return new ContactRow(c.id(), values, tags, custom);
    }

    /** Null for a blank string: absent for every operator, {@code isEmpty} included. */
    private static CustomRow customRow(String name, CustomValue value, ZoneId zone) {
        if (value instanceof CustomValue.Number n) {
            return new CustomRow(name, null, null, n.value(), null, null);
        }
        if (value instanceof CustomValue.Bool b) {
            return new CustomRow(name, null, null, null, b.value(), null);
        }
        StoredText t = StoredText.of(((CustomValue.Text) value).value());
        if (t == null) {
            return null;
        }
        TimePoint time = parseTime(t.trimmed());
        return new CustomRow(name, t.trimmed(), t.lower(), null, null, time == null ? null : time.resolve(zone));
    }

    /** A custom string is a time value when it parses as an ISO instant with an offset or a {@code YYYY-MM-DD} date. */
    private static TimePoint parseTime(String trimmed) {
        try {
            return new TimePoint.AtInstant(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new TimePoint.OnDate(LocalDate.parse(trimmed));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
