package dev.segments.bench.sql;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;
import dev.segments.contact.EmailStatus;
import dev.segments.definition.ContactField;
import dev.segments.definition.TimePoint;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an email event does to its contact (SPEC 2, 3): {@code sent}, {@code opened}, {@code clicked} move
 * {@code lastEmail<Type>At} forward (never back); {@code bounced} and {@code unsubscribed} set {@code emailStatus}.
 * In Java for a bulk load, as an UPDATE for a single event.
 */
final class EventEffect {

    private EventEffect() {
    }

    static ContactData applyTo(ContactData c, EmailEvent e, ZoneId zone) {
        ContactData.Builder b = c.toBuilder();
        switch (e.type()) {
            case SENT -> b.lastEmailSentAt(later(c.lastEmailSentAt(), e, zone));
            case OPENED -> b.lastEmailOpenedAt(later(c.lastEmailOpenedAt(), e, zone));
            case CLICKED -> b.lastEmailClickedAt(later(c.lastEmailClickedAt(), e, zone));
            case BOUNCED -> b.emailStatus(EmailStatus.BOUNCED);
            case UNSUBSCRIBED -> b.emailStatus(EmailStatus.UNSUBSCRIBED);
            case DELIVERED -> {
            }
        }
        return b.build();
    }

    /** The UPDATE of {@code contacts} for one event, if it changes anything. */
    static Optional<Sql> update(EmailEvent e) {
        Optional<ContactField> moved = switch (e.type()) {
            case SENT -> Optional.of(ContactField.LAST_EMAIL_SENT_AT);
            case OPENED -> Optional.of(ContactField.LAST_EMAIL_OPENED_AT);
            case CLICKED -> Optional.of(ContactField.LAST_EMAIL_CLICKED_AT);
            default -> Optional.empty();
        };
        if (moved.isPresent()) {
            String column = ContactColumns.column(moved.get());
            return Optional.of(Sql.of("UPDATE contacts SET " + column + " = ? WHERE id = ? AND (" + column
                    + " IS NULL OR " + column + " < ?)", e.at(), e.contactId(), e.at()));
        }
        String status = switch (e.type()) {
            case BOUNCED -> EmailStatus.BOUNCED.wireName();
            case UNSUBSCRIBED -> EmailStatus.UNSUBSCRIBED.wireName();
            default -> null;
        };
        return status == null ? Optional.empty()
                : Optional.of(Sql.of("UPDATE contacts SET email_status = ? WHERE id = ?", status, e.contactId()));
    }

    private static TimePoint later(TimePoint current, EmailEvent e, ZoneId zone) {
        return current == null || current.resolve(zone).isBefore(e.at()) ? new TimePoint.AtInstant(e.at()) : current;
    }
}
