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
        campaignId = campaignId == null ? Optional.empty() : campaignId;
        url = url == null ? Optional.empty() : url;
    }

    public EmailEvent(String contactId, EmailEventType type, Instant at) {
        this(contactId, type, at, Optional.empty(), Optional.empty());
    }
}
