package dev.segments.bench.workload;

import dev.segments.bench.Change;
import dev.segments.contact.ContactData;
import dev.segments.contact.CustomValue;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.TimePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded single changes to contacts, as a CRM sees them: tag added 30% (Zipf-like tags), tag removed 15% (a tag the
 * contact has; a tag is added instead when it has none), field changed 25% (state with city and time zone, city,
 * plan, score, seats, trial, email status, dnd), email opened 30% (at {@code now}, 70% of them for a campaign).
 * Contacts are chosen uniformly.
 */
public final class ChangeStream {

    private static final List<String> PLANS = List.of("free", "basic", "gold", "platinum");

    private final Random random;
    private final TagVocabulary tags = new TagVocabulary();
    private final Places places = new Places();

    public ChangeStream(long seed) {
        this.random = new Random(seed ^ 0x63686e67L);
    }

    /** The index of the next contact to change, among {@code contactCount}. */
    public int nextContact(int contactCount) {
        return random.nextInt(contactCount);
    }

    /** One change to {@code current} at {@code now}; an edit's {@code after} is the whole new contact. */
    public Change next(ContactData current, Instant now) {
        int roll = random.nextInt(100);
        if (roll < 30 || (roll < 45 && current.tags().isEmpty())) {
            return new Change.Edit(current, current.toBuilder().addTag(newTag(current)).build(), "tag added");
        } else if (roll < 45) {
            List<String> own = new ArrayList<>(current.tags());
            return new Change.Edit(current, current.toBuilder().removeTag(own.get(random.nextInt(own.size()))).build(),
                    "tag removed");
        } else if (roll < 70) {
            return new Change.Edit(current, fieldChanged(current), "field changed");
        }
        Optional<String> campaign = random.nextDouble() < 0.7
                ? Optional.of(Campaigns.ALL.get(random.nextInt(Campaigns.ALL.size())).id()) : Optional.empty();
        return new Change.Event(new EmailEvent(current.id(), EmailEventType.OPENED, now, campaign, Optional.empty()));
    }

    /**
     * {@code count} changes to {@code contacts}, each to the contact as the earlier changes left it, all at
     * {@code now}.
     */
    public List<Change> changes(List<ContactData> contacts, Instant now, int count) {
        List<ContactData> current = new ArrayList<>(contacts);
        List<Change> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = nextContact(current.size());
            Change change = next(current.get(index), now);
            out.add(change);
            current.set(index, after(current.get(index), change));
        }
        return out;
    }

    /** The contact after the change (an email opened moves {@code lastEmailOpenedAt} forward, SPEC 3). */
    public static ContactData after(ContactData before, Change change) {
        if (change instanceof Change.Edit edit) {
            return edit.after();
        }
        Instant at = ((Change.Event) change).event().at();
        TimePoint opened = before.lastEmailOpenedAt();
        return opened == null || opened.resolve(ZoneOffset.UTC).isBefore(at)
                ? before.toBuilder().lastEmailOpenedAt(new TimePoint.AtInstant(at)).build() : before;
    }

    private String newTag(ContactData c) {
        for (int tries = 0; tries < 20; tries++) {
            String tag = tags.pick(random);
            if (!c.tags().contains(tag)) {
                return tag;
            }
        }
        return tags.tags().stream().filter(t -> !c.tags().contains(t)).findFirst().orElseThrow();
    }

    private ContactData fieldChanged(ContactData c) {
        ContactData.Builder b = c.toBuilder();
        switch (random.nextInt(8)) {
            case 0 -> {
                Place p = places.pick(random);
                b.state(p.state()).city(p.city()).country(p.country()).postalCode(p.postalCode()).timezone(p.timezone());
            }
            case 1 -> b.city(places.cities().get(random.nextInt(places.cities().size())));
            case 2 -> b.custom("plan", new CustomValue.Text(other(PLANS, text(c.custom().get("plan")))));
            case 3 -> b.custom("score", number(random.nextInt(101)));
            case 4 -> b.custom("seats", number(1 + random.nextInt(200)));
            case 5 -> b.custom("trial", new CustomValue.Bool(!(c.custom().get("trial") instanceof CustomValue.Bool t
                    && t.value())));
            case 6 -> b.emailStatus(c.emailStatus() == EmailStatus.SUBSCRIBED ? EmailStatus.UNSUBSCRIBED
                    : EmailStatus.SUBSCRIBED);
            default -> b.dnd(!c.dnd());
        }
        ContactData after = b.build();
        return after.equals(c) ? c.toBuilder().dnd(!c.dnd()).build() : after;
    }

    private String other(List<String> values, String current) {
        List<String> others = values.stream().filter(v -> !v.equalsIgnoreCase(String.valueOf(current))).toList();
        return others.get(random.nextInt(others.size()));
    }

    private static String text(CustomValue v) {
        return v instanceof CustomValue.Text t ? t.value() : null;
    }

    private static CustomValue number(int n) {
        return new CustomValue.Number(BigDecimal.valueOf(n));
    }
}
