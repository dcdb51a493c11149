package org.curseofmemory.check;

/**
 * Thrown by {@link Check} and {@link Exercise} when a computed value misses its expectation.
 * The message is written for a learner: what was measured and what was expected (for an
 * exercise: which way the answer is off, never the answer itself). (Java's {@code assert} is off in
 * JShell, so notebook checks throw this instead.)
 * <p>
 * It carries no stack trace: the Java kernel prints an exception's stack trace under its message,
 * and for a failed check the message is the whole story. Without a trace the notebook shows just
 * the message.
 */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super(message, null, false, false);
    }
}
