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

/**
 * The time-driven part of a contact at one instant (which relative windows hold, activity counts, next change), with
 * the inputs it was computed from: a change that touches neither the contact's times nor its events at the same
 * instant (a tag, a text field) reuses it instead of counting every activity window again. One object per contact.
 */
final class TimeState {

    private static final long NO_CHANGE = Long.MAX_VALUE;

    private final Set<String> flags;
    private final Map<String, Integer> counts;
    private final long nextChange;
    private final long at;
    private final NormalizedContact.StandardTimes time;
    private final Map<String, Long> customTime;
    private final List<EmailEvent> events;
    private final TimeWindows windows;

    private TimeState(Set<String> flags, Map<String, Integer> counts, long nextChange, long at,
            NormalizedContact contact, List<EmailEvent> events, TimeWindows windows) {
        this.flags = flags;
        this.counts = counts;
        this.nextChange = nextChange;
        this.at = at;
        this.time = contact.time();
        this.customTime = contact.customTime();
        this.events = events;
        this.windows = windows;
    }

    Set<String> flags() {
        return flags;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    OptionalLong nextChange() {
        return nextChange == NO_CHANGE ? OptionalLong.empty() : OptionalLong.of(nextChange);
    }

    /** The state at {@code now}: {@code previous} itself when it was computed from the same inputs. */
    static TimeState at(long now, NormalizedContact contact, List<EmailEvent> events, TimeWindows windows,
            TimeState previous) {
        if (previous != null && previous.at == now && previous.time == contact.time()
                && previous.customTime == contact.customTime() && previous.events == events
                && previous.windows == windows) {
            return previous;
        }
        return at(now, contact, events, windows);
    }

    private static TimeState at(long now, NormalizedContact contact, List<EmailEvent> events, TimeWindows windows) {
        Set<String> flags = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        long next = evaluate(now, contact, events, windows.relativeKeys(), windows.activityKeys(), flags, counts);
        return new TimeState(Set.copyOf(flags), Map.copyOf(counts), next, now, contact, events, windows);
    }

    /**
     * This state for other windows, at {@code now} with the same contact and events: only the windows it has not
     * evaluated are, and the keys of windows it no longer has are dropped. A window's flag or count depends on nothing
     * but the window, the contact and the instant, so the windows both have keep theirs. The next change is the earlier
     * of this state's and the new windows'; one that came from a dropped window is early, which costs the contact a
     * recomputation at that instant and changes nothing.
     */
    TimeState forWindows(TimeWindows.Change change, long now, NormalizedContact contact) {
        if (windows != change.from()) {
            return at(now, contact, events, change.to()); // computed for other windows: nothing to keep
        }
        Set<String> keptFlags = new HashSet<>(flags);
        keptFlags.retainAll(change.relativeKeys());
        Map<String, Integer> keptCounts = new HashMap<>(counts);
        keptCounts.keySet().retainAll(change.activityKeys());
        long next = evaluate(now, contact, events, change.addedRelative(), change.addedActivity(), keptFlags,
                keptCounts);
        return new TimeState(Set.copyOf(keptFlags), Map.copyOf(keptCounts), Math.min(nextChange, next), now,
                contact, events, change.to());
    }

    /** Adds the windows' flags and counts at {@code now}; returns their next change, {@code NO_CHANGE} if none. */
    private static long evaluate(long now, NormalizedContact contact, List<EmailEvent> events,
            Map<RelativeWindow, String> relative, Map<ActivityWindow, String> activity, Set<String> flags,
            Map<String, Integer> counts) {
        long next = NO_CHANGE;
        for (Map.Entry<RelativeWindow, String> keyed : relative.entrySet()) {
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
        if (!events.isEmpty() && !activity.isEmpty()) {
            long[] at = new long[events.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = events.get(i).at().toEpochMilli();
            }
            for (Map.Entry<ActivityWindow, String> keyed : activity.entrySet()) {
                ActivityWindow.Tally tally = keyed.getKey().tally(events, at, now);
                if (tally.count() > 0) {
                    counts.put(keyed.getValue(), tally.count());
                }
                next = Math.min(next, tally.nextChange());
            }
        }
        return next;
    }

    private static Long instantOf(Field field, NormalizedContact contact) {
        if (field instanceof Field.Custom custom) {
            return contact.customTime().get(custom.name());
        }
        return contact.time().get(field.wireName());
    }
}
