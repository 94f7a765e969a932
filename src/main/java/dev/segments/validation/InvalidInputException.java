package dev.segments.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at the edge when an input has problems; carries every problem found, not only the first. */
public class InvalidInputException extends RuntimeException {

    private final List<Issue> issues;

    public InvalidInputException(List<Issue> issues) {
        super(issues.stream().map(Issue::toString).collect(Collectors.joining("\n")));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public InvalidInputException(Issue issue) {
        this(List.of(issue));
    }

    public List<Issue> issues() {
        return issues;
    }
}
