package dev.segments.engine;

import dev.segments.definition.Location;
import java.util.Objects;

/** A hand-written DRL file: the path it is reported under, and its text. */
public record DrlFile(String path, String content) {

    public DrlFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** The line and column of a character of the content, both from 1. */
    public Location locationOf(int offset) {
        String before = content.substring(0, offset);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = offset - before.lastIndexOf('\n');
        return new Location(path, line, column);
    }
}
