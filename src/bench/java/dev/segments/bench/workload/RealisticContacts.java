package dev.segments.bench.workload;

import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded contacts {@code c0000001, c0000002, ...} with a CRM's usual shape, as of {@link Workload#START}:
 * <ul>
 * <li>created over the last three years, more of them recently; 60% with a date of birth (ages 18 to 75);</li>
 * <li>0 to 8 tags (15% none, about 2.5 on average) from {@link TagVocabulary}, Zipf-like;</li>
 * <li>places from {@link Places}; 2% of states written in another case or with a trailing space, as imports do;</li>
 * <li>source: website 28%, webinar and referral 12% each, ads 20%, import 8%, a few others, 2% none;</li>
 * <li>email status subscribed 94%, unsubscribed 4%, bounced 2%; {@code dnd} 5%;</li>
 * <li>email history from before the events' 30-day window ({@code lastEmail<Type>At}) for most older contacts;</li>
 * <li>custom fields: {@code plan} free 50% / basic 25% / gold 14% / platinum 6% / none 5%; {@code seats} (number)
 * on paid plans; {@code trial} (boolean) for 85%, true for 12% of those; {@code renewalDate} (a date, from a month
 * ago to a year ahead) on paid plans; {@code score} (number 0-100) for 90%.</li>
 * </ul>
 * The events of the window are added by {@link RealisticEvents}.
 */
public final class RealisticContacts {

    private static final Duration THREE_YEARS = Duration.ofDays(3 * 365);
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Weighted<Integer> TAG_COUNTS = new Weighted<Integer>().add(0, 15).add(1, 20).add(2, 20)
            .add(3, 16).add(4, 11).add(5, 8).add(6, 5).add(7, 3).add(8, 2);
    private static final Weighted<String> SOURCES = new Weighted<String>().add("website", 28).add("webinar", 12)
            .add("referral", 12).add("facebook-ads", 10).add("google-ads", 10).add("import", 8).add("linkedin", 6)
            .add("organic-search", 5).add("trade-show", 4).add("partner", 3).add(null, 2);
    private static final Weighted<String> PLANS = new Weighted<String>().add("free", 50).add("basic", 25)
            .add("gold", 14).add("platinum", 6).add(null, 5);
    private static final Weighted<EmailStatus> STATUSES = new Weighted<EmailStatus>()
            .add(EmailStatus.SUBSCRIBED, 94).add(EmailStatus.UNSUBSCRIBED, 4).add(EmailStatus.BOUNCED, 2);

    private final Random random;
    private final TagVocabulary tags = new TagVocabulary();
    private final Places places = new Places();
    private final People people = new People();

    public RealisticContacts(long seed) {
        this.random = new Random(seed ^ 0x636f6e74L);
    }

    /** The id of the contact of that 0-based index: {@code c0000001} for 0. */
    public static String id(int index) {
        return String.format("c%07d", index + 1);
    }

    public List<ContactData> contacts(int n) {
        List<ContactData> contacts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            contacts.add(contact(i));
        }
        return contacts;
    }

    private ContactData contact(int index) {
        String first = people.firstName(random);
        String last = people.lastName(random);
        String company = random.nextDouble() < 0.6 ? people.company(random) : null;
        Place place = places.pick(random);
        Instant created = Workload.START.minusMillis((long) (THREE_YEARS.toMillis()
                * Math.pow(random.nextDouble(), 1.4)));
        ContactData.Builder b = ContactData.builder(id(index))
                .firstName(first)
                .lastName(last)
                .email(people.email(random, first, last, company, index))
                .phone(random.nextDouble() < 0.85 ? people.phone(random, place.country()) : null)
                .companyName(company)
                .city(place.city())
                .state(messy(place.state()))
                .country(place.country())
                .postalCode(place.postalCode())
                .timezone(place.timezone())
                .source(SOURCES.pick(random))
                .createdAt(new TimePoint.AtInstant(created))
                .dateOfBirth(random.nextDouble() < 0.6 ? new TimePoint.OnDate(birthDate()) : null)
                .tags(tags.distinct(random, TAG_COUNTS.pick(random)))
                .dnd(random.nextDouble() < 0.05)
                .emailStatus(STATUSES.pick(random));
        history(b, created);
        custom(b);
        return b.build();
    }

    /** Most states as written by a form; a few as an import left them. */
    private String messy(String state) {
        if (state == null || random.nextDouble() >= 0.02) {
            return state;
        }
        return random.nextBoolean() ? state.toLowerCase(Locale.ROOT) : state + " ";
    }

    private LocalDate birthDate() {
        LocalDate today = LocalDate.ofInstant(Workload.START, ZoneOffset.UTC);
        return today.minusYears(18 + random.nextInt(58)).minusDays(random.nextInt(365));
    }

    /** Emails from before the 30-day window of events, for contacts older than that window. */
    private void history(ContactData.Builder b, Instant created) {
        Instant windowStart = Workload.START.minus(WINDOW);
        if (!created.isBefore(windowStart) || random.nextDouble() >= 0.85) {
            return;
        }
        Instant from = created.isAfter(windowStart.minus(Duration.ofDays(365))) ? created
                : windowStart.minus(Duration.ofDays(365));
        Instant sent = between(from, windowStart);
        b.lastEmailSentAt(new TimePoint.AtInstant(sent));
        if (random.nextDouble() < 0.55) {
            Instant opened = min(sent.plusSeconds(60 + random.nextInt(48 * 3600)), windowStart.minusSeconds(1));
            b.lastEmailOpenedAt(new TimePoint.AtInstant(opened));
            if (random.nextDouble() < 0.35) {
                b.lastEmailClickedAt(new TimePoint.AtInstant(min(opened.plusSeconds(5 + random.nextInt(600)),
                        windowStart.minusSeconds(1))));
            }
        }
    }

    private void custom(ContactData.Builder b) {
        String plan = PLANS.pick(random);
        if (plan != null) {
            b.custom("plan", new CustomValue.Text(random.nextDouble() < 0.03 ? capitalised(plan) : plan));
        }
        boolean paid = plan != null && !plan.equals("free");
        if (paid) {
            int seats = switch (plan) {
                case "basic" -> 1 + random.nextInt(5);
                case "gold" -> 5 + random.nextInt(46);
                default -> 20 + random.nextInt(481);
            };
            b.custom("seats", new CustomValue.Number(BigDecimal.valueOf(seats)));
            LocalDate today = LocalDate.ofInstant(Workload.START, ZoneOffset.UTC);
            b.custom("renewalDate", new CustomValue.Text(today.plusDays(random.nextInt(396) - 30).toString()));
        }
        if (random.nextDouble() < 0.85) {
            b.custom("trial", new CustomValue.Bool(random.nextDouble() < 0.12));
        }
        if (random.nextDouble() < 0.9) {
            int score = (int) Math.round(50 * (random.nextDouble() + random.nextDouble()));
            b.custom("score", new CustomValue.Number(BigDecimal.valueOf(score)));
        }
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return from.plusMillis((long) (random.nextDouble() * span));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
