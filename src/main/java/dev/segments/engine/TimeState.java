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
