package org.curseofmemory.quad;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * The kit's fast half-line integrator: globally adaptive Gauss–Kronrod (7/15) quadrature of
 * ∫₀^∞ |g| or ∫₀^∞ g² for a smooth g (an error e(t) = ρ(t) − ρ̂(t) or a kernel), with a tail rule
 * beyond a horizon. Used inside the approximation solvers of {@code org.curseofmemory.approx}
 * where such norms are needed many times (β search, perturbation sweeps); the reported norms of an
 * {@code Approximant} also come from here and are cross-checked against the accurate
 * {@link HalfLineQuadrature} (through {@code kernel.Norms}) in the tests.
 *
 * <p>Layout: base panels with breakpoints 0, 10⁻⁶, 2·10⁻⁶, 4·10⁻⁶, … (doubling, but at most 0.5
 * wide below t = 64 so that the oscillations of kernels such as e^{−t}cos t are never aliased by
 * one wide panel), plus the target's declared {@code breakpoints()}, up to the horizon T_h. The piece with the largest error estimate |K15 − G7| is
 * refined until the summed estimate is below max(absTol, relTol·|I|) or {@link #MAX_INTERVALS}
 * pieces are in use. For |g| every piece is scanned for sign changes of g at its 15 nodes and its
 * ends; a piece with a sign change is split exactly at the root (located by bisection), so |g| is
 * smooth on every final piece and its kinks cost nothing.
 *
 * <p>Tail [T_h, ∞): a closed form supplied by the caller, or extrapolated from the local power law
 * f(t) ≈ C t^{−p} measured at T_h/10 and T_h, giving T_h·f(T_h)/(p − 1) when p &gt; 1 and +∞ otherwise
 * (a non-integrable tail is reported as infinite, never as NaN).
 */
public final class AdaptiveQuadrature {

    /** Default integration horizon T_h; beyond it the tail rule applies. */
    public static final double HORIZON = 1e16;
    /** Largest horizon used. */
    static final double MAX_HORIZON = 1e30;
    /** First breakpoint. */
    static final double FIRST_BREAK = 1e-6;
    /** Base panels are at most {@link #MAX_EARLY_WIDTH} wide below this time (oscillating kernels). */
    static final double OSCILLATION_END = 64;
    /** Width cap of the base panels below {@link #OSCILLATION_END}. */
    static final double MAX_EARLY_WIDTH = 0.5;
    /** Cap on the number of pieces (work bound). */
    static final int MAX_INTERVALS = 6000;

    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private AdaptiveQuadrature() {
    }

    /** Result of one integration: value, error estimate, whether the tolerance was met. */
    public record Result(double value, double errorEstimate, boolean converged) {
    }

    /** A piece [a, b] with its integral and error; split at {@code cut} (NaN: at the midpoint). */
    private record Piece(double a, double b, double value, double error, double cut) {
    }

    /** What is integrated: |g| or g². */
    public enum Power {
        ABS, SQUARE
    }

    /**
     * The horizon for an integrand containing modes e^{−λt} with λ ≥ minRate:
     * max({@link #HORIZON}, 800/minRate), capped at {@link #MAX_HORIZON}.
     */
    public static double horizonFor(double minRate) {
        if (!(minRate > 0)) {
            return HORIZON;
        }
        return Math.min(Math.max(HORIZON, 800 / minRate), MAX_HORIZON);
    }

    /**
     * ∫₀^∞ |g| or ∫₀^∞ g².
     *
     * @param g        smooth integrand, not null
     * @param power    ABS or SQUARE, not null
     * @param horizon  T_h in (0, 10³⁰]
     * @param tail     closed-form ∫_{T_h}^∞ of |g| or g² (≥ 0, +∞ if not integrable), or NaN to extrapolate a power law
     * @param relTol   relative tolerance, finite, ≥ 0
     * @param absTol   absolute tolerance, finite, ≥ 0
     */
    public static Result integrate(DoubleUnaryOperator g, Power power, double horizon, double tail, double relTol,
            double absTol) {
        return integrate(g, power, horizon, tail, relTol, absTol, new double[0]);
    }

    /**
     * As {@link #integrate(DoubleUnaryOperator, Power, double, double, double, double)}, with extra
     * panel boundaries (a kernel's declared kinks, jumps and support ends) inserted into the layout.
     */
    public static Result integrate(DoubleUnaryOperator g, Power power, double horizon, double tail, double relTol,
            double absTol, double[] breakpoints) {
        Validate.notNull("integrand g", g);
        Validate.notNull("power", power);
        Validate.positive("integration horizon", horizon);
        Validate.atMost("integration horizon", horizon, "MAX_HORIZON", MAX_HORIZON);
        if (tail < 0) {
            throw new KitArgumentException("tail integral=" + tail + " must be >= 0 (or NaN to extrapolate)");
        }
        Validate.nonNegative("relative tolerance relTol", relTol);
        Validate.nonNegative("absolute tolerance absTol", absTol);
        Validate.notNull("breakpoints", breakpoints);
        PriorityQueue<Piece> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
        double[] extra = breakpoints.clone();
        java.util.Arrays.sort(extra);
        int next = 0;
        double total = 0;
        double totalErr = 0;
        double a = 0;
        double b = FIRST_BREAK;
        while (a < horizon) {
            while (next < extra.length && !(extra[next] > a)) {
                next++;
            }
            if (next < extra.length && extra[next] < b) {
                b = extra[next];
            }
            Piece p = piece(g, power, a, b);
            queue.add(p);
            total += p.value;
            totalErr += p.error;
            a = b;
            b = a < OSCILLATION_END ? Math.min(2 * a, a + MAX_EARLY_WIDTH) : 2 * a;
            b = Math.min(b, horizon);
        }
        while (totalErr > Math.max(absTol, relTol * Math.abs(total)) && queue.size() < MAX_INTERVALS) {
            Piece worst = queue.poll();
            double mid = Double.isNaN(worst.cut) ? 0.5 * (worst.a + worst.b) : worst.cut;
            Piece left = piece(g, power, worst.a, mid);
            Piece right = piece(g, power, mid, worst.b);
            queue.add(left);
            queue.add(right);
            total += left.value + right.value - worst.value;
            totalErr += left.error + right.error - worst.error;
        }
        double sum = 0;
        double err = 0;
        for (Piece p : queue) {
            sum += p.value;
            err += p.error;
        }
        DoubleUnaryOperator f = power == Power.ABS ? t -> Math.abs(g.applyAsDouble(t)) : t -> {
            double v = g.applyAsDouble(t);
            return v * v;
        };
        double tailValue = Double.isNaN(tail) ? powerLawTail(f, horizon) : tail;
        boolean converged = err <= Math.max(absTol, relTol * Math.abs(sum)) * 1.0000001;
        return new Result(sum + tailValue, err, converged);
    }

    /**
     * ∫_{T_h}^∞ f by the local power law through (T_h/10, f(T_h/10)) and (T_h, f(T_h)):
     * f ≈ f(T_h) (t/T_h)^{−p}, integral T_h f(T_h)/(p − 1). Zero if f(T_h) = 0, +∞ if p ≤ 1.
     */
    public static double powerLawTail(DoubleUnaryOperator f, double horizon) {
        Validate.notNull("integrand f", f);
        Validate.positive("integration horizon", horizon);
        double fb = f.applyAsDouble(horizon);
        if (fb == 0) {
            return 0;
        }
        double fa = f.applyAsDouble(horizon / 10);
        if (!(fa > 0) || !(fb > 0) || !Double.isFinite(fa) || !Double.isFinite(fb)) {
            return Double.POSITIVE_INFINITY;
        }
        double p = Math.log(fa / fb) / Math.log(10);
        if (!(p > 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return horizon * fb / (p - 1);
    }

    private static Piece piece(DoubleUnaryOperator g, Power power, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        // g at a, the 15 Kronrod nodes in increasing order, and b.
        double[] x = new double[17];
        double[] v = new double[17];
        x[0] = a;
        x[16] = b;
        for (int j = 0; j < 7; j++) {
            x[1 + j] = c - h * XGK[j];
            x[15 - j] = c + h * XGK[j];
        }
        x[8] = c;
        for (int i = 0; i < 17; i++) {
            v[i] = g.applyAsDouble(x[i]);
            if (!Double.isFinite(v[i])) {
                throw new ArithmeticException("integrand is not finite at t=" + x[i] + " (value " + v[i]
                        + "): the kernel or its approximant returned NaN or overflowed there");
            }
        }
        double resK = 0;
        double resG = 0;
        for (int j = 0; j < 7; j++) {
            double f1 = power == Power.ABS ? Math.abs(v[1 + j]) : v[1 + j] * v[1 + j];
            double f2 = power == Power.ABS ? Math.abs(v[15 - j]) : v[15 - j] * v[15 - j];
            resK += WGK[j] * (f1 + f2);
            if (j % 2 == 1) {
                resG += WG[j / 2] * (f1 + f2);
            }
        }
        double fc = power == Power.ABS ? Math.abs(v[8]) : v[8] * v[8];
        resK = h * (resK + WGK[7] * fc);
        resG = h * (resG + WG[3] * fc);
        double err = Math.abs(resK - resG);
        double cut = Double.NaN;
        if (power == Power.ABS) {
            for (int i = 0; i < 16; i++) {
                if (v[i] * v[i + 1] < 0) {
                    double r = Roots.bisect(g, x[i], v[i], x[i + 1]);
                    if (r > a && r < b) {
                        cut = r;
                        // a kink inside: make sure the piece is refined (split at the root)
                        err = Math.max(err, Math.abs(resK) + Double.MIN_NORMAL);
                    }
                    break;
                }
            }
        }
        return new Piece(a, b, resK, err, cut);
    }
}
