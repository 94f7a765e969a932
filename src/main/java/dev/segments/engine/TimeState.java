package dev.segments.engine;

import dev.segments.contact.EmailEvent;
import dev.segments.definition.Field;
import dev.segments.time.ActivityWindow;
import dev.segments.time.RelativeWindow;
import dev.segments.time.TimeWindows;
import dev.segments.time.WindowCounts;
import dev.segments.time.WindowFlags;
import dev.segments.time.WindowKeys;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The time-driven part of a contact at one instant (which relative windows hold, activity counts, next change), with
 * the inputs it was computed from. Each part holds from the instant it was computed until its next change, so a later
 * state reuses it while its inputs are the same: a change that touches neither the contact's times nor its events (a
 * tag, a text field) keeps both, an email event keeps the relative flags of the times it did not move and counts only
 * the events it added. One object per contact.
 */
final class TimeState {

    private static final long NO_CHANGE = Long.MAX_VALUE;

    private final Set<String> flags;
    private final Map<String, Integer> counts;
    /** The first instant after {@link #at} at which a flag changes; {@code NO_CHANGE} if none does. */
    private final long flagsChange;
    /** The first instant after {@link #at} at which a count changes; {@code NO_CHANGE} if none does. */
    private final long countsChange;
    private final long at;
    private final NormalizedContact.StandardTimes time;
    private final Map<String, Long> customTime;
    private final List<EmailEvent> events;
    private final TimeWindows windows;

    private TimeState(Flags flags, Counts counts, long at, NormalizedContact contact, List<EmailEvent> events,
            TimeWindows windows) {
        this.flags = flags.set();
        this.flagsChange = flags.nextChange();
        this.counts = counts.map();
        this.countsChange = counts.nextChange();
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
        long next = Math.min(flagsChange, countsChange);
        return next == NO_CHANGE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /**
     * The state at {@code now}: {@code previous} itself when its inputs are the same and nothing changed since, else
     * a state that keeps every part of {@code previous} that still holds.
     */
    /** The windows this state is for. */
    TimeWindows windows() {
        return windows;
    }

    static TimeState at(long now, NormalizedContact contact, List<EmailEvent> events, TimeWindows windows,
            TimeState previous) {
        boolean sameEvents = previous != null && previous.events == events;
        return at(now, contact, events, sameEvents ? List.of() : null, windows, previous);
    }

    /**
     * The state at {@code now} after {@code added} were put into the events {@code previous} was computed from, which
     * made {@code events}: the counts of {@code previous} that still hold count the added events alone.
     */
    static TimeState withEventsAdded(long now, NormalizedContact contact, List<EmailEvent> events,
            List<EmailEvent> added, TimeWindows windows, TimeState previous) {
        boolean consistent = previous != null && previous.events.size() + added.size() == events.size();
        return at(now, contact, events, consistent ? added : null, windows, previous);
    }

    /** {@code added}: the events besides those of {@code previous}, {@code null} if not known. */
    private static TimeState at(long now, NormalizedContact contact, List<EmailEvent> events, List<EmailEvent> added,
            TimeWindows windows, TimeState previous) {
        if (previous == null || previous.windows != windows || now < previous.at) {
            return at(now, contact, events, windows);
        }
        boolean flagsHold = now < previous.flagsChange && previous.time == contact.time()
                && previous.customTime == contact.customTime();
        boolean countsHold = now < previous.countsChange && added != null;
        if (flagsHold && countsHold && added.isEmpty()) {
            return previous;
        }
        Flags flags = flagsHold ? new Flags(previous.flags, previous.flagsChange)
                : Flags.of(now, contact, windows.relativeKeys(), windows.relativeKeyPositions());
        Counts counts = countsHold ? previous.countsWith(added, now)
                : Counts.of(now, events, windows.activityKeys(), windows.activityKeyPositions());
        return new TimeState(flags, counts, now, contact, events, windows);
    }

    private static TimeState at(long now, NormalizedContact contact, List<EmailEvent> events, TimeWindows windows) {
        return new TimeState(Flags.of(now, contact, windows.relativeKeys(), windows.relativeKeyPositions()),
                Counts.of(now, events, windows.activityKeys(), windows.activityKeyPositions()), now, contact, events,
                windows);
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
        WindowKeys relativeKeys = change.to().relativeKeyPositions();
        WindowKeys activityKeys = change.to().activityKeyPositions();
        WindowFlags.Builder keptFlags = WindowFlags.builder(relativeKeys);
        flags.stream().filter(change.relativeKeys()::contains).forEach(keptFlags::add);
        WindowCounts.Builder keptCounts = WindowCounts.builder(activityKeys);
        counts.forEach((key, count) -> {
            if (change.activityKeys().contains(key)) {
                keptCounts.add(key, count);
            }
        });
        Flags added = Flags.of(now, contact, change.addedRelative(), relativeKeys);
        Counts counted = Counts.of(now, events, change.addedActivity(), activityKeys);
        added.set().forEach(keptFlags::add);
        keptCounts.addAll(counted.map());
        return new TimeState(new Flags(keptFlags.build(), Math.min(flagsChange, added.nextChange())),
                new Counts(keptCounts.build(), Math.min(countsChange, counted.nextChange())), now, contact,
                events, change.to());
    }

    /** This state's counts, which hold at {@code now}, with the events added: a count is a sum over events. */
    private Counts countsWith(List<EmailEvent> added, long now) {
        Counts more = Counts.of(now, added, windows.activityKeys(), windows.activityKeyPositions());
        if (more.map().isEmpty()) {
            return new Counts(counts, Math.min(countsChange, more.nextChange()));
        }
        Map<String, Integer> sum = WindowCounts.builder(windows.activityKeyPositions()).addAll(counts)
                .addAll(more.map()).build();
        return new Counts(sum, Math.min(countsChange, more.nextChange()));
    }

    /** The relative windows that hold, and the first instant at which one changes. */
    private record Flags(Set<String> set, long nextChange) {

        /** The flags of the {@code relative} windows, all of them windows of {@code keys}. */
        static Flags of(long now, NormalizedContact contact, Map<RelativeWindow, String> relative, WindowKeys keys) {
            if (relative.isEmpty()) {
                return new Flags(Set.of(), NO_CHANGE);
            }
            WindowFlags.Builder flags = WindowFlags.builder(keys);
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
            return new Flags(flags.build(), next);
        }

        private static Long instantOf(Field field, NormalizedContact contact) {
            if (field instanceof Field.Custom custom) {
                return contact.customTime().get(custom.name());
            }
            return contact.time().get(field.wireName());
        }
    }

    /** The activity windows' counts above zero, and the first instant at which one changes. */
    private record Counts(Map<String, Integer> map, long nextChange) {

        /** The counts of the {@code activity} windows, all of them windows of {@code keys}. */
        static Counts of(long now, List<EmailEvent> events, Map<ActivityWindow, String> activity, WindowKeys keys) {
            if (events.isEmpty() || activity.isEmpty()) {
                return new Counts(Map.of(), NO_CHANGE);
            }
            long[] at = new long[events.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = events.get(i).at().toEpochMilli();
            }
            WindowCounts.Builder counts = WindowCounts.builder(keys);
            long next = NO_CHANGE;
            for (Map.Entry<ActivityWindow, String> keyed : activity.entrySet()) {
                ActivityWindow.Tally tally = keyed.getKey().tally(events, at, now);
                counts.add(keyed.getValue(), tally.count());
                next = Math.min(next, tally.nextChange());
            }
            return new Counts(counts.build(), next);
        }
    }
}
