package dev.segments.contact;

import java.util.Arrays;
import java.util.Optional;

public enum EmailStatus {
    SUBSCRIBED("subscribed"), UNSUBSCRIBED("unsubscribed"), BOUNCED("bounced");

    private final String wireName;

    EmailStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EmailStatus> find(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
