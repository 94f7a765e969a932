package dev.segments.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** About 200 marketing tags in popularity order, drawn Zipf-like ({@code s = 1.1}). */
final class TagVocabulary {

    static final double EXPONENT = 1.1;

    private static final List<String> NAMED = List.of("newsletter", "Active Client", "lead", "vip", "prospect",
            "customer", "webinar-2026", "ebook-download", "trial-user", "hot lead", "cold lead", "demo-requested",
            "black-friday-2026", "event-attendee", "partner", "referral", "churn-risk", "upsell", "onboarding",
            "do-not-call", "pricing-page", "case-study", "product-tour", "abandoned-cart", "repeat-buyer", "influencer",
            "beta-tester", "annual-plan", "monthly-plan", "enterprise", "smb", "startup", "agency", "nonprofit",
            "education", "healthcare", "real-estate", "ecommerce", "saas", "finance", "retail", "manufacturing",
            "hospitality", "legal", "consulting", "podcast-listener", "survey-completed", "nps-promoter",
            "nps-detractor", "support-ticket", "cancelled", "reactivated", "whitepaper", "free-consult",
            "conference-2026", "conference-2025", "webinar-2025", "spring-sale", "summer-sale", "holiday-2025",
            "giveaway", "affiliate", "ambassador", "high-intent", "low-engagement", "sms-opt-in", "facebook-lead",
            "google-ads-lead", "linkedin-lead", "trade-show");
    private static final List<String> TOPICS = List.of("seo", "email-marketing", "automation", "crm", "analytics",
            "social-media", "content", "ppc", "branding", "sales-training", "ai", "integrations", "mobile", "payments",
            "reporting", "funnels", "landing-pages", "sms", "chatbots", "reviews");

    static final int SIZE = 200;

    private final List<String> tags;
    private final Zipf zipf;

    TagVocabulary() {
        List<String> all = new ArrayList<>(NAMED);
        TOPICS.forEach(t -> all.add("interest-" + t));
        for (int month = 1; month <= 12; month++) {
            all.add(String.format("webinar-2026-%02d", month));
        }
        for (int year = 2024; year <= 2026; year++) {
            for (int q = 1; q <= 4; q++) {
                all.add("campaign-q" + q + "-" + year);
            }
        }
        TOPICS.forEach(t -> all.add("course-" + t));
        for (int i = 1; all.size() < SIZE; i++) {
            all.add("list-import-" + i);
        }
        this.tags = List.copyOf(all);
        this.zipf = new Zipf(tags.size(), EXPONENT);
    }

    /** Every tag, most popular first. */
    List<String> tags() {
        return tags;
    }

    /** The tag of that popularity rank (0 is the most popular). */
    String tag(int rank) {
        return tags.get(rank);
    }

    String pick(Random random) {
        return tags.get(zipf.sample(random));
    }

    /** {@code n} different tags (fewer if the draws keep repeating). */
    Set<String> distinct(Random random, int n) {
        Set<String> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < n && tries < n * 10; tries++) {
            out.add(pick(random));
        }
        return out;
    }
}
