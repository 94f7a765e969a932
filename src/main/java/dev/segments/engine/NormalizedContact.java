package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.definition.TimePoint;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The values of a contact as rules compare them (SPEC 4, "Meaning"), computed once per contact change. */
record NormalizedContact(StandardText text, Set<String> tags, StandardTimes time,
        Map<String, String> customText, Map<String, Double> customNumber, Map<String, Boolean> customBoolean,
        Map<String, Long> customTime) {

    /** The standard text fields, trimmed and lower-cased: a record, which is a quarter of the size of a map. */
    record StandardText(String email, String firstName, String lastName, String phone, String companyName, String city,
            String state, String country, String postalCode, String timezone, String source, String emailStatus) {
    }

    /**
     * The standard instants in epoch milliseconds, {@code null} when absent. Held as primitives with a bit per present
     * instant: boxed, they were a fifth of a contact's memory.
     */
    static final class StandardTimes {

        private final long createdAt;
        private final long dateOfBirth;
        private final long lastEmailSentAt;
        private final long lastEmailOpenedAt;
        private final long lastEmailClickedAt;
        private final byte present;

        StandardTimes(Long createdAt, Long dateOfBirth, Long lastEmailSentAt, Long lastEmailOpenedAt,
                Long lastEmailClickedAt) {
            this.createdAt = orZero(createdAt);
            this.dateOfBirth = orZero(dateOfBirth);
            this.lastEmailSentAt = orZero(lastEmailSentAt);
            this.lastEmailOpenedAt = orZero(lastEmailOpenedAt);
            this.lastEmailClickedAt = orZero(lastEmailClickedAt);
            this.present = (byte) (bit(createdAt, 0) | bit(dateOfBirth, 1) | bit(lastEmailSentAt, 2)
                    | bit(lastEmailOpenedAt, 3) | bit(lastEmailClickedAt, 4));
        }

        Long createdAt() { return held(0, createdAt); }
        Long dateOfBirth() { return held(1, dateOfBirth); }
        Long lastEmailSentAt() { return held(2, lastEmailSentAt); }
        Long lastEmailOpenedAt() { return held(3, lastEmailOpenedAt); }
        Long lastEmailClickedAt() { return held(4, lastEmailClickedAt); }

        /** By wire name ({@code createdAt}); {@code null} for a name that is not a standard instant. */
        Long get(String field) {
            return switch (field) {
                case "createdAt" -> createdAt();
                case "dateOfBirth" -> dateOfBirth();
                case "lastEmailSentAt" -> lastEmailSentAt();
                case "lastEmailOpenedAt" -> lastEmailOpenedAt();
                case "lastEmailClickedAt" -> lastEmailClickedAt();
                default -> null;
            };
        }

        // Equal by value, as the record it replaced was (NormalizedContact is a record and compares its parts).
        @Override
        public boolean equals(Object other) {
            return other instanceof StandardTimes that && present == that.present && createdAt == that.createdAt
                    && dateOfBirth == that.dateOfBirth && lastEmailSentAt == that.lastEmailSentAt
                    && lastEmailOpenedAt == that.lastEmailOpenedAt && lastEmailClickedAt == that.lastEmailClickedAt;
        }

        @Override
        public int hashCode() {
            return Objects.hash(present, createdAt, dateOfBirth, lastEmailSentAt, lastEmailOpenedAt,
                    lastEmailClickedAt);
        }

        private Long held(int bit, long millis) {
            return (present & (1 << bit)) == 0 ? null : millis;
        }

        private static long orZero(Long millis) {
            return millis == null ? 0 : millis;
        }

        private static int bit(Long millis, int bit) {
            return millis == null ? 0 : 1 << bit;
        }
    }

    /**
     * The contact after a change from {@code before}, whose values were {@code previous}: parts whose inputs did not
     * change (tags, times, text and custom fields) are shared with {@code previous}, so a tag or an email event
     * rebuilds only what it touches.
     */
    static NormalizedContact of(ContactData c, ZoneId zone, ContactData before, NormalizedContact previous) {
        if (before == null || previous == null) {
            return of(c, zone);
        }
        StandardText text = sameText(c, before) ? previous.text : text(c, before, previous.text);
        Set<String> tags = c.tags().equals(before.tags()) ? previous.tags : tags(c);
        StandardTimes time = sameTime(c, before) ? previous.time : time(c, zone);
        if (!c.custom().equals(before.custom())) {
            return withCustom(c, zone, text, tags, time, previous, sameCustomText(c, before));
        }
        return text == previous.text && tags == previous.tags && time == previous.time ? previous
                : new NormalizedContact(text, tags, time, previous.customText, previous.customNumber,
                        previous.customBoolean, previous.customTime);
    }

    private static boolean sameText(ContactData a, ContactData b) {
        return Objects.equals(a.email(), b.email()) && Objects.equals(a.firstName(), b.firstName())
                && Objects.equals(a.lastName(), b.lastName()) && Objects.equals(a.phone(), b.phone())
                && Objects.equals(a.companyName(), b.companyName()) && Objects.equals(a.city(), b.city())
                && Objects.equals(a.state(), b.state()) && Objects.equals(a.country(), b.country())
                && Objects.equals(a.postalCode(), b.postalCode()) && Objects.equals(a.timezone(), b.timezone())
                && Objects.equals(a.source(), b.source()) && a.emailStatus() == b.emailStatus();
    }

    private static boolean sameTime(ContactData a, ContactData b) {
        return Objects.equals(a.createdAt(), b.createdAt()) && Objects.equals(a.dateOfBirth(), b.dateOfBirth())
                && Objects.equals(a.lastEmailSentAt(), b.lastEmailSentAt())
                && Objects.equals(a.lastEmailOpenedAt(), b.lastEmailOpenedAt())
                && Objects.equals(a.lastEmailClickedAt(), b.lastEmailClickedAt());
    }

    private static Set<String> tags(ContactData c) {
        Set<String> tags = new HashSet<>();
        for (String tag : c.tags()) {
            String normal = shared(normalize(tag));
            if (normal != null) {
                tags.add(normal);
            }
        }
        return Set.copyOf(tags);
    }

    private static StandardTimes time(ContactData c, ZoneId zone) {
        return new StandardTimes(instant(c.createdAt(), zone), instant(c.dateOfBirth(), zone),
                instant(c.lastEmailSentAt(), zone), instant(c.lastEmailOpenedAt(), zone),
                instant(c.lastEmailClickedAt(), zone));
    }

    static NormalizedContact of(ContactData c, ZoneId zone) {
        return withCustom(c, zone, text(c), tags(c), time(c, zone), null, false);
    }

    private static StandardText text(ContactData c) {
        Function<String, String> lowered = lowered(new OriginalText(c));
        return new StandardText(lowered.apply("email"), lowered.apply("firstName"),
                lowered.apply("lastName"), lowered.apply("phone"), lowered.apply("companyName"), lowered.apply("city"),
                lowered.apply("state"), lowered.apply("country"), lowered.apply("postalCode"),
                lowered.apply("timezone"), lowered.apply("source"), lowered.apply("emailStatus"));
    }

    /** The text after a change from {@code before}: fields that did not change keep their previous values. */
    private static StandardText text(ContactData c, ContactData before, StandardText previous) {
        OriginalText now = new OriginalText(c);
        OriginalText then = new OriginalText(before);
        Function<String, String> lowered = lowered(now);
        BiFunction<String, String, String> kept = (field, value) ->
                Objects.equals(now.get(field), then.get(field)) ? value : lowered.apply(field);
        return new StandardText(kept.apply("email", previous.email()), kept.apply("firstName", previous.firstName()),
                kept.apply("lastName", previous.lastName()), kept.apply("phone", previous.phone()),
                kept.apply("companyName", previous.companyName()), kept.apply("city", previous.city()),
                kept.apply("state", previous.state()), kept.apply("country", previous.country()),
                kept.apply("postalCode", previous.postalCode()), kept.apply("timezone", previous.timezone()),
                kept.apply("source", previous.source()), kept.apply("emailStatus", previous.emailStatus()));
    }

    private static Function<String, String> lowered(OriginalText original) {
        return field -> {
            String value = original.get(field);
            return value == null ? null : FEW_DISTINCT_VALUES.contains(field) ? shared(lower(value)) : lower(value);
        };
    }

    /**
     * The contact's custom fields, normalised by kind, with the other parts as given; a kind whose values are those of
     * {@code previous} (if any) keeps its map, so that what did not change stays the same object. The text keeps its
     * map only when its values as written did not change either: a shared map tells that they did not
     * ({@link ChangedProperties}).
     */
    private static NormalizedContact withCustom(ContactData c, ZoneId zone, StandardText text, Set<String> tags,
            StandardTimes time, NormalizedContact previous, boolean sameTextAsWritten) {
        Map<String, String> customText = new HashMap<>();
        Map<String, Double> customNumber = new HashMap<>();
        Map<String, Boolean> customBoolean = new HashMap<>();
        Map<String, Long> customTime = new HashMap<>();
        c.custom().forEach((name, value) -> {
            if (value instanceof CustomValue.Text t) {
                String trimmed = t.value().strip();
                if (!trimmed.isEmpty()) {
                    customText.put(name, shared(lower(trimmed)));
                    Long instant = parseTime(trimmed, zone);
                    if (instant != null) {
                        customTime.put(name, instant);
                    }
                }
            } else if (value instanceof CustomValue.Number n) {
                customNumber.put(name, n.value().doubleValue());
            } else if (value instanceof CustomValue.Bool b) {
                customBoolean.put(name, b.value());
            }
        });
        // Compact immutable copies: these maps live as long as the contact, so their size counts more than the copy.
        if (previous == null) {
            return new NormalizedContact(text, tags, time, Map.copyOf(customText), Map.copyOf(customNumber),
                    Map.copyOf(customBoolean), Map.copyOf(customTime));
        }
        return new NormalizedContact(text, tags, time,
                sameTextAsWritten ? kept(customText, previous.customText) : Map.copyOf(customText),
                kept(customNumber, previous.customNumber), kept(customBoolean, previous.customBoolean),
                kept(customTime, previous.customTime));
    }

    /** Whether both contacts have the same custom text values as written. */
    private static boolean sameCustomText(ContactData a, ContactData b) {
        // forEach, not entrySet() or values(): the contact's map would keep the view, bytes for each contact held
        boolean[] differs = {false};
        int[] texts = {0};
        a.custom().forEach((name, value) -> {
            if (value instanceof CustomValue.Text) {
                texts[0]++;
                differs[0] |= !value.equals(b.custom().get(name));
            }
        });
        b.custom().forEach((name, value) -> {
            if (value instanceof CustomValue.Text) {
                texts[0]--;
            }
        });
        return !differs[0] && texts[0] == 0;
    }

    private static <V> Map<String, V> kept(Map<String, V> values, Map<String, V> previous) {
        return values.equals(previous) ? previous : Map.copyOf(values);
    }

    /** Trimmed and lower-cased with {@code Locale.ROOT}; blank is {@code null}. */
    static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : lower(trimmed);
    }

    /**
     * Standard fields whose values repeat across contacts (a few thousand cities, fifty states, first names that
     * most people share with many others). Their lower-cased values, like tags and custom text values, are interned:
     * one copy for all contacts instead of one per contact (about 350 bytes per contact in the benchmark). Last names,
     * emails and phones are left alone: their values are mostly different, so sharing would only cost a lookup and
     * an entry in the JVM's string table.
     */
    private static final Set<String> FEW_DISTINCT_VALUES = Set.of("firstName", "city", "state", "country", "timezone",
            "source", "emailStatus", "companyName");

    /** The one copy of a normalised value that all contacts share. */
    private static String shared(String normal) {
        return normal == null ? null : normal.intern();
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }


    private static Long instant(TimePoint value, ZoneId zone) {
        return value == null ? null : value.resolve(zone).toEpochMilli();
    }

    private static final int DATE_LENGTH = "2026-01-31".length();
    private static final Pattern LOOKS_LIKE_A_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A custom string that parses as an ISO instant (with offset) or a date is also a time value. */
    static Long parseTime(String value, ZoneId zone) {
        if (!LOOKS_LIKE_A_DATE.matcher(value).lookingAt()) {
            return null; // most custom strings are not times: no parse attempt, no exception on the hot path
        }
        try {
            if (value.length() == DATE_LENGTH) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException notATime) {
            return null;
        }
    }

}
