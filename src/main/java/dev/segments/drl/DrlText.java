package dev.segments.drl;

/**
 * Writes values into DRL text so that they stay data: string literals with every special character escaped,
 * and comments that cannot be closed early by what they quote.
 */
final class DrlText {

    private DrlText() {
    }

    /** A double-quoted DRL string literal that means exactly {@code value}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\u005C");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Other control characters as unicode escapes. Everything else, '$', '#', '{' and non-ASCII
                    // included, has no meaning inside a DRL or MVEL string literal (the tests prove it), and MVEL
                    // rejects some escapes, so it is written as it is.
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Text for a one-line {@code //} comment: line breaks and other control characters become spaces. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp)
                || cp == 0x2028 || cp == 0x2029 ? ' ' : cp));
        return out.toString();
    }
}
