package org.curseofmemory.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * A memory kernel ρ : [0, ∞) → ℝ of a linear, continuous, causal, regular, time-homogeneous
 * functional H_t(x) = ∫₀^∞ x(t−s) ρ(s) ds (Riesz representation, REFERENCE §1).
 * Scalar input (d = 1) is the common case; see {@link VectorMemoryKernel} for d &gt; 1.
 *
 * <p>Implementations are immutable. {@link #value(double)} must accept every t ≥ 0.
 */
public interface MemoryKernel extends DoubleUnaryOperator {

    /** ρ(t) for t ≥ 0. */
    double value(double t);

    /** A short human-readable name, used in tables, legends and error messages. */
    String name();

    @Override
    default double applyAsDouble(double t) {
        return value(t);
    }
}
