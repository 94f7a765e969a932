package dev.segments.time;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The relative windows and activity windows that a rule set reads; the engine keeps exactly these up to date. Each
 * window's key (the name rules read it by) is computed once here, not on every contact change.
 */
public final class TimeWindows {

    public static final TimeWindows NONE = new TimeWindows(Set.of(), Set.of());

    private final Map<RelativeWindow, String> relative;
    private final Map<ActivityWindow, String> activity;
    private final WindowKeys relativeKeyPositions;
    private final WindowKeys activityKeyPositions;

    public TimeWindows(Set<RelativeWindow> relative, Set<ActivityWindow> activity) {
        this.relative = keyed(relative, RelativeWindow::key);
        this.activity = keyed(activity, ActivityWindow::key);
        this.relativeKeyPositions = new WindowKeys(this.relative.values());
        this.activityKeyPositions = new WindowKeys(this.activity.values());
    }

    private static <W> Map<W, String> keyed(Set<W> windows, java.util.function.Function<W, String> key) {
        Map<W, String> keys = new LinkedHashMap<>();
        windows.forEach(w -> keys.put(w, key.apply(w).intern()));
        return Map.copyOf(keys);
    }

    public Set<RelativeWindow> relative() {
        return relative.keySet();
    }

    public Set<ActivityWindow> activity() {
        return activity.keySet();
    }

    /** Each relative window with its key. */
    public Map<RelativeWindow, String> relativeKeys() {
        return relative;
    }

    /** Each activity window with its key. */
    public Map<ActivityWindow, String> activityKeys() {
        return activity;
    }

    /** The relative windows' keys, numbered: the positions of a contact's {@link WindowFlags}. */
    public WindowKeys relativeKeyPositions() {
        return relativeKeyPositions;
    }

    /** The activity windows' keys, numbered: the positions of a contact's {@link WindowCounts}. */
    public WindowKeys activityKeyPositions() {
        return activityKeyPositions;
    }

    /** What moving from these windows to {@code next} adds and keeps, worked out once for all contacts. */
    public Change changeTo(TimeWindows next) {
        return new Change(this, next, added(next.relative, relative), added(next.activity, activity),
                Set.copyOf(next.relative.values()), Set.copyOf(next.activity.values()));
    }

    private static <W> Map<W, String> added(Map<W, String> next, Map<W, String> previous) {
        Map<W, String> added = new LinkedHashMap<>(next);
        added.keySet().removeAll(previous.keySet());
        return Map.copyOf(added);
    }

    /**
     * A move between window sets: the windows {@code to} has that {@code from} has not, and the keys of all of
     * {@code to}'s windows (what a contact's flags and counts keep).
     */
    public record Change(TimeWindows from, TimeWindows to, Map<RelativeWindow, String> addedRelative,
            Map<ActivityWindow, String> addedActivity, Set<String> relativeKeys, Set<String> activityKeys) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeWindows that && relative.equals(that.relative) && activity.equals(that.activity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relative, activity);
    }

    @Override
    public String toString() {
        return "TimeWindows[relative=" + relative.keySet() + ", activity=" + activity.keySet() + "]";
    }
}
