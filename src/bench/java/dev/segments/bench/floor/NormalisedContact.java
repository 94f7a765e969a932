package dev.segments.bench.floor;

import dev.segments.bench.ContactFieldValues;
import dev.segments.contact.ContactData;
import dev.segments.definition.ContactField;
import dev.segments.definition.TimePoint;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A contact as conditions read it (SPEC 4 "Meaning"): text stripped (blank is absent), also lower-cased; tags stripped
 * and lower-cased (a blank tag is no tag); times as epoch milliseconds, date-only values at 00:00 in the zone.
 */
final class NormalisedContact {

    /** The time of an absent value; no real instant is this far back. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final ContactField[] FIELDS = ContactField.values();

    private final ContactData data;
    private final String[] written = new String[FIELDS.length];
    private final String[] lower = new String[FIELDS.length];
    private final long[] times = new long[FIELDS.length];
    private final Set<String> tags;
    private final Map<String, CustomValueView> custom;

    NormalisedContact(ContactData data, ZoneId zone) {
        this.data = data;
        for (ContactField f : FIELDS) {
            switch (f.kind()) {
                case TEXT -> {
                    String raw = ContactFieldValues.text(data, f);
                    String stripped = raw == null ? null : raw.strip();
                    if (stripped != null && !stripped.isEmpty()) {
                        written[f.ordinal()] = stripped;
                        lower[f.ordinal()] = stripped.toLowerCase(Locale.ROOT);
                    }
                }
                case TIME -> {
                    TimePoint p = ContactFieldValues.time(data, f);
                    times[f.ordinal()] = p == null ? ABSENT : p.resolve(zone).toEpochMilli();
                }
                default -> {
                }
            }
        }
        Set<String> tagSet = new HashSet<>();
        for (String t : data.tags()) {
            String stripped = t.strip();
            if (!stripped.isEmpty()) {
                tagSet.add(stripped.toLowerCase(Locale.ROOT));
            }
        }
        this.tags = tagSet;
        Map<String, CustomValueView> views = new HashMap<>();
        data.custom().forEach((name, value) -> views.put(name, CustomValueView.of(value, zone)));
        this.custom = views;
    }

    ContactData data() {
        return data;
    }

    /** The stripped text as written, or null when absent or blank. */
    String written(ContactField field) {
        return written[field.ordinal()];
    }

    String lower(ContactField field) {
        return lower[field.ordinal()];
    }

    long time(ContactField field) {
        return times[field.ordinal()];
    }

    boolean dnd() {
        return data.dnd();
    }

    Set<String> tags() {
        return tags;
    }

    /** The custom value of that name, or null when the contact has none. */
    CustomValueView custom(String name) {
        return custom.get(name);
    }
}
