package dev.segments.workflow;

import java.util.Collection;
import java.util.Locale;

/** Tag identity as segments see it: trimmed, ignoring case. */
final class Tags {

    private Tags() {
    }

    static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    static boolean has(Collection<String> tags, String tag) {
        return tags.stream().anyMatch(t -> same(t, tag));
    }
}
