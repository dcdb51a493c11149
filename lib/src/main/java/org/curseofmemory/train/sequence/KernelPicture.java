package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;

/**
 * The two sides of "loss = kernel distance" (docs/theory.md §4) for a LINEAR {@link DiscreteRnn} with
 * scalar input and a kernel target ρ: what the data loss of {@link DataLoss} is expected to be under
 * white-noise input, and the kernel loss the kernel trainers minimise. Notebooks put these next to
 * a measured data loss.
 */
public final class KernelPicture {
    private KernelPicture() {
    }

    /**
     * The exact expectation of the data loss under white noise x_k ~ N(0, 1/Δt), for outputs that
     * have seen at least {@code lags} inputs:
     * <pre>  E[L] = ½ Σ_{l=1}^{lags} (ĝ_l − g_l)² / Δt,   g_l = ∫_{(l−1)Δt}^{lΔt} ρ,  </pre>
     * with ĝ the model's impulse response ({@link DiscreteRnn#impulseResponse}); for
     * ZERO_ORDER_HOLD, ĝ_l = ∫_{(l−1)Δt}^{lΔt} ρ̂, so E[L] → ½ ∫₀^{lags·Δt} (ρ − ρ̂)² as Δt → 0.
     *
     * @param model linear model with d = 1
     * @param theta its parameters
     * @param rho   target kernel, not null
     * @param lags  number of lags ≥ 1 (cover the memory of both kernels)
     */
    public static double expectedDataLoss(DiscreteRnn model, double[] theta, MemoryKernel rho, int lags) {
        Validate.notNull("model", model);
        Validate.notNull("memory kernel rho", rho);
        Validate.atLeast("lags", lags, 1);
        double[] gHat = model.impulseResponse(theta, lags);
        double[] g = new KernelTarget(rho, model.dt()).cellIntegrals(lags);
        double s = 0;
        for (int l = 0; l < lags; l++) {
            double e = gHat[l] - g[l];
            s += e * e;
        }
        return 0.5 * s / model.dt();
    }

    /**
     * The kernel loss J = ½ Σ_i w_i (ρ̂(t_i) − ρ(t_i))² of the model kernel ρ̂(s) = cᵀe^{Ws}U
     * on a quadrature grid (the loss of the kernel trainers, docs/theory.md §4).
     *
     * @param model linear model with d = 1
     * @param theta its parameters
     * @param rho   target kernel, not null
     * @param grid  quadrature grid, not null
     */
    public static double kernelLoss(DiscreteRnn model, double[] theta, MemoryKernel rho, Grid grid) {
        Validate.notNull("model", model);
        Validate.notNull("memory kernel rho", rho);
        Validate.notNull("grid", grid);
        double[] t = grid.nodes();
        double[] rhoHat = model.kernel(theta, t);
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double e = rhoHat[i] - rho.value(t[i]);
            s += grid.weight(i) * e * e;
        }
        if (!Double.isFinite(s)) {
            throw new KitArgumentException("kernel loss is not finite (" + s + "): the memory kernel "
                    + rho.name() + " or the model kernel is not finite on the grid");
        }
        return 0.5 * s;
    }
}
