package dev.segments.definition.io;

/**
 * A file's text with the place a problem is expected marked by {@code »} (removed from the text): the expected
 * position is the line and column of the character that follows the marker.
 */
record Fixture(String text, int line, int column) {

    static final char MARK = '»';

    static Fixture of(String marked) {
        int at = marked.indexOf(MARK);
        if (at < 0 || marked.indexOf(MARK, at + 1) >= 0) {
            throw new IllegalArgumentException("mark exactly one place with » in: " + marked);
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (marked.charAt(i) == '\n') {
                line++;
            }
        }
        int column = at - marked.lastIndexOf('\n', at - 1);
        return new Fixture(marked.substring(0, at) + marked.substring(at + 1), line, column);
    }

    String position() {
        return line + ":" + column;
    }
}
