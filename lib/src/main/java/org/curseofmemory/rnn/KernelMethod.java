package org.curseofmemory.rnn;

import org.curseofmemory.linalg.MatrixExponential;

/**
 * How the model kernel ρ̂(t) = (cᵀ e^{Wt} U)ᵀ of a {@link LinearRnn} is evaluated (docs/theory.md §2).
 */
public enum KernelMethod {
    /**
     * Split W into independent diagonal blocks; use the eigen route on each block that is diagonalizable
     * with a well-conditioned eigenvector matrix, the matrix-exponential route on the others.
     */
    AUTO,
    /**
     * Eigen route: W = V Λ V⁻¹, so ρ̂_j(t) = Re Σ_k (cᵀV)_k (V⁻¹U)_{kj} e^{λ_k t}, an exponential sum
     * whose exponents are W's eigenvalues. Fails for defective or ill-conditioned blocks.
     */
    EIGEN,
    /**
     * Matrix-exponential route on the whole of W: cᵀ e^{Wt} from cached powers e^{Wτ2^j} (scaling and
     * squaring with a Padé approximant, {@link MatrixExponential}) and a Taylor step for the remainder.
     * Works for every W, including Jordan blocks.
     */
    MATRIX_EXPONENTIAL
}
