package dev.segments.engine;

import dev.segments.definition.Location;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the segment ids a hand-written DRL file defines: every {@code new SegmentMembership("id", ...)}. */
public final class HandwrittenSegments {

    private static final Pattern MEMBERSHIP = Pattern.compile("new\\s+SegmentMembership\\s*\\(\\s*\"([^\"\\\\]*)\"");

    private HandwrittenSegments() {
    }

    /** Segment id to the place of its first definition in the file. */
    public static Map<String, Location> idsIn(DrlFile file) {
        Map<String, Location> ids = new LinkedHashMap<>();
        Matcher matcher = MEMBERSHIP.matcher(file.content());
        while (matcher.find()) {
            ids.putIfAbsent(matcher.group(1), file.locationOf(matcher.start()));
        }
        return ids;
    }
}
