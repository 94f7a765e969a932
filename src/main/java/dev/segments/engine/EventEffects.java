package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.TimePoint;
import java.time.Instant;
import java.time.ZoneOffset;

/** What an email event does to its contact's fields (SPEC 3). */
final class EventEffects {

    private EventEffects() {
    }

    static ContactData apply(ContactData contact, EmailEvent event) {
        ContactData.Builder builder = contact.toBuilder();
        TimePoint at = new TimePoint.AtInstant(event.at());
        switch (event.type()) {
            case SENT -> builder.lastEmailSentAt(later(contact.lastEmailSentAt(), at));
            case OPENED -> builder.lastEmailOpenedAt(later(contact.lastEmailOpenedAt(), at));
            case CLICKED -> builder.lastEmailClickedAt(later(contact.lastEmailClickedAt(), at));
            case BOUNCED -> builder.emailStatus(EmailStatus.BOUNCED);
            case UNSUBSCRIBED -> builder.emailStatus(EmailStatus.UNSUBSCRIBED);
            case DELIVERED -> {
            }
        }
        return builder.build();
    }

    /** The later of the two; a date-only value counts as midnight UTC for this comparison. */
    private static TimePoint later(TimePoint current, TimePoint candidate) {
        if (current == null) {
            return candidate;
        }
        Instant a = current.resolve(ZoneOffset.UTC);
        Instant b = candidate.resolve(ZoneOffset.UTC);
        return b.isAfter(a) ? candidate : current;
    }
}
