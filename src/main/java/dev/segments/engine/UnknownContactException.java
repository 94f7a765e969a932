package dev.segments.engine;

/** An operation named a contact the engine does not have. */
public class UnknownContactException extends IllegalArgumentException {

    public UnknownContactException(String contactId) {
        super("unknown contact \"" + contactId + "\"");
    }
}
