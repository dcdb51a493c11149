package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.quad.GaussLegendre;
import org.curseofmemory.util.Validate;

/** See {@link TargetFunctional#ofKernel}. */
final class KernelTarget implements TargetFunctional {

    private final MemoryKernel rho;
    private final double dt;

    KernelTarget(MemoryKernel rho, double dt) {
        this.rho = rho;
        this.dt = dt;
    }

    @Override
    public int inputDimension() {
        return 1;
    }

    @Override
    public double dt() {
        return dt;
    }

    @Override
    public String name() {
        return "kernel " + rho.name();
    }

    /** g_l = ∫_{(l−1)Δt}^{lΔt} ρ(s) ds for l = 1..lags (index l−1). */
    double[] cellIntegrals(int lags) {
        double[] g = new double[lags];
        DoubleUnaryOperator checked = t -> {
            double v = rho.value(t);
            if (!Double.isFinite(v)) {
                throw new KitArgumentException("memory kernel " + rho.name() + " returned " + v + " at t=" + t);
            }
            return v;
        };
        for (int l = 1; l <= lags; l++) {
            g[l - 1] = GaussLegendre.THREE.integrateAround(checked, (l - 0.5) * dt, 0.5 * dt);
        }
        return g;
    }

    @Override
    public double[] outputs(double[] input) {
        Validate.finiteArray("input sequence", input, 1);
        if (input.length > MAX_KERNEL_STEPS) {
            throw new KitArgumentException("input sequence has length K=" + input.length + " but a kernel target"
                    + " accepts K <= MAX_KERNEL_STEPS=" + MAX_KERNEL_STEPS + " (its cost is O(K²))");
        }
        int steps = input.length;
        double[] g = cellIntegrals(steps);
        double[] y = new double[steps];
        for (int j = 0; j < steps; j++) {
            double s = 0;
            for (int l = 1; l <= j + 1; l++) {
                s += g[l - 1] * input[j + 1 - l];
            }
            y[j] = s;
        }
        return y;
    }

    @Override
    public String toString() {
        return name() + " (dt=" + dt + ")";
    }
}
