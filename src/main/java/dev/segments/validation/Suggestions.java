package dev.segments.validation;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for names a user mistyped: fields, operators, keys, event types, segment ids.
 *
 * <p>The closest candidate by edit distance (optimal string alignment, ignoring case) is suggested when it is close
 * enough for the input's length; otherwise, a single candidate that starts with the input (or ends with
 * {@code "." + input}, so {@code opened} suggests {@code email.opened}) is suggested.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate the user most likely meant, if one is close enough. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty()) {
            return Optional.empty();
        }
        String lower = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, input.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= limit) {
            return Optional.of(best);
        }
        if (input.length() >= 2) {
            List<String> affixed = candidates.stream()
                    .filter(c -> {
                        String lc = c.toLowerCase(Locale.ROOT);
                        return lc.startsWith(lower) || lc.endsWith("." + lower);
                    })
                    .toList();
            if (affixed.size() == 1) {
                return Optional.of(affixed.get(0));
            }
        }
        return Optional.empty();
    }

    /** {@code  (did you mean "x"?)} with a leading space, or the empty string when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
