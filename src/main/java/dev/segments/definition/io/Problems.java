package dev.segments.definition.io;

import dev.segments.definition.Location;
import dev.segments.validation.Issue;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading one file, in the order found. */
final class Problems {

    private final List<Issue> issues = new ArrayList<>();

    /** Adds a problem; a null place means it is already covered by another problem (a misspelt key) and is dropped. */
    void add(Location at, String message) {
        if (at != null) {
            issues.add(new Issue(at, message));
        }
    }

    boolean isEmpty() {
        return issues.isEmpty();
    }

    List<Issue> list() {
        return List.copyOf(issues);
    }
}
