package org.curseofmemory.train;

import org.curseofmemory.quad.Grid;

/**
 * A parametric model kernel ρ̂_θ(t), trained on the kernel loss
 * <pre>  J(θ) = ½ Σ_i w_i (ρ̂_θ(t_i) − ρ(t_i))²  </pre>
 * over the nodes t_i and weights w_i of a {@link Grid} (docs/theory.md §4: for white-noise input the
 * expected squared output error equals ∫ (ρ − ρ̂)², so gradient descent on data ≈ gradient flow on
 * this loss). Implementations give ANALYTIC gradients.
 */
public interface KernelModel extends ParametricModel {

    /**
     * Model kernel values ρ̂_θ(t_j).
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param t     non-negative, non-decreasing times
     * @return a new array of ρ̂_θ(t_j)
     */
    double[] kernel(double[] theta, double[] t);

    /**
     * J(θ) = ½ Σ_i w_i (ρ̂_θ(t_i) − target_i)² and, if {@code gradient != null}, its exact gradient
     * ∂J/∂θ_k = Σ_i w_i (ρ̂_θ(t_i) − target_i) ∂ρ̂_θ(t_i)/∂θ_k written into {@code gradient}.
     *
     * @param theta    parameters, length p
     * @param grid     quadrature grid
     * @param target   target kernel sampled on the grid nodes, length {@code grid.size()}
     * @param gradient output of length p, or {@code null} for the loss only
     * @return J(θ)
     */
    double lossAndGradient(double[] theta, Grid grid, double[] target, double[] gradient);
}
