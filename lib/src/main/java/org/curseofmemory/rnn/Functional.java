package org.curseofmemory.rnn;

import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.util.Validate;

/**
 * A family of functionals H = {H_t} mapping an input signal x : ℝ → ℝ^d to outputs y_t = H_t(x)
 * (docs/theory.md §1). {@link LinearFunctional} is the linear, causal, time-homogeneous case
 * H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds.
 */
public interface Functional {

    /** Input dimension d. */
    int inputDimension();

    /** y_t = H_t(x) at a finite time t. */
    double apply(InputSignal x, double t);

    /** H_t(x) at each of the given times (a new array). */
    default double[] apply(InputSignal x, double[] times) {
        Validate.notNull("times", times);
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = apply(x, times[i]);
        }
        return out;
    }

    /** A short human-readable name. */
    String name();
}
