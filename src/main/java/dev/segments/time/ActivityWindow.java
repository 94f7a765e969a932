package dev.segments.time;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.EmailEventType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * The window's count at {@code now} and the first instant after {@code now} at which it changes
     * ({@code Long.MAX_VALUE} if never), in one pass over the events; {@code at[i]} is the epoch millisecond of event
     * {@code i}, read once for all windows.
     */
    public Tally tally(List<EmailEvent> events, long[] at, long now) {
        long length = within.toMillis();
        int count = 0;
        long next = Long.MAX_VALUE;
        for (int i = 0; i < at.length; i++) {
            if (!counts(events.get(i))) {
                continue;
            }
            long end = RelativeWindow.saturatedAdd(at[i], length);
            if (now < at[i]) {
                next = Math.min(next, at[i]);
            } else if (now < end) {
                count++;
                if (end != Long.MAX_VALUE) {
                    next = Math.min(next, end);
                }
            }
        }
        return new Tally(count, next);
    }

    /** A window's count at an instant, and when it next changes ({@code Long.MAX_VALUE}: never). */
    public record Tally(int count, long nextChange) {
    }
}
