package org.curseofmemory.approx;

/**
 * The norm the amplitudes are fitted in (the error is always reported in both L¹ and L² on [0, ∞)).
 */
public enum FitNorm {
    /**
     * Least squares for ∫₀^∞ (ρ − ρ̂)² dt, the white-noise kernel loss of docs/theory.md §4 [kit]. One
     * linear solve; the default.
     */
    L2,
    /**
     * Approximately ∫₀^∞ |ρ − ρ̂| dt, the uniform error sup_t ‖H_t − Ĥ_t‖ of docs/theory.md §2, by
     * iteratively reweighted least squares (weights 1/max(|e_i|, 10⁻⁸·max|e|), a fixed number of
     * sweeps started from the L² fit). A few percent better in L¹ than {@link #L2}, several times
     * the work.
     */
    L1
}
