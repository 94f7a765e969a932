package dev.segments.drl;

/**
 * Property names for parts of a contact's tags, time flags and activity counts. A part is the whole collection under
 * another name, chosen by a hash of the key: a generated constraint reads the part of its key
 * ({@code tagsPart7.contains("vip")}), and the engine reports a changed key as a change of its part. Drools'
 * property reactivity then re-evaluates and re-fires only the rules reading that part, not every rule that reads any
 * tag. Hand-written rules read {@code tags}, {@code timeFlags} and {@code activityCounts}, which change with any key.
 *
 * <p>The number of parts keeps the contact under 64 properties, the most a Drools bit mask holds in one word.
 * {@link String#hashCode()} is specified by the language, so a key's part is the same on every JVM.
 */
public final class PropertyParts {

    public static final int TAG_PARTS = 16;
    public static final int TIME_FLAG_PARTS = 8;
    public static final int ACTIVITY_COUNT_PARTS = 8;

    private PropertyParts() {
    }

    /** The part of a normalised tag: {@code tagsPart0} to {@code tagsPart15}. */
    public static String tags(String tag) {
        return "tagsPart" + part(tag, TAG_PARTS);
    }

    /** The part of a time-window key: {@code timeFlagsPart0} to {@code timeFlagsPart7}. */
    public static String timeFlags(String key) {
        return "timeFlagsPart" + part(key, TIME_FLAG_PARTS);
    }

    /** The part of an activity-window key: {@code activityCountsPart0} to {@code activityCountsPart7}. */
    public static String activityCounts(String key) {
        return "activityCountsPart" + part(key, ACTIVITY_COUNT_PARTS);
    }

    private static int part(String key, int parts) {
        return Math.floorMod(key.hashCode(), parts);
    }
}
