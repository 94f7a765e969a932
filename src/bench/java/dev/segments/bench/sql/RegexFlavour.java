package dev.segments.bench.sql;

/**
 * Rewrites a SPEC 4 {@code matches} pattern (RE2 syntax, found anywhere, case-sensitive unless {@code (?i)}) into a
 * database's regex flavour so that it matches exactly the same strings.
 *
 * <p>The flavours differ from RE2 where it matters here: Java's {@code $} also matches before a final line
 * terminator and its {@code .} excludes every line terminator (RE2: only {@code \n}); PostgreSQL's {@code .} matches
 * {@code \n}, it has no {@code \Q...\E} and its {@code \s}/{@code \w} follow the locale; Java's {@code (?i)} is
 * ASCII-only without {@code u}. So the translation never passes those constructs through: {@code .}, {@code $},
 * {@code \d \s \w} (and negations) and {@code \Q...\E} become explicit classes, anchors and escaped literals, and
 * every literal is re-escaped for the target.
 *
 * <p>Carried over exactly: literals and escapes ({@code \t \n \r \f \v \a \x..}), {@code \Q...\E}, classes with ranges
 * and {@code \d \s \w} inside, {@code . ^ $ \A \z}, groups (capturing, named, {@code (?:)}), alternation, all
 * quantifiers, and {@code i} / {@code s} flags at the very start of the pattern. Not carried over (reported as
 * inexact): {@code \b \B}, Unicode classes {@code \p..}, POSIX classes {@code [[:alpha:]]}, octal escapes,
 * {@code \C}, flags anywhere but the start, and the {@code m} / {@code U} flags. Known residual difference: under
 * {@code (?i)} non-ASCII letters fold by Java's {@code Character} case mapping (H2) or the database's
 * {@code LC_CTYPE} (PostgreSQL), where RE2 uses Unicode simple case folding; the two agree for ordinary letters.
 */
enum RegexFlavour {
    /** {@code java.util.regex}, as H2's {@code REGEXP_LIKE} uses it (with {@code find}). */
    JAVA,
    /** PostgreSQL advanced regular expressions ({@code ~}). */
    POSTGRES;

    RegexTranslation translate(String re2) {
        try {
            return RegexTranslation.exact(new Rewriter(this, re2).rewrite());
        } catch (Unsupported e) {
            return RegexTranslation.inexact(re2, e.getMessage());
        }
    }

    private static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Rewriter {
        private final RegexFlavour flavour;
        private final String in;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private boolean dotAll;

        Rewriter(RegexFlavour flavour, String in) {
            this.flavour = flavour;
            this.in = in;
        }

        String rewrite() throws Unsupported {
            leadingFlags();
            while (pos < in.length()) {
                int c = next();
                switch (c) {
                    case '\\' -> escape();
                    case '[' -> charClass();
                    case '.' -> out.append(dotAll ? (flavour == JAVA ? "(?s:.)" : ".") : "[^\\n]");
                    case '^' -> out.append('^');
                    case '$' -> out.append(flavour == JAVA ? "\\z" : "$");
                    case '(' -> group();
                    case ')', '|', '*', '+', '?' -> out.appendCodePoint(c);
                    case '{' -> repeatOrLiteral();
                    default -> literal(c);
                }
            }
            return out.toString();
        }

        private void leadingFlags() throws Unsupported {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\(\\?([a-zA-Z-]+)\\)").matcher(in);
            if (!m.find()) {
                return;
            }
            boolean caseInsensitive = false;
            for (char f : m.group(1).toCharArray()) {
                switch (f) {
                    case 'i' -> caseInsensitive = true;
                    case 's' -> dotAll = true;
                    default -> throw new Unsupported("flag '" + f + "'");
                }
            }
            pos = m.end();
            if (caseInsensitive) {
                out.append(flavour == JAVA ? "(?iu)" : "(?i)");
            }
        }

        private void escape() throws Unsupported {
            if (pos >= in.length()) {
                throw new Unsupported("trailing backslash");
            }
            int c = next();
            switch (c) {
                case 'Q' -> {
                    int end = in.indexOf("\\E", pos);
                    String quoted = end < 0 ? in.substring(pos) : in.substring(pos, end);
                    quoted.codePoints().forEach(this::literal);
                    pos = end < 0 ? in.length() : end + 2;
                }
                case 'E' -> {
                    // a stray \E is ignored by RE2
                }
                case 'd' -> out.append("[0-9]");
                case 'D' -> out.append("[^0-9]");
                case 's' -> out.append("[\\t\\n\\f\\r ]");
                case 'S' -> out.append("[^\\t\\n\\f\\r ]");
                case 'w' -> out.append("[0-9A-Za-z_]");
                case 'W' -> out.append("[^0-9A-Za-z_]");
                case 'A' -> out.append("\\A");
                case 'z' -> out.append(flavour == JAVA ? "\\z" : "\\Z");
                default -> literal(escapedCharacter(c));
            }
        }

        /** The character a (non-class-shorthand) escape stands for. */
        private int escapedCharacter(int c) throws Unsupported {
            return switch (c) {
                case 'a' -> 7;
                case 'f' -> '\f';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'v' -> 11;
                case 'x' -> hex();
                default -> {
                    if (c < 128 && !Character.isLetterOrDigit(c)) {
                        yield c;
                    }
                    throw new Unsupported("escape \\" + Character.toString(c));
                }
            };
        }

        private int hex() throws Unsupported {
            String digits;
            if (pos < in.length() && in.charAt(pos) == '{') {
                int end = in.indexOf('}', pos);
                if (end < 0) {
                    throw new Unsupported("bad \\x{...}");
                }
                digits = in.substring(pos + 1, end);
                pos = end + 1;
            } else {
                if (pos + 2 > in.length()) {
                    throw new Unsupported("bad \\x");
                }
                digits = in.substring(pos, pos + 2);
                pos += 2;
            }
            try {
                return Integer.parseInt(digits, 16);
            } catch (NumberFormatException e) {
                throw new Unsupported("bad \\x" + digits);
            }
        }

        private void group() throws Unsupported {
            if (!in.startsWith("?", pos)) {
                out.append('(');
            } else if (in.startsWith("?:", pos)) {
                pos += 2;
                out.append("(?:");
            } else if (in.startsWith("?P<", pos) || in.startsWith("?<", pos)) {
                int end = in.indexOf('>', pos);
                if (end < 0) {
                    throw new Unsupported("bad group name");
                }
                pos = end + 1;
                out.append('('); // names do not change what is found
            } else {
                throw new Unsupported("flags after the start of the pattern");
            }
        }

        private void repeatOrLiteral() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+(,\\d*)?}").matcher(in);
            if (m.find(pos - 1) && m.start() == pos - 1) {
                out.append(m.group());
                pos = m.end();
            } else {
                literal('{');
            }
        }

        private void charClass() throws Unsupported {
            StringBuilder items = new StringBuilder();
            boolean negated = in.startsWith("^", pos);
            if (negated) {
                pos++;
            }
            boolean first = true;
            while (true) {
                if (pos >= in.length()) {
                    throw new Unsupported("unclosed class");
                }
                int c = next();
                if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (c == '[' && in.startsWith(":", pos)) {
                    throw new Unsupported("POSIX class");
                }
                int low;
                if (c == '\\') {
                    int e = next();
                    switch (e) {
                        case 'd' -> {
                            items.append("0-9");
                            continue;
                        }
                        case 's' -> {
                            items.append("\\t\\n\\f\\r ");
                            continue;
                        }
                        case 'w' -> {
                            items.append("0-9A-Za-z_");
                            continue;
                        }
                        default -> low = escapedCharacter(e);
                    }
                } else {
                    low = c;
                }
                classLiteral(items, low);
                if (in.startsWith("-", pos) && pos + 1 < in.length() && in.charAt(pos + 1) != ']') {
                    pos++;
                    int high = next();
                    if (high == '\\') {
                        high = escapedCharacter(next());
                    }
                    items.append('-');
                    classLiteral(items, high);
                }
            }
            out.append('[').append(negated ? "^" : "").append(items).append(']');
        }

        private void literal(int c) {
            classLiteral(out, c);
        }

        /** One character, escaped so that it means itself inside or outside a class in both flavours. */
        private static void classLiteral(StringBuilder to, int c) {
            if (c < 0x20 || c == 0x7f) {
                to.append(String.format("\\u%04X", c));
            } else if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                to.append('\\').append((char) c);
            } else {
                to.appendCodePoint(c);
            }
        }

        private int next() {
            int c = in.codePointAt(pos);
            pos += Character.charCount(c);
            return c;
        }
    }
}
