package dev.segments.contact.io;

import java.util.List;

/**
 * A contact or email event that does not follow SPEC 2 / SPEC 3. Carries every problem found, each naming its field
 * ({@code field "tags": expected an array of strings, found a string}), without a place: the caller knows the file and
 * line and prefixes them.
 */
public class ContactFormatException extends RuntimeException {

    private final List<String> problems;

    public ContactFormatException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ContactFormatException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
