package dev.segments.bench.workload;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.EmailEventType;
import dev.segments.definition.TimePoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded email events of the 30 days before {@link Workload#START}, in time order. Only subscribed contacts without
 * {@code dnd} get mail. Each contact has an engagement drawn log-normally (mean 1), so a few contacts are far more
 * active than most; its number of events is about engagement times the average asked for. A send is
 * {@code email.sent}, then {@code email.delivered} seconds later, or {@code email.bounced} (1.5%, the last mail that
 * contact gets); engaged contacts open more (sometimes several times) and click more; an open is followed by
 * {@code email.unsubscribed} 0.5% of the time. 85% of sends belong to a campaign of {@link Campaigns}.
 */
public final class RealisticEvents {

    private static final Duration WINDOW = Duration.ofDays(30);

    private final Random random;
    private final Campaigns campaigns = new Campaigns();

    public RealisticEvents(long seed) {
        this.random = new Random(seed ^ 0x6576656eL);
    }

    /** About {@code perContactAverage} events per contact over all contacts, none after {@link Workload#START}. */
    public List<EmailEvent> events(List<ContactData> contacts, int perContactAverage) {
        long mailable = contacts.stream().filter(RealisticEvents::mailable).count();
        double scale = mailable == 0 ? 0 : perContactAverage * (double) contacts.size() / mailable;
        List<EmailEvent> events = new ArrayList<>();
        for (ContactData c : contacts) {
            if (mailable(c)) {
                double engagement = Math.exp(random.nextGaussian() - 0.5);
                contactEvents(c.id(), engagement, (int) Math.round(engagement * scale), events);
            }
        }
        events.sort(Comparator.comparing(EmailEvent::at));
        return events;
    }

    /**
     * The contacts with the events' effects (SPEC 3): {@code lastEmail<Type>At} moved forward, never back,
     * {@code emailStatus} set by a bounce or an unsubscribe. Loading these contacts and then the events changes nothing.
     */
    public static List<ContactData> withEffects(List<ContactData> contacts, List<EmailEvent> events) {
        Map<String, List<EmailEvent>> byContact = new HashMap<>();
        for (EmailEvent e : events) {
            byContact.computeIfAbsent(e.contactId(), id -> new ArrayList<>()).add(e);
        }
        return contacts.stream().map(c -> withEffects(c, byContact.getOrDefault(c.id(), List.of()))).toList();
    }

    private static ContactData withEffects(ContactData c, List<EmailEvent> events) {
        if (events.isEmpty()) {
            return c;
        }
        ContactData.Builder b = c.toBuilder();
        Instant sent = instant(c.lastEmailSentAt());
        Instant opened = instant(c.lastEmailOpenedAt());
        Instant clicked = instant(c.lastEmailClickedAt());
        for (EmailEvent e : events) {
            switch (e.type()) {
                case SENT -> sent = later(sent, e.at());
                case OPENED -> opened = later(opened, e.at());
                case CLICKED -> clicked = later(clicked, e.at());
                case BOUNCED -> b.emailStatus(EmailStatus.BOUNCED);
                case UNSUBSCRIBED -> b.emailStatus(EmailStatus.UNSUBSCRIBED);
                case DELIVERED -> {
                }
            }
        }
        return b.lastEmailSentAt(point(sent)).lastEmailOpenedAt(point(opened)).lastEmailClickedAt(point(clicked))
                .build();
    }

    /** Generated contacts hold instants only, so no zone is needed to compare them. */
    private static Instant instant(TimePoint p) {
        return p == null ? null : p.resolve(ZoneOffset.UTC);
    }

    private static Instant later(Instant current, Instant at) {
        return current == null || current.isBefore(at) ? at : current;
    }

    private static TimePoint point(Instant t) {
        return t == null ? null : new TimePoint.AtInstant(t);
    }

    private static boolean mailable(ContactData c) {
        return c.emailStatus() == EmailStatus.SUBSCRIBED && !c.dnd();
    }

    private void contactEvents(String id, double engagement, int wanted, List<EmailEvent> out) {
        double openRate = Math.min(0.9, 0.2 + 0.2 * engagement);
        double clickRate = Math.min(0.6, 0.15 + 0.1 * engagement);
        int made = 0;
        for (int sends = 0; made < wanted && sends < 200; sends++) {
            Optional<String> campaign;
            Instant sentAt;
            if (random.nextDouble() < 0.85) {
                Campaigns.Campaign c = campaigns.pick(random);
                campaign = Optional.of(c.id());
                sentAt = c.id().equals(Campaigns.WELCOME) ? randomInWindow()
                        : c.sentAt().plusMillis((long) (random.nextDouble() * 3 * 3600_000));
            } else {
                campaign = Optional.empty();
                sentAt = randomInWindow();
            }
            List<EmailEvent> send = new ArrayList<>();
            send.add(new EmailEvent(id, EmailEventType.SENT, sentAt, campaign, Optional.empty()));
            boolean last = false;
            if (random.nextDouble() < 0.015) {
                send.add(new EmailEvent(id, EmailEventType.BOUNCED, sentAt.plusSeconds(2 + random.nextInt(60)), campaign,
                        Optional.empty()));
                last = true;
            } else {
                send.add(new EmailEvent(id, EmailEventType.DELIVERED, sentAt.plusSeconds(1 + random.nextInt(30)),
                        campaign, Optional.empty()));
                if (random.nextDouble() < openRate) {
                    Instant openedAt = sentAt.plusMillis((long) (-Math.log(1 - random.nextDouble()) * 6 * 3600_000));
                    send.add(new EmailEvent(id, EmailEventType.OPENED, openedAt, campaign, Optional.empty()));
                    int reopens = random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 0;
                    for (int r = 0; r < reopens; r++) {
                        send.add(new EmailEvent(id, EmailEventType.OPENED,
                                openedAt.plusSeconds(60 + random.nextInt(2 * 24 * 3600)), campaign, Optional.empty()));
                    }
                    if (random.nextDouble() < clickRate) {
                        send.add(new EmailEvent(id, EmailEventType.CLICKED, openedAt.plusSeconds(5 + random.nextInt(900)),
                                campaign, Optional.of("https://example.com/" + campaign.orElse("offer"))));
                    }
                    if (random.nextDouble() < 0.005) {
                        send.add(new EmailEvent(id, EmailEventType.UNSUBSCRIBED,
                                openedAt.plusSeconds(10 + random.nextInt(600)), campaign, Optional.empty()));
                        last = true;
                    }
                }
            }
            for (EmailEvent e : send) {
                if (!e.at().isAfter(Workload.START)) {
                    out.add(e);
                    made++;
                }
            }
            if (last) {
                return;
            }
        }
    }

    private Instant randomInWindow() {
        return Workload.START.minusMillis((long) (random.nextDouble() * WINDOW.toMillis()));
    }
}
