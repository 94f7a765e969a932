package dev.segments.contact;

import dev.segments.definition.EmailEventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An email activity event (SPEC 3). */
public record EmailEvent(String contactId, EmailEventType type, Instant at, Optional<String> campaignId,
        Optional<String> url) {

    public EmailEvent {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        try {
            at.toEpochMilli();
        } catch (ArithmeticException overflow) {
            // The engine keeps times as millisecond epochs; IsoTime refuses such text before it gets here
            throw new IllegalArgumentException("at: " + at + " is outside the times the engine keeps"
                    + " (years -292,275,055 to 292,278,994)");
        }
        campaignId = campaignId == null ? Optional.empty() : campaignId;
        url = url == null ? Optional.empty() : url;
    }

    public EmailEvent(String contactId, EmailEventType type, Instant at) {
        this(contactId, type, at, Optional.empty(), Optional.empty());
    }
}
