package org.curseofmemory.train;

import java.util.Random;

/**
 * A model described by a flat parameter vector θ ∈ ℝ^p (the "parameter-vector model"), e.g. the
 * amplitudes and eigenvalue parameters of a sum of modes, or the entries of (W, U, c) of a linear
 * RNN (docs/theory.md §2). Implementations are immutable; θ is always passed in, never stored.
 */
public interface ParametricModel {

    /** Number p of parameters. */
    int parameterCount();

    /** Names of the p parameters, in θ order, e.g. {@code "a_0", "w_0"} (a new array). */
    String[] parameterNames();

    /** A short human-readable name for tables and messages. */
    String name();

    /**
     * A random initial θ drawn from {@code random}; the same seed gives the same θ.
     *
     * @param random source of randomness, not null
     * @return a new array of length {@link #parameterCount()}
     */
    double[] initialParameters(Random random);
}
