package org.curseofmemory.kernel;

/**
 * A memory kernel for input dimension d: ρ(t) ∈ ℝ^d, so that
 * H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds and sup_t ‖H_t‖ = ∫₀^∞ |ρ(s)|₁ ds (REFERENCE §1).
 */
public interface VectorMemoryKernel {

    /** Input dimension d ≥ 1. */
    int dimension();

    /** Component i (0-based) of ρ(t), as a scalar kernel. */
    MemoryKernel component(int i);

    /** ρ(t) as a new array of length {@link #dimension()}. */
    default double[] value(double t) {
        double[] out = new double[dimension()];
        for (int i = 0; i < out.length; i++) {
            out[i] = component(i).value(t);
        }
        return out;
    }
}
