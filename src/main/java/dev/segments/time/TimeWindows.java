package dev.segments.time;

import java.util.Set;

/** The relative windows and activity windows that a rule set reads; the engine keeps exactly these up to date. */
public record TimeWindows(Set<RelativeWindow> relative, Set<ActivityWindow> activity) {

    public static final TimeWindows NONE = new TimeWindows(Set.of(), Set.of());

    public TimeWindows {
        relative = Set.copyOf(relative);
        activity = Set.copyOf(activity);
    }
}
