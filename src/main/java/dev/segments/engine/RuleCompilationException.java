package dev.segments.engine;

import dev.segments.validation.InvalidInputException;
import dev.segments.validation.Issue;
import java.util.List;

/** Rules that do not compile, with every error found; the running rules are left as they were. */
public class RuleCompilationException extends InvalidInputException {

    public RuleCompilationException(List<Issue> issues) {
        super(issues);
    }
}
