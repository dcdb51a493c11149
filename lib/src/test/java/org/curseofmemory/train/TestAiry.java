package org.curseofmemory.train;

import org.curseofmemory.kernel.MemoryKernel;

/**
 * Test-local Airy function Ai(x) (until the kernels helper's Kernels.airy is available):
 * Maclaurin series Ai = c1 f − c2 g for x ≤ 5, asymptotic expansion
 * Ai(x) ≈ e^{−ζ}/(2√π x^{1/4}) Σ (−1)^k u_k/ζ^k, ζ = (2/3)x^{3/2}, for x &gt; 5.
 */
final class TestAiry {
    private static final double C1 = 0.355028053887817239;
    private static final double C2 = 0.258819403792806798;
    private static final double[] U = {1.0, 0.0694444444444444444, 0.0371334876543209877, 0.0379930591278006401,
        0.0576491904126697773, 0.116099064025515744, 0.291591399230751171};

    private TestAiry() {
    }

    static double ai(double x) {
        if (x > 5) {
            double zeta = 2.0 / 3.0 * x * Math.sqrt(x);
            double s = 0;
            double p = 1;
            for (int k = 0; k < U.length; k++) {
                s += ((k % 2 == 0) ? 1 : -1) * U[k] * p;
                p /= zeta;
            }
            return Math.exp(-zeta) / (2 * Math.sqrt(Math.PI) * Math.pow(x, 0.25)) * s;
        }
        double x3 = x * x * x;
        double f = 1;
        double g = x;
        double tf = 1;
        double tg = x;
        for (int k = 1; k < 200; k++) {
            tf *= x3 / ((3.0 * k - 1) * (3.0 * k));
            tg *= x3 / ((3.0 * k) * (3.0 * k + 1));
            f += tf;
            g += tg;
            if (Math.abs(tf) + Math.abs(tg) < 1e-18 * (Math.abs(f) + Math.abs(g))) {
                break;
            }
        }
        return C1 * f - C2 * g;
    }

    /** ρ(t) = Ai(t − t0). */
    static MemoryKernel shifted(double t0) {
        return new MemoryKernel() {
            @Override
            public double value(double t) {
                return ai(t - t0);
            }

            @Override
            public String name() {
                return "Ai(t-" + t0 + ")";
            }
        };
    }
}
