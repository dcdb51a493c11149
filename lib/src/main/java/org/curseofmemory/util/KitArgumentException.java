package org.curseofmemory.util;

/**
 * The library's bad-input error: an {@link IllegalArgumentException} whose message names the
 * parameter, its value and the expected range, e.g. {@code "decay rate beta=-0.5 must be > 0"}.
 * <p>
 * It carries no stack trace. The Java kernel prints an exception's stack trace under its message,
 * and for a bad argument typed in a notebook cell the message is the whole story; the frames inside
 * the library would only bury it. Catch it as {@code IllegalArgumentException}.
 */
public final class KitArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A bad-input error with the given message (naming the parameter, value and range). */
    public KitArgumentException(String message) {
        super(message);
    }

    /** Leaves the stack trace empty: the message says what was wrong and where. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
