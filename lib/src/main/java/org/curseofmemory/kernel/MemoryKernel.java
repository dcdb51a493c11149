package org.curseofmemory.kernel;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.util.Validate;

/**
 * A memory kernel ρ : [0, ∞) → ℝ of a linear, continuous, causal, regular, time-homogeneous
 * functional H_t(x) = ∫₀^∞ x(t−s) ρ(s) ds (Riesz representation, docs/theory.md §1).
 * Scalar input (d = 1) is the common case; see {@link VectorMemoryKernel} for d &gt; 1.
 *
 * <p>Implementations are immutable. {@link #value(double)} must accept every t ≥ 0.
 *
 * <p>Besides the values, a kernel may tell {@link Norms} what it knows about itself, so that norms
 * are accurate: {@link #breakpoints()} (kinks, jumps, ends of a support), {@link #tailL1(double)}
 * and {@link #tailL2Squared(double)} (exact tail integrals, needed for slowly decaying memory such as
 * power laws, docs/theory.md §3), and {@link #derivative(int)} (exact derivatives, used by the
 * Jackson-type hypotheses of docs/theory.md §3). All of these are optional; the defaults say "unknown".
 */
public interface MemoryKernel extends DoubleUnaryOperator {

    /**
     * The highest derivative order {@link #derivative(int)} accepts: exact derivatives of higher
     * order take long to build and overflow double precision for most kernels.
     */
    int MAX_DERIVATIVE_ORDER = 100;

    /**
     * ρ(t) for t ≥ 0, the weight of the input at lag t in H_t(x) = ∫₀^∞ x(t−s) ρ(s) ds (docs/theory.md §1).
     * The kit's kernels throw {@link IllegalArgumentException} for a negative, infinite or NaN lag t.
     */
    double value(double t);

    /** A short human-readable name of ρ (docs/theory.md §1), used in tables, legends and error messages. */
    String name();

    @Override
    default double applyAsDouble(double t) {
        return value(t);
    }

    /**
     * Points t &gt; 0 where ρ (or |ρ|) is not smooth: kinks, jumps, ends of a compact support, sign
     * changes if known. Quadrature in {@link Norms} puts panel boundaries there, so ‖ρ‖_{L¹} (docs/theory.md §1) of a
     * kernel with a kink or a delayed bump still integrates to full accuracy. Default: none.
     *
     * @return a new array, sorted increasingly, entries finite and &gt; 0 (may be empty)
     */
    default double[] breakpoints() {
        return new double[0];
    }

    /**
     * The exact tail mass ∫_T^∞ |ρ(s)| ds, if this kernel knows it in closed form (docs/theory.md §3:
     * for ρ = (1+t)^{−(1+ω)} it is (1+T)^{−ω}/ω). {@link Norms} uses it to stop integrating at a
     * finite horizon. Default: empty (unknown).
     *
     * @param T the cut-off T ≥ 0
     */
    default OptionalDouble tailL1(double T) {
        return OptionalDouble.empty();
    }

    /**
     * The exact tail ∫_T^∞ ρ(s)² ds, if known in closed form (the tail of the white-noise loss, docs/theory.md §4;
     * see {@link #tailL1(double)}). Default: empty (unknown).
     *
     * @param T the cut-off T ≥ 0
     */
    default OptionalDouble tailL2Squared(double T) {
        return OptionalDouble.empty();
    }

    /**
     * The exact derivative d^n ρ / dt^n as a kernel, if this kernel knows it (exponential sums, power
     * laws, Airy, damped cosine, and combinations of those). Step responses y(t) = ∫₀^t ρ satisfy
     * y^{(k)} = ρ^{(k−1)}, which is what the Jackson-type rate constrains (docs/theory.md §1, §3).
     * Order 0 returns this kernel. Default: empty for order ≥ 1 (unknown; no numeric differentiation
     * is done behind your back).
     *
     * @param order n in [0, {@link #MAX_DERIVATIVE_ORDER}]
     * @throws IllegalArgumentException for an order outside that range, or when the derivative's
     *         coefficients overflow double precision
     */
    default Optional<MemoryKernel> derivative(int order) {
        Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
        return order == 0 ? Optional.of(this) : Optional.empty();
    }

    /**
     * The kernel ρ + σ (pointwise sum); the functionals add: H(ρ + σ) = H(ρ) + H(σ) (docs/theory.md §1).
     *
     * @param other σ, not null
     */
    default MemoryKernel plus(MemoryKernel other) {
        Validate.notNull("kernel to add", other);
        return Combinations.sum(this, 1.0, other);
    }

    /**
     * The kernel ρ − σ, whose L¹ norm is the uniform error sup_t ‖H_t − Ĥ_t‖ (docs/theory.md §2).
     *
     * @param other σ, not null
     */
    default MemoryKernel minus(MemoryKernel other) {
        Validate.notNull("kernel to subtract", other);
        return Combinations.sum(this, -1.0, other);
    }

    /**
     * The kernel c·ρ, whose functional is c·H (docs/theory.md §1).
     *
     * @param factor c, finite
     */
    default MemoryKernel times(double factor) {
        Validate.finite("scale factor", factor);
        return Combinations.scaled(this, factor);
    }

    /**
     * The same kernel ρ (docs/theory.md §1) under another name (values, breakpoints, tails and derivatives
     * unchanged); the name labels table columns and plot legends.
     *
     * @param newName non-null, non-blank
     */
    default MemoryKernel named(String newName) {
        return Combinations.renamed(this, newName);
    }
}
