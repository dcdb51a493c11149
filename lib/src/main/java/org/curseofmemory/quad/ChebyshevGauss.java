package org.curseofmemory.quad;

import org.curseofmemory.util.Validate;

/**
 * Chebyshev–Gauss nodes x_i = cos((2i + 1)π / 2n), i = 0..n−1, on [−1, 1]: the rule
 * ∫₋₁¹ g(x) dx ≈ (π/n) Σ_i √(1 − x_i²) g(x_i). The Jackson construction fits on these nodes in the
 * variable s = (1 + x)/2 = e^{−βt} (weights √(1 − x_i²) up to the constant π/n).
 */
public final class ChebyshevGauss {
    /** Largest number of nodes accepted. */
    public static final int MAX_NODES = 10_000_000;

    private ChebyshevGauss() {
    }

    /** The n nodes x_i, n in [1, {@link #MAX_NODES}], in decreasing order (a new array). */
    public static double[] nodes(int n) {
        Validate.capped("number of nodes n", n, 1, MAX_NODES);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos((2 * i + 1) * Math.PI / (2 * n));
        }
        return x;
    }

    /** The weight √(1 − x²) of a node x in [−1, 1] (the constant π/n left out). */
    public static double weight(double x) {
        Validate.inRange("Chebyshev node x", x, -1, 1);
        return Math.sqrt(1 - x * x);
    }
}
