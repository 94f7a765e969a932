package dev.segments.bench;

import dev.segments.contact.ContactData;
import dev.segments.definition.ContactField;
import dev.segments.definition.TimePoint;

/** A standard field's value as the contact gives it, for the baselines that store or compile contacts their own way. */
public final class ContactFieldValues {

    private ContactFieldValues() {
    }

    /** A text field's value as written ({@code emailStatus} as its wire name), or null when absent. */
    public static String text(ContactData c, ContactField field) {
        return switch (field) {
            case EMAIL -> c.email();
            case FIRST_NAME -> c.firstName();
            case LAST_NAME -> c.lastName();
            case PHONE -> c.phone();
            case COMPANY_NAME -> c.companyName();
            case CITY -> c.city();
            case STATE -> c.state();
            case COUNTRY -> c.country();
            case POSTAL_CODE -> c.postalCode();
            case TIMEZONE -> c.timezone();
            case SOURCE -> c.source();
            case EMAIL_STATUS -> c.emailStatus().wireName();
            default -> throw new IllegalArgumentException(field + " is not a text field");
        };
    }

    /** A time field's value, or null when absent. */
    public static TimePoint time(ContactData c, ContactField field) {
        return switch (field) {
            case CREATED_AT -> c.createdAt();
            case DATE_OF_BIRTH -> c.dateOfBirth();
            case LAST_EMAIL_SENT_AT -> c.lastEmailSentAt();
            case LAST_EMAIL_OPENED_AT -> c.lastEmailOpenedAt();
            case LAST_EMAIL_CLICKED_AT -> c.lastEmailClickedAt();
            default -> throw new IllegalArgumentException(field + " is not a time field");
        };
    }
}
