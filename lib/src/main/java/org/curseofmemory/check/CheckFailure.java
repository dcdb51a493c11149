package org.curseofmemory.check;

/**
 * Thrown by {@link Check} and {@link Exercise} when a computed value misses its expectation.
 * The message is written for a learner: what was measured, what was expected, and by how much it
 * missed. (Java's {@code assert} is off in JShell, so notebook checks throw this instead.)
 */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super(message);
    }
}
