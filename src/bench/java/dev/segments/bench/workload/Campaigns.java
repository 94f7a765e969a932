package dev.segments.bench.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** The email campaigns of the 30 days before {@link Workload#START}, each sent at one time (welcome mails any time). */
final class Campaigns {

    record Campaign(String id, Instant sentAt) {
    }

    static final String WELCOME = "welcome-series";

    static final List<Campaign> ALL = List.of(
            campaign("weekly-digest-47", 6), campaign("black-friday-2026", 1.5), campaign("weekly-digest-46", 13),
            campaign("nov-promo", 18), campaign("black-friday-teaser", 5), campaign("weekly-digest-45", 20),
            campaign("webinar-invite-dec", 9), campaign("product-update-nov", 15), campaign("weekly-digest-44", 27),
            campaign("renewal-reminder", 11), campaign("customer-survey", 24), campaign(WELCOME, 30));

    private final Zipf popularity = new Zipf(ALL.size(), 0.6);

    /** A campaign, the bigger sends more often. */
    Campaign pick(Random random) {
        return ALL.get(popularity.sample(random));
    }

    static List<String> ids() {
        return ALL.stream().map(Campaign::id).toList();
    }

    private static Campaign campaign(String id, double daysAgo) {
        return new Campaign(id, Workload.START.minus(Duration.ofMinutes((long) (daysAgo * 24 * 60))));
    }
}
