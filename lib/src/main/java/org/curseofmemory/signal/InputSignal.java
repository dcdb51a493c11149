package org.curseofmemory.signal;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * An input signal x : ℝ → ℝ^d fed to a functional H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds or to a linear RNN
 * dh/dt = W h + U x (docs/theory.md §1–§2). Scalar input (d = 1) is the common case: use
 * {@link #value(double)}; vector input is read with {@link #vector(double)} or
 * {@link #component(int, double)}.
 *
 * <p>Every signal built by {@link Signals} is <em>causal</em>: x(t) = 0 for t &lt; 0, which is how the
 * kit starts an RNN from h(0) = 0 and how {@code LinearFunctional} may integrate s only over [0, t].
 * {@link #isCausal()} reports this property; a signal from {@link Signals#of} may be non-causal.
 * Implementations are immutable and deterministic: the same t always gives the same value.
 */
public interface InputSignal {

    /** Input dimension d ≥ 1. */
    int dimension();

    /**
     * Component i (0-based) of x(t).
     *
     * @param i component index in [0, d)
     * @param t any finite time (for a causal signal, t &lt; 0 gives 0)
     */
    double component(int i, double t);

    /** True when x(t) = 0 for every t &lt; 0 (causal input, docs/theory.md §1). */
    boolean isCausal();

    /** A short human-readable name, used in tables, legends and error messages. */
    String name();

    /**
     * x(t) for a scalar signal (d = 1).
     *
     * @throws IllegalStateException if d &gt; 1 (use {@link #vector(double)} or {@link #component(int, double)})
     */
    default double value(double t) {
        if (dimension() != 1) {
            throw new IllegalStateException("value(t) is for scalar signals (d=1) but " + name()
                    + " has dimension d=" + dimension() + "; use vector(t) or component(i, t)");
        }
        return component(0, t);
    }

    /** x(t) as a new array of length d. */
    default double[] vector(double t) {
        double[] out = new double[dimension()];
        valueInto(t, out);
        return out;
    }

    /** Writes x(t) into {@code out} (length ≥ d) without allocating. */
    default void valueInto(double t, double[] out) {
        Validate.notNull("output out", out);
        if (out.length < dimension()) {
            throw new KitArgumentException("output out has length " + out.length + " but must have length >= d="
                    + dimension());
        }
        for (int i = 0; i < dimension(); i++) {
            out[i] = component(i, t);
        }
    }

    /** The sum x + y (same dimension); causal when both are. */
    default InputSignal plus(InputSignal other) {
        return Signals.sum(this, other);
    }

    /** The scaled signal a·x(t). */
    default InputSignal times(double factor) {
        return Signals.scaled(factor, this);
    }

    /** The delayed signal x(t − t₀); a causal signal stays causal for t₀ ≥ 0. */
    default InputSignal delayed(double delay) {
        return Signals.delayed(this, delay);
    }

    /** The causal truncation x(t)·1_{t≥0}. Returns this signal if it is already causal. */
    default InputSignal causal() {
        return isCausal() ? this : Signals.truncated(this);
    }

    /**
     * Samples a scalar signal at t₀, t₀+Δt, …, t₀+(n−1)Δt.
     *
     * @param t0 first time
     * @param dt spacing Δt &gt; 0
     * @param n  number of samples in [1, {@link org.curseofmemory.util.DoubleArrays#MAX_POINTS}]
     */
    default double[] sample(double t0, double dt, int n) {
        Validate.finite("first sample time t0", t0);
        Validate.positive("sample spacing dt", dt);
        Validate.capped("number of samples n", n, 1, org.curseofmemory.util.DoubleArrays.MAX_POINTS);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = value(t0 + k * dt);
        }
        return out;
    }
}
