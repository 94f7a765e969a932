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
            ids.putIfAbsent(matcher.group(1), locationOf(file, matcher.start()));
        }
        return ids;
    }

    private static Location locationOf(DrlFile file, int offset) {
        String before = file.content().substring(0, offset);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = offset - before.lastIndexOf('\n');
        return new Location(file.path(), line, column);
    }
}
