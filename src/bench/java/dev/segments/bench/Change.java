package dev.segments.bench;

import dev.segments.contact.ContactData;
import dev.segments.contact.EmailEvent;

/** One change of the change stream, to one existing contact. */
public sealed interface Change {

    String contactId();

    /** What kind of change, for the tables: {@code tag added}, {@code tag removed}, {@code field changed}, ... */
    String kind();

    /** The contact replaced whole: a tag added or removed, or a field changed. */
    record Edit(ContactData before, ContactData after, String kind) implements Change {
        @Override
        public String contactId() {
            return after.id();
        }
    }

    /** An email event recorded now (for example an email opened). */
    record Event(EmailEvent event) implements Change {
        @Override
        public String contactId() {
            return event.contactId();
        }

        @Override
        public String kind() {
            return "email " + event.type().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
