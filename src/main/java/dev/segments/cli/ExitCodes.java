package dev.segments.cli;

/** The exit status of every command (SPEC 7). */
public final class ExitCodes {

    public static final int OK = 0;
    /** {@code check} found problems in the rules. */
    public static final int PROBLEMS_FOUND = 1;
    /** Bad input or usage: the message names the file and line. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
