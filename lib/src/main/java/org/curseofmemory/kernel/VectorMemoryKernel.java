package org.curseofmemory.kernel;

/**
 * A memory kernel for input dimension d: ρ(t) ∈ ℝ^d, so that
 * H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds and sup_t ‖H_t‖ = ∫₀^∞ |ρ(s)|₁ ds (docs/theory.md §1).
 */
public interface VectorMemoryKernel {

    /** Input dimension d ≥ 1 of x : ℝ → ℝ^d (docs/theory.md §1). */
    int dimension();

    /** Component ρ_i (0-based) of ρ(t), as a scalar kernel (docs/theory.md §1). */
    MemoryKernel component(int i);

    /** ρ(t) = (ρ_1(t), …, ρ_d(t)) ∈ ℝ^d as a new array of length {@link #dimension()} (docs/theory.md §1). */
    default double[] value(double t) {
        double[] out = new double[dimension()];
        for (int i = 0; i < out.length; i++) {
            out[i] = component(i).value(t);
        }
        return out;
    }
}
