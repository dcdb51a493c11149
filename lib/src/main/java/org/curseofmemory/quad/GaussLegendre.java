package org.curseofmemory.quad;

import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.util.Validate;

/**
 * Gauss–Legendre rules ∫_a^b f ≈ (b−a)/2 Σ w_i f((a+b)/2 + (b−a)/2 x_i), exact for polynomials of
 * degree ≤ 2n − 1: the one table of fixed rules of the kit. {@link #SIXTEEN} (n = 16; nodes are the
 * roots of P₁₆ computed once by Newton's method on the three-term recurrence
 * (k+1)P_{k+1} = (2k+1)x P_k − k P_{k−1}, weights w_i = 2 / ((1 − x_i²) P₁₆'(x_i)²)) serves
 * {@link HalfLineQuadrature}; {@link #SIX} serves the fit grids ({@link Grid#gaussLegendre});
 * {@link #THREE} serves cell integrals of a kernel over a sample interval. Immutable.
 */
public final class GaussLegendre {
    /** The 16-point rule. */
    public static final GaussLegendre SIXTEEN = computed(16);
    /** The 6-point rule (tabulated to 15 digits). */
    public static final GaussLegendre SIX = new GaussLegendre(
            new double[] {-0.932469514203152, -0.661209386466265, -0.238619186083197,
                0.238619186083197, 0.661209386466265, 0.932469514203152},
            new double[] {0.171324492379170, 0.360761573048139, 0.467913934572691,
                0.467913934572691, 0.360761573048139, 0.171324492379170});
    /** The 3-point rule: nodes 0, ±√(3/5), weights 8/9, 5/9. */
    public static final GaussLegendre THREE = new GaussLegendre(
            new double[] {-Math.sqrt(0.6), 0.0, Math.sqrt(0.6)}, new double[] {5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0});

    private final double[] x;
    private final double[] w;

    private GaussLegendre(double[] x, double[] w) {
        this.x = x;
        this.w = w;
    }

    private static GaussLegendre computed(int n) {
        double[] xs = new double[n];
        double[] ws = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int it = 0; it < 100; it++) {
                double[] p = legendre(n, x);
                double dp = n * (x * p[1] - p[0]) / (x * x - 1);
                double dx = p[1] / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double[] p = legendre(n, x); // derivative at the converged node
            double dp = n * (x * p[1] - p[0]) / (x * x - 1);
            xs[i] = x;
            ws[i] = 2 / ((1 - x * x) * dp * dp);
        }
        return new GaussLegendre(xs, ws);
    }

    /** {P_{n−1}(x), P_n(x)} by the three-term recurrence. */
    private static double[] legendre(int n, double x) {
        double p0 = 1;
        double p1 = x;
        for (int k = 1; k < n; k++) {
            double p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p0, p1};
    }

    /** Number n of points. */
    public int points() {
        return x.length;
    }

    /** Node x_i on [−1, 1]. */
    public double node(int i) {
        return x[Validate.inRange("Gauss-Legendre node index i", i, 0, x.length - 1)];
    }

    /** Weight w_i on [−1, 1]. */
    public double weight(int i) {
        return w[Validate.inRange("Gauss-Legendre node index i", i, 0, w.length - 1)];
    }

    /** Nodes on [−1, 1] (a copy). */
    public double[] nodes() {
        return x.clone();
    }

    /** Weights on [−1, 1] (a copy). */
    public double[] weights() {
        return w.clone();
    }

    /** ∫_a^b f by this rule. */
    public double integrate(DoubleUnaryOperator f, double a, double b) {
        Validate.finite("interval end a", a);
        Validate.finite("interval end b", b);
        Validate.finite("interval length b - a", b - a);
        return integrateAround(f, 0.5 * (a + b), 0.5 * (b - a));
    }

    /** ∫_{c−h}^{c+h} f = h Σ w_i f(c + h x_i); f must return finite values (checked). */
    public double integrateAround(DoubleUnaryOperator f, double center, double halfWidth) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = center + halfWidth * x[i];
            double v = f.applyAsDouble(t);
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("integrand returned " + v + " at t=" + t);
            }
            s += w[i] * v;
        }
        return halfWidth * s;
    }

    @Override
    public String toString() {
        return "GaussLegendre[" + x.length + " points]";
    }
}
