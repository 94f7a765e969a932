package dev.segments.engine;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.Field;
import dev.segments.time.ActivityWindow;
import dev.segments.time.RelativeWindow;
import dev.segments.time.TimeWindows;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** The time-driven part of a contact at one instant: which relative windows hold, activity counts, next change. */
record TimeState(Set<String> flags, Map<String, Integer> counts, OptionalLong nextChange) {

    /**
     * A time state with the inputs it was computed from. A change that touches neither the contact's times nor its
     * events at the same instant (a tag, a text field) reuses it instead of counting every activity window again.
     */
    record Computed(long at, Map<String, Long> time, Map<String, Long> customTime, List<EmailEvent> events,
            TimeWindows windows, TimeState state) {

        static Computed at(long now, NormalizedContact contact, List<EmailEvent> events, TimeWindows windows,
                Computed previous) {
            if (previous != null && previous.at == now && previous.time == contact.time()
                    && previous.customTime == contact.customTime() && previous.events == events
                    && previous.windows == windows) {
                return previous;
            }
            return new Computed(now, contact.time(), contact.customTime(), events, windows,
                    TimeState.at(now, contact, events, windows));
        }
    }

    static TimeState at(long now, NormalizedContact contact, List<EmailEvent> events, TimeWindows windows) {
        Set<String> flags = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        long next = Long.MAX_VALUE;
        for (Map.Entry<RelativeWindow, String> keyed : windows.relativeKeys().entrySet()) {
            RelativeWindow window = keyed.getKey();
            Long t = instantOf(window.field(), contact);
            if (t == null) {
                continue;
            }
            if (window.holds(t, now)) {
                flags.add(keyed.getValue());
            }
            OptionalLong change = window.nextChange(t, now);
            if (change.isPresent()) {
                next = Math.min(next, change.getAsLong());
            }
        }
        if (!events.isEmpty()) {
            for (Map.Entry<ActivityWindow, String> keyed : windows.activityKeys().entrySet()) {
                ActivityWindow window = keyed.getKey();
                int count = window.count(events, now);
                if (count > 0) {
                    counts.put(keyed.getValue(), count);
                }
                OptionalLong change = window.nextChange(events, now);
                if (change.isPresent()) {
                    next = Math.min(next, change.getAsLong());
                }
            }
        }
        return new TimeState(Set.copyOf(flags), Map.copyOf(counts),
                next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next));
    }

    private static Long instantOf(Field field, NormalizedContact contact) {
        if (field instanceof Field.Custom custom) {
            return contact.customTime().get(custom.name());
        }
        return contact.time().get(field.wireName());
    }
}
