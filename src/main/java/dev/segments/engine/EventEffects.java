package dev.segments.engine;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.TimePoint;
import java.time.ZoneOffset;
import java.util.List;

/** What an email event does to its contact's fields (SPEC 3). */
final class EventEffects {

    private EventEffects() {
    }

    /** The contact after the events, in the order given. */
    static ContactData applyAll(ContactData contact, List<EmailEvent> events) {
        ContactData after = contact;
        for (EmailEvent event : events) {
            after = apply(after, event);
        }
        return after;
    }

    /** The contact after the event: the same instance when the event changes none of its fields. */
    static ContactData apply(ContactData contact, EmailEvent event) {
        TimePoint at = new TimePoint.AtInstant(event.at());
        return switch (event.type()) {
            case SENT -> isLater(at, contact.lastEmailSentAt())
                    ? contact.toBuilder().lastEmailSentAt(at).build() : contact;
            case OPENED -> isLater(at, contact.lastEmailOpenedAt())
                    ? contact.toBuilder().lastEmailOpenedAt(at).build() : contact;
            case CLICKED -> isLater(at, contact.lastEmailClickedAt())
                    ? contact.toBuilder().lastEmailClickedAt(at).build() : contact;
            case BOUNCED -> withStatus(contact, EmailStatus.BOUNCED);
            case UNSUBSCRIBED -> withStatus(contact, EmailStatus.UNSUBSCRIBED);
            case DELIVERED -> contact;
        };
    }

    private static ContactData withStatus(ContactData contact, EmailStatus status) {
        return contact.emailStatus() == status ? contact : contact.toBuilder().emailStatus(status).build();
    }

    /** Whether the candidate moves the field forward; a date-only value counts as midnight UTC for this comparison. */
    private static boolean isLater(TimePoint candidate, TimePoint current) {
        return current == null || candidate.resolve(ZoneOffset.UTC).isAfter(current.resolve(ZoneOffset.UTC));
    }
}
