package dev.segments.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the README tour's sample data, deterministically: {@code contacts.jsonl} (SPEC 2, one contact a line),
 * {@code events.jsonl} (SPEC 3, the email history of those contacts before {@link #TOUR_AT}) and
 * {@code timeline.jsonl} (a SPEC 7 replay input). Run {@code main} with the output directory ({@code samples}) as its
 * only argument, on the test classpath (from the IDE, or {@code java -cp target/test-classes:target/classes:<test
 * dependencies> dev.segments.samples.SampleDataGenerator samples}). {@code SampleDataTest} checks that the committed
 * files are exactly what this writes, so a change here fails the build until the files are regenerated.
 */
public final class SampleDataGenerator {

    /** The instant of the README tour: {@code evaluate --at 2026-11-28T12:00:00Z}. */
    public static final Instant TOUR_AT = Instant.parse("2026-11-28T12:00:00Z");
    public static final List<String> FILES = List.of("contacts.jsonl", "events.jsonl", "timeline.jsonl");

    static final int CONTACTS = 300;
    static final long SEED = 20261128L;

    private record City(String city, String state, String country, String timezone, String postalPrefix,
            String phonePrefix, int weight) {
    }

    private static final List<City> CITIES = List.of(
            new City("Austin", "TX", "US", "America/Chicago", "787", "+1512", 9),
            new City("Houston", "TX", "US", "America/Chicago", "770", "+1713", 8),
            new City("Dallas", "TX", "US", "America/Chicago", "752", "+1214", 7),
            new City("San Antonio", "TX", "US", "America/Chicago", "782", "+1210", 4),
            new City("Los Angeles", "CA", "US", "America/Los_Angeles", "900", "+1213", 7),
            new City("San Francisco", "CA", "US", "America/Los_Angeles", "941", "+1415", 5),
            new City("New York", "NY", "US", "America/New_York", "100", "+1212", 8),
            new City("Chicago", "IL", "US", "America/Chicago", "606", "+1312", 6),
            new City("Miami", "FL", "US", "America/New_York", "331", "+1305", 5),
            new City("Seattle", "WA", "US", "America/Los_Angeles", "981", "+1206", 5),
            new City("Denver", "CO", "US", "America/Denver", "802", "+1303", 5),
            new City("Boston", "MA", "US", "America/New_York", "021", "+1617", 4),
            new City("Oklahoma City", "OK", "US", "America/Chicago", "731", "+1405", 2),
            new City("Toronto", "ON", "CA", "America/Toronto", "M5V", "+1416", 3),
            new City("London", null, "GB", "Europe/London", "EC1A", "+4420", 3));

    private static final List<String> FIRST_NAMES = List.of("Ann", "Ben", "Carla", "David", "Elena", "Frank",
            "Grace", "Hector", "Isabel", "James", "Keisha", "Liam", "Maria", "Noah", "Olivia", "Pedro", "Quinn",
            "Rosa", "Samuel", "Tara", "Umar", "Valeria", "Wei", "Ximena", "Yusuf", "Zoe", "Aisha", "Brandon",
            "Chloe", "Diego", "Emily", "Fatima", "Gabriel", "Hannah", "Ivan", "Jasmine", "Kevin", "Lucia",
            "Marcus", "Nina");
    private static final List<String> LAST_NAMES = List.of("Lee", "Garcia", "Smith", "Johnson", "Martinez",
            "Brown", "Nguyen", "Williams", "Lopez", "Davis", "Hernandez", "Wilson", "Anderson", "Thomas", "Patel",
            "Kim", "Moore", "Jackson", "Chen", "Rodriguez", "Walker", "Young", "Allen", "King", "Wright", "Scott",
            "Torres", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts");
    private static final List<String> COMPANIES = List.of("Acme", "Lone Star Dental", "Bluebonnet Realty",
            "Hill Country Fitness", "Northwind Traders", "Globex", "Initech", "Umbrella Logistics", "Stark Studio",
            "Pine & Oak Interiors", "Brightside Clinic", "Copperleaf Cafe", "Summit Legal", "Harbor Yoga",
            "Redwood Roofing", "Blue Fern Bakery");
    private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com",
            "icloud.com", "proton.me");
    private static final List<String> SOURCES = List.of("webinar", "website", "referral", "import",
            "facebook-ad", "trade-show");

    private record Campaign(String id, Instant sentAt) {
    }

    private static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign("oct-newsletter", Instant.parse("2026-10-07T14:00:00Z")),
            new Campaign("oct-webinar-invite", Instant.parse("2026-10-21T15:00:00Z")),
            new Campaign("nov-newsletter", Instant.parse("2026-11-04T14:00:00Z")),
            new Campaign("nov-promo", Instant.parse("2026-11-18T15:00:00Z")),
            new Campaign("black-friday", Instant.parse("2026-11-27T13:00:00Z")));

    private final Random random = new Random(SEED);
    private final JsonMapper json = JsonMapper.builder().build();

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SampleDataGenerator OUTPUT_DIR");
            System.exit(2);
        }
        new SampleDataGenerator().writeTo(Path.of(args[0]));
    }

    /** Writes the three sample files into {@code dir} (created if missing). */
    public void writeTo(Path dir) {
        List<Person> people = people();
        List<Map<String, Object>> events = emailHistory(people);
        write(dir.resolve("contacts.jsonl"), people.stream().map(Person::toJson).toList());
        write(dir.resolve("events.jsonl"), events);
        write(dir.resolve("timeline.jsonl"), timeline());
    }

    private void write(Path file, List<Map<String, Object>> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(json.writeValueAsString(line)).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- contacts ----

    /** A contact being built; the email history then moves its lastEmail*At fields and status. */
    private static final class Person {
        final Map<String, Object> fields = new LinkedHashMap<>();
        final Map<String, Object> custom = new LinkedHashMap<>();
        final Set<String> tags = new LinkedHashSet<>();
        Instant createdAt;
        double engagement;
        String emailStatus = "subscribed";
        boolean dnd;
        Instant lastSent, lastOpened, lastClicked;

        String id() {
            return (String) fields.get("id");
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            for (String name : List.of("id", "email", "firstName", "lastName", "phone", "companyName", "city",
                    "state", "country", "postalCode", "timezone", "source")) {
                if (fields.get(name) != null) {
                    json.put(name, fields.get(name));
                }
            }
            json.put("createdAt", createdAt.toString());
            if (fields.get("dateOfBirth") != null) {
                json.put("dateOfBirth", fields.get("dateOfBirth"));
            }
            json.put("tags", List.copyOf(tags));
            json.put("dnd", dnd);
            json.put("emailStatus", emailStatus);
            json.put("lastEmailSentAt", lastSent == null ? null : lastSent.toString());
            json.put("lastEmailOpenedAt", lastOpened == null ? null : lastOpened.toString());
            json.put("lastEmailClickedAt", lastClicked == null ? null : lastClicked.toString());
            if (!custom.isEmpty()) {
                json.put("custom", custom);
            }
            return json;
        }
    }

    private List<Person> people() {
        List<Person> people = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < CONTACTS; i++) {
            people.add(person("c-" + (1001 + i), emails));
        }
        return people;
    }

    private Person person(String id, Set<String> emails) {
        Person p = new Person();
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        City city = weighted();
        String company = chance(0.65) ? pick(COMPANIES) : null;

        String local = (first + "." + last).toLowerCase(Locale.ROOT);
        String domain = company != null && chance(0.5)
                ? company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".com" : pick(MAIL_DOMAINS);
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }

        p.fields.put("id", id);
        p.fields.put("email", chance(0.03) ? email.toUpperCase(Locale.ROOT) : email);
        p.fields.put("firstName", first);
        p.fields.put("lastName", chance(0.95) ? last : null);
        p.fields.put("phone", chance(0.8) ? city.phonePrefix() + digits(7) : null);
        p.fields.put("companyName", company);
        p.fields.put("city", chance(0.9) ? messy(city.city()) : null);
        p.fields.put("state", city.state() == null ? null : chance(0.97) ? messy(city.state()) : null);
        p.fields.put("country", chance(0.9) ? city.country() : null);
        p.fields.put("postalCode", chance(0.85) ? postalCode(city) : null);
        p.fields.put("timezone", chance(0.8) ? city.timezone() : null);
        p.fields.put("source", chance(0.9) ? pick(SOURCES) : null);
        p.createdAt = Instant.parse("2024-01-02T00:00:00Z")
                .plus(Duration.ofMinutes(random.nextInt((int) Duration.ofDays(1050).toMinutes())));
        if (chance(0.6)) {
            p.fields.put("dateOfBirth", LocalDate.of(1958, 1, 1).plusDays(random.nextInt(365 * 45)).toString());
        }

        boolean client = chance(0.38);
        boolean lead = !client && chance(0.45);
        if (client) {
            p.tags.add("Active Client");
        }
        if (lead) {
            p.tags.add("lead");
        }
        if (chance(client ? 0.25 : 0.04)) {
            p.tags.add("vip");
        }
        if (chance(0.45)) {
            p.tags.add("newsletter");
        }
        if (!client && !lead && chance(0.25)) {
            p.tags.add("churned");
        }
        if (chance(0.03)) {
            p.tags.add("partner");
        }
        p.dnd = chance(0.04);
        double roll = random.nextDouble();
        p.engagement = roll < 0.27 ? 0.8 : roll < 0.65 ? 0.35 : 0.07;
        if (client) {
            p.engagement = Math.min(0.9, p.engagement + 0.1);
        }

        if (client) {
            String plan = weightedPlan();
            p.custom.put("plan", plan);
            p.custom.put("seats", plan.equals("starter") ? 1 + random.nextInt(3) : 2 + random.nextInt(60));
            p.custom.put("trial", false);
            p.custom.put("renewalDate", renewalDate().toString());
            p.custom.put("lifetimeValue", lifetimeValue(plan));
        } else if (lead) {
            if (chance(0.5)) {
                p.custom.put("plan", pick(List.of("gold", "silver", "starter")));
                p.custom.put("seats", 1 + random.nextInt(15));
                p.custom.put("trial", true);
                p.custom.put("trialEndsAt", TOUR_AT.plus(Duration.ofHours(6 + random.nextInt(24 * 14)))
                        .truncatedTo(ChronoUnit.HOURS).toString());
            }
        } else if (p.tags.contains("churned")) {
            p.custom.put("plan", "free");
            p.custom.put("lifetimeValue", 100 + random.nextInt(3000));
        }
        if (chance(0.2)) {
            p.custom.put("industry", pick(List.of("dental", "real estate", "fitness", "legal", "retail", "SaaS")));
        }
        if (p.createdAt.isBefore(Instant.parse("2026-06-01T00:00:00Z")) && chance(0.4)) {
            // history older than events.jsonl: opens and sends the CRM already knew about
            p.lastSent = Instant.parse("2026-09-16T14:00:00Z");
            p.lastOpened = chance(p.engagement) ? p.lastSent.plus(Duration.ofMinutes(30 + random.nextInt(3000))) : null;
        }
        return p;
    }

    private String weightedPlan() {
        double r = random.nextDouble();
        return r < 0.35 ? "gold" : r < 0.5 ? "platinum" : r < 0.8 ? "silver" : "starter";
    }

    private LocalDate renewalDate() {
        LocalDate today = LocalDate.ofInstant(TOUR_AT, ZoneOffset.UTC);
        double r = random.nextDouble();
        if (r < 0.08) {
            return today.minusDays(1 + random.nextInt(30)); // overdue
        }
        return r < 0.45 ? today.plusDays(1 + random.nextInt(60)) : today.plusDays(61 + random.nextInt(300));
    }

    private int lifetimeValue(String plan) {
        int base = switch (plan) {
            case "platinum" -> 4000;
            case "gold" -> 1200;
            case "silver" -> 400;
            default -> 100;
        };
        return base / 2 + random.nextInt(base * 2);
    }

    private String postalCode(City city) {
        return switch (city.country()) {
            case "US" -> city.postalPrefix() + digits(2);
            default -> city.postalPrefix() + " " + digits(1) + "AB";
        };
    }

    /** Mostly as is; sometimes lower-cased or with stray spaces, as imported data is. */
    private String messy(String value) {
        double r = random.nextDouble();
        return r < 0.05 ? value.toLowerCase(Locale.ROOT) : r < 0.09 ? " " + value + " " : value;
    }

    private City weighted() {
        int total = CITIES.stream().mapToInt(City::weight).sum();
        int r = random.nextInt(total);
        for (City c : CITIES) {
            r -= c.weight();
            if (r < 0) {
                return c;
            }
        }
        throw new IllegalStateException();
    }

    // ---- email history ----

    private List<Map<String, Object>> emailHistory(List<Person> people) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Campaign campaign : CAMPAIGNS) {
            int n = 0;
            for (Person p : people) {
                boolean audience = p.tags.contains("newsletter") || p.tags.contains("Active Client")
                        || p.tags.contains("lead") || campaign.id().endsWith("promo") || campaign.id().equals("black-friday");
                if (!audience || p.dnd || !p.emailStatus.equals("subscribed") || p.createdAt.isAfter(campaign.sentAt())
                        || p.tags.contains("churned") && chance(0.5)) {
                    continue;
                }
                Instant sent = campaign.sentAt().plusSeconds(2L * n++);
                events.add(event(p.id(), "email.sent", sent, campaign.id(), null));
                p.lastSent = later(p.lastSent, sent);
                if (chance(0.012)) {
                    events.add(event(p.id(), "email.bounced", sent.plusSeconds(20), campaign.id(), null));
                    p.emailStatus = "bounced";
                    continue;
                }
                events.add(event(p.id(), "email.delivered", sent.plusSeconds(20), campaign.id(), null));
                if (!chance(p.engagement)) {
                    continue;
                }
                Instant opened = sent.plus(delay());
                int opens = chance(0.3) ? 2 : 1;
                for (int i = 0; i < opens && opened.isBefore(TOUR_AT); i++) {
                    events.add(event(p.id(), "email.opened", opened, campaign.id(), null));
                    p.lastOpened = later(p.lastOpened, opened);
                    if (i == 0 && chance(0.35)) {
                        Instant clicked = opened.plusSeconds(5 + random.nextInt(300));
                        if (clicked.isBefore(TOUR_AT)) {
                            events.add(event(p.id(), "email.clicked", clicked, campaign.id(),
                                    "https://shop.example.com/" + campaign.id()));
                            p.lastClicked = later(p.lastClicked, clicked);
                        }
                    }
                    opened = opened.plus(delay());
                }
                if (chance(0.01)) {
                    events.add(event(p.id(), "email.unsubscribed", sent.plus(Duration.ofHours(2)), campaign.id(), null));
                    p.emailStatus = "unsubscribed";
                }
            }
        }
        events.removeIf(e -> !Instant.parse((String) e.get("at")).isBefore(TOUR_AT));
        events.sort(Comparator.comparing((Map<String, Object> e) -> Instant.parse((String) e.get("at")))
                .thenComparing(e -> (String) e.get("contactId")));
        return events;
    }

    /** Minutes to days: most opens come soon after the send. */
    private Duration delay() {
        double r = random.nextDouble();
        int minutes = r < 0.6 ? 1 + random.nextInt(180) : r < 0.9 ? 180 + random.nextInt(21 * 60) : 1440 + random.nextInt(2880);
        return Duration.ofMinutes(minutes).plusSeconds(random.nextInt(60));
    }

    private static Instant later(Instant current, Instant at) {
        return current == null || current.isBefore(at) ? at : current;
    }

    private static Map<String, Object> event(String contactId, String type, Instant at, String campaignId, String url) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("contactId", contactId);
        e.put("type", type);
        if (at != null) {
            e.put("at", at.toString());
        }
        if (campaignId != null) {
            e.put("campaignId", campaignId);
        }
        if (url != null) {
            e.put("url", url);
        }
        return e;
    }

    // ---- replay timeline ----

    /**
     * A small story for {@code replay}: Dana (Denver, Active Client) opens an email and moves from win-back into
     * recently-engaged and engaged-texas-clients, then leaves both exactly 7 days later; Luis (Houston, a lead) is
     * in engaged-texas-clients by his state and stays after his open turns old, until he moves to Oklahoma; Priya
     * (a big spender) gets the Active Client tag, unsubscribes, and is deleted.
     */
    private List<Map<String, Object>> timeline() {
        Map<String, Object> dana = contact("c-9001", "dana.whitfield@gmail.com", "Dana", "Whitfield", "Denver", "CO",
                "America/Denver", "website", "2025-03-14T17:45:00Z", List.of("Active Client", "newsletter"));
        dana.put("lastEmailSentAt", "2026-11-10T15:00:00Z");
        dana.put("lastEmailOpenedAt", "2026-11-10T16:20:00Z");
        dana.put("custom", custom("silver", 3, false, "2027-05-01", 640));

        Map<String, Object> luis = contact("c-9002", "luis.ortega@outlook.com", "Luis", "Ortega", "Houston", "TX",
                "America/Chicago", "webinar", "2026-11-20T19:05:00Z", List.of("lead"));
        Map<String, Object> luisTrial = new LinkedHashMap<>();
        luisTrial.put("plan", "gold");
        luisTrial.put("seats", 2);
        luisTrial.put("trial", true);
        luis.put("custom", luisTrial);

        Map<String, Object> priya = contact("c-9003", "priya.nair@redwoodroofing.com", "Priya", "Nair", "Seattle",
                "WA", "America/Los_Angeles", "referral", "2024-06-03T09:30:00Z", List.of("vip"));
        priya.put("custom", custom("platinum", 40, false, "2027-01-15", 18500));

        Map<String, Object> priyaClient = new LinkedHashMap<>(priya);
        priyaClient.put("tags", List.of("vip", "Active Client"));

        Map<String, Object> luisMoved = new LinkedHashMap<>(luis);
        luisMoved.put("city", "Oklahoma City");
        luisMoved.put("state", "OK");
        luisMoved.put("lastEmailSentAt", "2026-11-30T14:00:02Z");
        luisMoved.put("lastEmailOpenedAt", "2026-11-30T16:10:00Z");
        luisMoved.put("lastEmailClickedAt", "2026-11-30T16:12:30Z");
        luisMoved.put("custom", luisMoved.remove("custom")); // SPEC 2 order: custom last

        return List.of(
                upsert("2026-11-28T12:00:00Z", dana),
                upsert("2026-11-28T12:00:00Z", luis),
                upsert("2026-11-28T12:00:00Z", priya),
                eventLine("2026-11-30T14:00:00Z", event("c-9001", "email.sent", null, "cyber-monday", null)),
                eventLine("2026-11-30T14:00:02Z", event("c-9002", "email.sent", null, "cyber-monday", null)),
                eventLine("2026-11-30T14:25:00Z", event("c-9001", "email.opened", null, "cyber-monday", null)),
                eventLine("2026-11-30T16:10:00Z", event("c-9002", "email.opened", null, "cyber-monday", null)),
                eventLine("2026-11-30T16:12:30Z", event("c-9002", "email.clicked", null, "cyber-monday",
                        "https://shop.example.com/cyber-monday")),
                upsert("2026-12-01T09:00:00Z", priyaClient),
                eventLine("2026-12-02T10:00:00Z", event("c-9003", "email.unsubscribed", null, null, null)),
                line("2026-12-03T08:00:00Z", "delete", "id", "c-9003"),
                line("2026-12-08T09:00:00Z", "tick", null, null),
                upsert("2026-12-10T12:00:00Z", luisMoved));
    }

    private static Map<String, Object> contact(String id, String email, String first, String last, String city,
            String state, String timezone, String source, String createdAt, List<String> tags) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("email", email);
        c.put("firstName", first);
        c.put("lastName", last);
        c.put("city", city);
        c.put("state", state);
        c.put("country", "US");
        c.put("timezone", timezone);
        c.put("source", source);
        c.put("createdAt", createdAt);
        c.put("tags", tags);
        return c;
    }

    private static Map<String, Object> custom(String plan, int seats, boolean trial, String renewalDate,
            int lifetimeValue) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("plan", plan);
        c.put("seats", seats);
        c.put("trial", trial);
        c.put("renewalDate", renewalDate);
        c.put("lifetimeValue", lifetimeValue);
        return c;
    }

    private static Map<String, Object> upsert(String at, Map<String, Object> contact) {
        return line(at, "upsert", "contact", contact);
    }

    private static Map<String, Object> eventLine(String at, Map<String, Object> event) {
        return line(at, "event", "event", event);
    }

    private static Map<String, Object> line(String at, String op, String key, Object value) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", at);
        line.put("op", op);
        if (key != null) {
            line.put(key, value);
        }
        return line;
    }

    // ---- randomness ----

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
