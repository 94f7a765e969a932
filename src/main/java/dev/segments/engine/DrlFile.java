package dev.segments.engine;

import java.util.Objects;

/** A hand-written DRL file: the path it is reported under, and its text. */
public record DrlFile(String path, String content) {

    public DrlFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
