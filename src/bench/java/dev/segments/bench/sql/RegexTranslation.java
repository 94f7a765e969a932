package dev.segments.bench.sql;

import java.util.Optional;

/**
 * An RE2 pattern rewritten for a database's regex flavour. {@code inexactBecause} is present when the pattern uses
 * RE2 syntax this translation does not carry over exactly; the pattern is then the best approximation (the RE2 text
 * as written) and memberships that depend on it may differ from the spec.
 */
record RegexTranslation(String pattern, Optional<String> inexactBecause) {

    static RegexTranslation exact(String pattern) {
        return new RegexTranslation(pattern, Optional.empty());
    }

    static RegexTranslation inexact(String re2, String reason) {
        return new RegexTranslation(re2, Optional.of(reason));
    }

    boolean isExact() {
        return inexactBecause.isEmpty();
    }
}
