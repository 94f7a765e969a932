package dev.segments.definition;

import java.util.Arrays;
import java.util.Optional;

/** The standard contact fields of SPEC 2 that segment conditions can read, with their kind. */
public enum ContactField {
    EMAIL("email", FieldKind.TEXT),
    FIRST_NAME("firstName", FieldKind.TEXT),
    LAST_NAME("lastName", FieldKind.TEXT),
    PHONE("phone", FieldKind.TEXT),
    COMPANY_NAME("companyName", FieldKind.TEXT),
    CITY("city", FieldKind.TEXT),
    STATE("state", FieldKind.TEXT),
    COUNTRY("country", FieldKind.TEXT),
    POSTAL_CODE("postalCode", FieldKind.TEXT),
    TIMEZONE("timezone", FieldKind.TEXT),
    SOURCE("source", FieldKind.TEXT),
    EMAIL_STATUS("emailStatus", FieldKind.TEXT),
    DND("dnd", FieldKind.BOOLEAN),
    CREATED_AT("createdAt", FieldKind.TIME),
    DATE_OF_BIRTH("dateOfBirth", FieldKind.TIME),
    LAST_EMAIL_SENT_AT("lastEmailSentAt", FieldKind.TIME),
    LAST_EMAIL_OPENED_AT("lastEmailOpenedAt", FieldKind.TIME),
    LAST_EMAIL_CLICKED_AT("lastEmailClickedAt", FieldKind.TIME),
    TAGS("tags", FieldKind.TAGS);

    private final String wireName;
    private final FieldKind kind;

    ContactField(String wireName, FieldKind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    public String wireName() {
        return wireName;
    }

    public FieldKind kind() {
        return kind;
    }

    /** {@code dnd} and {@code emailStatus} always have a value (their defaults), so {@code isEmpty} never holds. */
    public boolean alwaysHasValue() {
        return this == DND || this == EMAIL_STATUS;
    }

    public static Optional<ContactField> find(String wireName) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst();
    }
}
