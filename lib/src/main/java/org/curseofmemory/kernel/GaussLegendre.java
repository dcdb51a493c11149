package org.curseofmemory.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * Fixed 16-point Gauss–Legendre rule ∫_a^b f ≈ (b−a)/2 Σ w_i f((a+b)/2 + (b−a)/2 x_i), exact for polynomials of
 * degree ≤ 31. Nodes are the roots of the Legendre polynomial P₁₆, computed once by Newton's method on the
 * three-term recurrence (k+1)P_{k+1} = (2k+1)x P_k − k P_{k−1}; weights w_i = 2 / ((1 − x_i²) P₁₆'(x_i)²).
 * Package-private building block of {@link Norms}.
 */
final class GaussLegendre {
    static final int POINTS = 16;
    private static final double[] X = new double[POINTS];
    private static final double[] W = new double[POINTS];

    static {
        int n = POINTS;
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 1; k < n; k++) {
                    double p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            // recompute derivative at the converged node
            double p0 = 1;
            double p1 = x;
            for (int k = 1; k < n; k++) {
                double p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
                p0 = p1;
                p1 = p2;
            }
            dp = n * (x * p1 - p0) / (x * x - 1);
            X[i] = x;
            W[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    private GaussLegendre() {
    }

    static double integrate(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double s = 0;
        for (int i = 0; i < POINTS; i++) {
            s += W[i] * f.applyAsDouble(c + h * X[i]);
        }
        return h * s;
    }

    /** Node x_i on [−1, 1]. */
    static double node(int i) {
        return X[i];
    }

    /** Weight w_i on [−1, 1]. */
    static double weight(int i) {
        return W[i];
    }

    /** Nodes on [−1, 1] (copy), for tests. */
    static double[] nodes() {
        return X.clone();
    }

    /** Weights on [−1, 1] (copy), for tests. */
    static double[] weights() {
        return W.clone();
    }
}
