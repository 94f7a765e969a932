package dev.segments.bench.sql;

import dev.segments.definition.ContactField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standard fields' columns in {@code contacts}. A text field has two: its value trimmed, case kept (for
 * {@code matches}), and the same lower-cased (every other text operator); blank is stored as NULL, which the spec
 * treats as absent. {@code email_status} is always lower case, so it has one. Date-only values are stored as the
 * instant 00:00 of that day in the subject's zone.
 */
final class ContactColumns {

    static final List<ContactField> TEXT = List.of(ContactField.EMAIL, ContactField.FIRST_NAME,
            ContactField.LAST_NAME, ContactField.PHONE, ContactField.COMPANY_NAME, ContactField.CITY,
            ContactField.STATE, ContactField.COUNTRY, ContactField.POSTAL_CODE, ContactField.TIMEZONE,
            ContactField.SOURCE);
    static final List<ContactField> TIME = List.of(ContactField.CREATED_AT, ContactField.DATE_OF_BIRTH,
            ContactField.LAST_EMAIL_SENT_AT, ContactField.LAST_EMAIL_OPENED_AT, ContactField.LAST_EMAIL_CLICKED_AT);

    private ContactColumns() {
    }

    /** {@code lastEmailSentAt} to {@code last_email_sent_at}. */
    static String column(ContactField field) {
        return field.wireName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The column a text operator other than {@code matches} compares: lower case. */
    static String lowerColumn(ContactField field) {
        return field == ContactField.EMAIL_STATUS ? column(field) : column(field) + "_lc";
    }

    /** Every column after {@code id}, in the order {@link ContactRow#values()} gives them. */
    static List<String> valueColumns() {
        List<String> columns = new ArrayList<>();
        for (ContactField f : TEXT) {
            columns.add(column(f));
            columns.add(lowerColumn(f));
        }
        columns.add(column(ContactField.EMAIL_STATUS));
        columns.add(column(ContactField.DND));
        TIME.forEach(f -> columns.add(column(f)));
        return columns;
    }
}
