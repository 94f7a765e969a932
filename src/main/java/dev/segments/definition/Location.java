package dev.segments.definition;

/** Where something was written: file, 1-based line, 1-based column (0 where unknown). */
public record Location(String file, int line, int column) {

    public static Location unknown(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
