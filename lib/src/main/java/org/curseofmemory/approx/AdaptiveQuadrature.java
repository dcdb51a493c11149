package org.curseofmemory.approx;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Package-private globally adaptive Gauss–Kronrod (7/15) quadrature on [0, T_h] with a power-law
 * tail estimate beyond T_h. Used inside the approximation solvers where norms of
 * e(t) = ρ(t) − ρ̂(t) on [0, ∞) are needed many times (β optimisation, rate optimisation,
 * perturbation sweeps). The reported norms of an {@link Approximant} also come from here; they
 * are cross-checked against {@code org.curseofmemory.kernel.Norms} in the tests.
 *
 * <p>Layout: base panels with geometric breakpoints 0, 10⁻⁶, 2·10⁻⁶, 4·10⁻⁶, …, up to the
 * horizon T_h (at least {@link #HORIZON}, and beyond 800/λ_min so that every mode of the approximant
 * has underflowed there); the interval with the largest |K15 − G7| is bisected until the summed error
 * estimate is below max(absTol, relTol·|I|) or {@link #MAX_INTERVALS} intervals are in use.
 * Tail [T_h, ∞): supplied by the caller (a known closed form) or extrapolated from the local power
 * law |f(t)| ≈ C t^{−p} measured at T_h/10 and T_h, giving T_h·|f(T_h)|/(p − 1) when p &gt; 1 and
 * +∞ otherwise (a non-integrable tail is reported as infinite, never as NaN).
 */
final class AdaptiveQuadrature {

    /** Default integration horizon T_h; beyond it the tail rule applies. */
    static final double HORIZON = 1e16;
    /** Largest horizon used. */
    static final double MAX_HORIZON = 1e30;
    /** First geometric breakpoint. */
    static final double FIRST_BREAK = 1e-6;
    /** Cap on the number of subintervals (work bound). */
    static final int MAX_INTERVALS = 4000;

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
    record Result(double value, double errorEstimate, boolean converged) {
    }

    private record Piece(double a, double b, double value, double error) {
    }

    /**
     * The horizon for an integrand containing modes e^{−λt} with λ ≥ minRate:
     * max({@link #HORIZON}, 800/minRate), capped at {@link #MAX_HORIZON}.
     */
    static double horizonFor(double minRate) {
        if (!(minRate > 0)) {
            return HORIZON;
        }
        return Math.min(Math.max(HORIZON, 800 / minRate), MAX_HORIZON);
    }

    /**
     * ∫₀^∞ f(t) dt for f ≥ 0 (callers pass |e| or e²).
     *
     * @param f        non-negative integrand
     * @param horizon  T_h
     * @param tail     closed-form ∫_{T_h}^∞ f, or NaN to extrapolate a power law
     * @param relTol   relative tolerance
     * @param absTol   absolute tolerance
     */
    static Result integrate(DoubleUnaryOperator f, double horizon, double tail, double relTol, double absTol) {
        PriorityQueue<Piece> queue = new PriorityQueue<>((p, q) -> Double.compare(q.error, p.error));
        double total = 0;
        double totalErr = 0;
        double a = 0;
        double b = FIRST_BREAK;
        while (a < horizon) {
            Piece p = kronrod(f, a, b);
            queue.add(p);
            total += p.value;
            totalErr += p.error;
            a = b;
            b = Math.min(2 * b, horizon);
        }
        while (totalErr > Math.max(absTol, relTol * Math.abs(total)) && queue.size() < MAX_INTERVALS) {
            Piece worst = queue.poll();
            double mid = 0.5 * (worst.a + worst.b);
            Piece left = kronrod(f, worst.a, mid);
            Piece right = kronrod(f, mid, worst.b);
            queue.add(left);
            queue.add(right);
            total += left.value + right.value - worst.value;
            totalErr += left.error + right.error - worst.error;
        }
        // Re-sum to avoid drift from the running updates.
        double sum = 0;
        double err = 0;
        for (Piece p : queue) {
            sum += p.value;
            err += p.error;
        }
        double tailValue = Double.isNaN(tail) ? powerLawTail(f, horizon) : tail;
        boolean converged = err <= Math.max(absTol, relTol * Math.abs(sum)) * 1.0000001;
        return new Result(sum + tailValue, err, converged);
    }

    /**
     * ∫_{T_h}^∞ f by the local power law through (T_h/10, f(T_h/10)) and (T_h, f(T_h)):
     * f ≈ f(T_h) (t/T_h)^{−p}, integral T_h f(T_h)/(p − 1). Zero if f(T_h) = 0, +∞ if p ≤ 1.
     */
    static double powerLawTail(DoubleUnaryOperator f, double horizon) {
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

    private static Piece kronrod(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double resK = fc * WGK[7];
        double resG = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = h * XGK[j];
            double f1 = f.applyAsDouble(c - dx);
            double f2 = f.applyAsDouble(c + dx);
            resK += WGK[j] * (f1 + f2);
            if (j % 2 == 1) {
                resG += WG[j / 2] * (f1 + f2);
            }
        }
        resK *= h;
        resG *= h;
        if (!Double.isFinite(resK)) {
            throw new ArithmeticException("integrand is not finite on [" + a + ", " + b + "] (value " + resK
                    + "): the kernel or its approximant returned NaN or overflowed there");
        }
        return new Piece(a, b, resK, Math.abs(resK - resG));
    }
}
