package dev.segments.definition;

import java.util.Arrays;
import java.util.Optional;

/** The email activity event types of SPEC 3. */
public enum EmailEventType {
    SENT("email.sent"),
    DELIVERED("email.delivered"),
    OPENED("email.opened"),
    CLICKED("email.clicked"),
    BOUNCED("email.bounced"),
    UNSUBSCRIBED("email.unsubscribed");

    private final String wireName;

    EmailEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EmailEventType> find(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
