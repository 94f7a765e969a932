package dev.segments.time;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The events an {@code activity} condition counts: those of one type (and campaign, when given) with
 * {@code now - within < at <= now}. An event is counted while {@code at <= now < at + within}.
 */
public record ActivityWindow(EmailEventType type, Duration within, Optional<String> campaignId) {

    public ActivityWindow {
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("an activity window needs a positive length: " + within);
        }
    }

    /** The name under which the engine publishes this window's count on the contact fact ({@code activityCounts}). */
    public String key() {
        String key = type.wireName() + " within " + DurationText.format(within);
        return campaignId.map(id -> key + " campaign " + id).orElse(key);
    }

    public boolean counts(EmailEvent event) {
        return event.type() == type && (campaignId.isEmpty() || campaignId.equals(event.campaignId()));
    }

    public int count(Collection<EmailEvent> events, long now) {
        long length = within.toMillis();
        int count = 0;
        for (EmailEvent event : events) {
            long at = event.at().toEpochMilli();
            if (counts(event) && at <= now && now < RelativeWindow.saturatedAdd(at, length)) {
                count++;
            }
        }
        return count;
    }

    /** The first instant after {@code now} at which the count changes. */
    public OptionalLong nextChange(Collection<EmailEvent> events, long now) {
        long length = within.toMillis();
        long next = Long.MAX_VALUE;
        for (EmailEvent event : events) {
            if (!counts(event)) {
                continue;
            }
            long at = event.at().toEpochMilli();
            long end = RelativeWindow.saturatedAdd(at, length);
            if (now < at) {
                next = Math.min(next, at);
            } else if (now < end && end != Long.MAX_VALUE) {
                next = Math.min(next, end);
            }
        }
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }
}
