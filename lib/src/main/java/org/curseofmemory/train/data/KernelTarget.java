package org.curseofmemory.train.data;

import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.util.Validate;

/** See {@link TargetFunctional#ofKernel}. */
final class KernelTarget implements TargetFunctional {
    static final int GAUSS_POINTS = 3;
    private static final double[] NODES = {-Math.sqrt(0.6), 0.0, Math.sqrt(0.6)};
    private static final double[] WEIGHTS = {5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0};

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
        double half = 0.5 * dt;
        for (int l = 1; l <= lags; l++) {
            double mid = (l - 0.5) * dt;
            double s = 0;
            for (int q = 0; q < GAUSS_POINTS; q++) {
                double v = rho.value(mid + half * NODES[q]);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("memory kernel " + rho.name() + " returned " + v + " at t="
                            + (mid + half * NODES[q]));
                }
                s += WEIGHTS[q] * v;
            }
            g[l - 1] = half * s;
        }
        return g;
    }

    @Override
    public double[] outputs(double[] input) {
        Validate.finiteArray("input sequence", input, 1);
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
