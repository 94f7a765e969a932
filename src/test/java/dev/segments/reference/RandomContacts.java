package dev.segments.reference;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random contacts and email events around {@link #BASE}, drawn from the same small vocabularies as
 * {@link RandomSegments} so that conditions actually match: values are sometimes absent, blank, padded with spaces or
 * in another case; times sit on whole hours and days from the base, sometimes one millisecond off, so that
 * boundaries are hit.
 */
public final class RandomContacts {

    /** The instant the random times are spread around (the README tour's instant). */
    public static final Instant BASE = Instant.parse("2026-11-28T12:00:00Z");

    static final List<String> STATES = List.of("TX", "tx ", " Tx", "CA", "NY", "Texas");
    static final List<String> CITIES = List.of("Austin", "austin ", "Dallas", "New York", "San Antonio", "AUSTIN");
    static final List<String> EMAILS = List.of("ann@example.com", "BOB@Example.com", " carol@test.org",
            "dan.new@example.com", "eve@mail.co");
    static final List<String> FIRST_NAMES = List.of("Ann", "ann", "Bob", "Carol ", "Dan", "Ännie");
    static final List<String> LAST_NAMES = List.of("Lee", "LEE", "Newman", "Smith", " de la Cruz");
    static final List<String> PHONES = List.of("+15125550100", "+1 512 555 0101", "555-0102", "+442071838750");
    static final List<String> COMPANIES = List.of("Acme", "acme inc", "New Co", "Globex ", "Initech");
    static final List<String> COUNTRIES = List.of("US", "us", "CA", "GB", "United States");
    static final List<String> POSTAL_CODES = List.of("78701", "78702", "10001", "94105", " 73301");
    static final List<String> TIMEZONES = List.of("America/Chicago", "america/chicago", "America/New_York", "UTC");
    static final List<String> SOURCES = List.of("webinar", "Webinar ", "referral", "website", "new lead form");
    static final List<String> TAGS = List.of("vip", "VIP", "Active Client", "active client ", "new ", "New",
            "lead", " prospect");
    static final List<String> PLANS = List.of("gold", "Gold ", "silver", "platinum", "free", "gold plus");
    static final List<String> CAMPAIGNS = List.of("nov-promo", "welcome", "Nov-Promo");

    private final Random random;

    public RandomContacts(Random random) {
        this.random = random;
    }

    public RandomContacts(long seed) {
        this(new Random(seed));
    }

    /** Contacts {@code c-0} .. {@code c-(n-1)}. */
    public List<ContactData> contacts(int n) {
        List<ContactData> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contacts.add(contact("c-" + i));
        }
        return contacts;
    }

    public ContactData contact(String id) {
        ContactData.Builder b = ContactData.builder(id)
                .email(text(EMAILS))
                .firstName(text(FIRST_NAMES))
                .lastName(text(LAST_NAMES))
                .phone(text(PHONES))
                .companyName(text(COMPANIES))
                .city(text(CITIES))
                .state(text(STATES))
                .country(text(COUNTRIES))
                .postalCode(text(POSTAL_CODES))
                .timezone(text(TIMEZONES))
                .source(text(SOURCES))
                .createdAt(chance(0.8) ? new TimePoint.AtInstant(instant()) : null)
                .dateOfBirth(chance(0.6) ? new TimePoint.OnDate(date()) : null)
                .dnd(chance(0.2))
                .emailStatus(pick(List.of(EmailStatus.SUBSCRIBED, EmailStatus.SUBSCRIBED, EmailStatus.UNSUBSCRIBED,
                        EmailStatus.BOUNCED)))
                .lastEmailSentAt(chance(0.6) ? new TimePoint.AtInstant(instant()) : null)
                .lastEmailOpenedAt(chance(0.6) ? new TimePoint.AtInstant(instant()) : null)
                .lastEmailClickedAt(chance(0.5) ? new TimePoint.AtInstant(instant()) : null);
        Set<String> tags = new LinkedHashSet<>();
        int tagCount = random.nextInt(4);
        for (int i = 0; i < tagCount; i++) {
            tags.add(pick(TAGS));
        }
        b.tags(tags);
        customValue().ifPresent(v -> b.custom("plan", v));
        if (chance(0.75)) {
            b.custom("seats", chance(0.85) ? number() : new CustomValue.Text(chance(0.5) ? "12" : "many"));
        }
        if (chance(0.7)) {
            b.custom("trial", chance(0.85) ? new CustomValue.Bool(random.nextBoolean()) : new CustomValue.Text("true"));
        }
        if (chance(0.75)) {
            b.custom("renewalDate", renewalDate());
        }
        return b.build();
    }

    /** Random events for those contacts, at whole hours around {@link #BASE} (a few just after it), in time order. */
    public List<EmailEvent> events(List<ContactData> contacts, int n) {
        List<EmailEvent> events = new ArrayList<>();
        if (contacts.isEmpty()) {
            return events;
        }
        for (int i = 0; i < n; i++) {
            String contactId = pick(contacts).id();
            EmailEventType type = pick(List.of(EmailEventType.SENT, EmailEventType.DELIVERED, EmailEventType.OPENED,
                    EmailEventType.OPENED, EmailEventType.CLICKED, EmailEventType.BOUNCED, EmailEventType.UNSUBSCRIBED));
            Optional<String> campaign = chance(0.6) ? Optional.of(pick(CAMPAIGNS)) : Optional.empty();
            Instant at = BASE.minus(Duration.ofHours(random.nextInt(24 * 35))).plus(Duration.ofHours(random.nextInt(48)));
            if (chance(0.1)) {
                at = at.plusMillis(chance(0.5) ? 1 : -1);
            }
            events.add(new EmailEvent(contactId, type, at, campaign, Optional.empty()));
        }
        events.sort(Comparator.comparing(EmailEvent::at));
        return events;
    }

    private Optional<CustomValue> customValue() {
        if (chance(0.2)) {
            return Optional.empty();
        }
        if (chance(0.1)) {
            return Optional.of(number());
        }
        return Optional.of(new CustomValue.Text(chance(0.05) ? "  " : pick(PLANS)));
    }

    private CustomValue number() {
        return new CustomValue.Number(pick(List.of(new BigDecimal("0"), new BigDecimal("1"), new BigDecimal("5"),
                new BigDecimal("10"), new BigDecimal("10.0"), new BigDecimal("12"), new BigDecimal("12.5"),
                new BigDecimal("-3"), new BigDecimal("100"))));
    }

    private CustomValue renewalDate() {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> new CustomValue.Text(LocalDate.ofInstant(instant(), ZoneOffset.UTC).toString());
            case 3 -> new CustomValue.Text(instant().toString());
            case 4 -> new CustomValue.Text(instant().atOffset(ZoneOffset.ofHours(-6)).toString());
            default -> chance(0.5) ? new CustomValue.Text("soon") : number();
        };
    }

    /** {@link #BASE} plus or minus whole days or hours, sometimes one millisecond off. */
    Instant instant() {
        Duration offset = chance(0.5) ? Duration.ofDays(random.nextInt(21) - 10)
                : Duration.ofHours(random.nextInt(481) - 240);
        Instant t = BASE.plus(offset);
        if (chance(0.15)) {
            t = t.plusMillis(chance(0.5) ? 1 : -1);
        }
        return t;
    }

    private LocalDate date() {
        return LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays(random.nextInt(41) - 20);
    }

    /** Absent, blank, or a vocabulary value, sometimes in another case. */
    private String text(List<String> vocabulary) {
        int roll = random.nextInt(20);
        if (roll < 4) {
            return null;
        }
        if (roll == 4) {
            return pick(List.of("", " ", "  \t"));
        }
        String v = pick(vocabulary);
        return roll == 5 ? v.toUpperCase(Locale.ROOT) : roll == 6 ? " " + v.toLowerCase(Locale.ROOT) + " " : v;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
