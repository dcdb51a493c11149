package org.curseofmemory.quad;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * The kit's accurate half-line integrator: ∫₀^∞ g or ∫₀^T g for an integrand g = Σ_i |f_i| (L¹) or
 * Σ_i f_i² (L²²) described by a {@link HalfLineIntegrand} (the memory-kernel norms of
 * {@code org.curseofmemory.kernel.Norms} are its users).
 *
 * <h2>Method</h2>
 * <ul>
 * <li><b>Panels.</b> [0, ∞) is cut into panels [0,1], [1,2], [2,4], [4,8], … (geometrically growing, so slowly
 * decaying memory costs only a few panels per decade). Panels are further cut at every
 * {@link HalfLineIntegrand#breakpoints() breakpoint} of the parts and, for L¹ integrands, at every sign
 * change of each part f_i found by sampling (65 points per interval, recursively split in four where sign changes are dense or
 * where a second, incommensurate 42-point sampling disagrees, which catches aliasing; sub-intervals start at the
 * root density of the previous panel) and refining each bracketed root by regula falsi ({@link Roots#illinois}), so |f_i| is
 * smooth on each piece.</li>
 * <li><b>Quadrature.</b> On each panel, globally adaptive 16-point Gauss–Legendre: the piece with the largest
 * error estimate |Q(a,b) − Q(a,m) − Q(m,b)| is bisected until the panel's errors sum to at most
 * 0.1·tol·max(panel integral, 10⁻⁶·integral so far). Kinks that are not declared still converge (by bisection), only more slowly.</li>
 * <li><b>Tail.</b> After each panel end T ≥ {@value #MIN_HORIZON} (and past the last breakpoint):
 * if the integrand knows its tail exactly ({@link HalfLineIntegrand#tailInterval}, e.g. a kernel's {@code tailL1}) it is
 * added and quadrature stops ({@link QuadratureEstimate.TailMethod#EXACT}); for a distance, the exact tails of both
 * kernels bound the tail of the difference by the triangle inequality, and quadrature continues until that
 * interval is negligible ({@link QuadratureEstimate.TailMethod#BOUNDED}); otherwise the panel contributions are
 * extrapolated as a geometric series (Aitken Δ², exact for power-law and exponential asymptotics) and accepted
 * when two successive estimates agree to tol ({@link QuadratureEstimate.TailMethod#EXTRAPOLATED}).</li>
 * <li><b>Failure is loud.</b> A non-finite kernel value, an integrand that does not decay before
 * t = {@value #MAX_HORIZON}, or a result whose error estimate exceeds 1000·tol·|value| throws
 * {@link ArithmeticException}. No NaN is ever returned.</li>
 * </ul>
 * Known limitation: a kernel whose mass sits beyond t = {@value #MIN_HORIZON} after an (almost) exactly zero
 * stretch must declare a breakpoint there, otherwise the zero panels look like a finished integral.
 */
public final class HalfLineQuadrature {
    /** Quadrature always runs at least up to this time before a tail ∫_T^∞ may be used. */
    public static final double MIN_HORIZON = 64;
    /** Quadrature gives up (throws) if the integrand has not settled by this time. */
    public static final double MAX_HORIZON = 1e30;

    /** Bounds of the relative tolerance: tighter than about 1e-14 is below double precision. */
    public static final double MIN_RELATIVE_TOLERANCE = 1e-14;
    /** Largest relative tolerance (half the value). */
    public static final double MAX_RELATIVE_TOLERANCE = 0.5;
    /** Most parts an integrand may have (one work array entry each). */
    public static final int MAX_PARTS = 1_000_000;

    private static final int MAX_PIECES_PER_PANEL = 4000;
    private static final int SIGN_SAMPLES = 32;
    private static final int COARSE_SAMPLES = 41;
    private static final long MAX_PRIOR_SPLITS = 1L << 20;
    /**
     * Each panel is integrated to relative accuracy tol of its own value, or of this fraction of the integral so
     * far, whichever is larger: the tail extrapolation needs accurate ratios of panel contributions.
     */
    private static final double PANEL_FLOOR = 1e-6;

    private HalfLineQuadrature() {
    }

    private static final class Counter {
        long evaluations;
    }

    private record Piece(double a, double b, double value, double error, double magnitude, double[] left,
                         double[] right) implements Comparable<Piece> {
        @Override
        public int compareTo(Piece o) {
            return Double.compare(o.error, error); // largest error first
        }
    }

    /**
     * ∫₀^end g (end = +∞ for the half line) to relative tolerance relTol.
     *
     * @param p      the integrand: 1 to {@link #MAX_PARTS} parts, breakpoints finite, non-negative,
     *               non-decreasing and at most {@link #MAX_HORIZON}
     * @param end    in (0, {@link #MAX_HORIZON}] or +∞
     * @param relTol in [{@link #MIN_RELATIVE_TOLERANCE}, {@link #MAX_RELATIVE_TOLERANCE}]
     * @throws IllegalArgumentException if an argument is out of range, or the integrand returns a
     *                                  value that is not finite or a malformed tail interval (the
     *                                  message names it)
     * @throws ArithmeticException if the integral cannot be computed to that accuracy
     */
    public static QuadratureEstimate integrate(HalfLineIntegrand p, double end, double relTol) {
        checkArguments(p, end, relTol);
        Counter counter = new Counter();
        boolean infinite = Double.isInfinite(end);
        double lastBreak = p.breakpoints().length == 0 ? 0 : p.breakpoints()[p.breakpoints().length - 1];
        double minHorizon = Math.max(MIN_HORIZON, 2 * lastBreak);

        double total = 0;
        double error = 0;
        double a = 0;
        double b = 1;
        double prevContribution = Double.NaN;
        double prevExtrapolated = Double.NaN;
        int agreements = 0;
        double[] rootDensity = new double[p.parts()]; // sign changes per unit time seen in the previous panel
        double magnitude = 0;
        double prevMagnitude = Double.NaN;
        boolean prevNoiseLevel = false;
        double noise = p.noiseFactor();
        while (true) {
            if (!infinite && b > end) {
                b = end;
            }
            double[] cuts = panelCuts(p, a, b, counter, rootDensity);
            double contribution = 0;
            double panelError = 0;
            double panelMagnitude = 0;
            for (int i = 0; i + 1 < cuts.length; i++) {
                double[] r = adaptive(p, cuts[i], cuts[i + 1], total + contribution, relTol, counter);
                contribution += r[0];
                panelError += r[1];
                panelMagnitude += r[2];
            }
            total += contribution;
            error += panelError;
            magnitude += panelMagnitude;
            double floor = noise * magnitude;
            if (!infinite && b >= end) {
                return finish(p, total, error, end, 0, QuadratureEstimate.TailMethod.NONE, counter, relTol, floor);
            }
            boolean noiseLevel = contribution <= 10 * noise * panelMagnitude;
            if (b >= minHorizon) {
                // Route 1: tails known in closed form (exact for one kernel, an interval for a distance).
                double[] tail = checkedTail(p, b);
                if (tail != null) {
                    double mid = 0.5 * (tail[0] + tail[1]);
                    double half = 0.5 * (tail[1] - tail[0]);
                    if (half <= Math.max(relTol * (total + mid), floor)) {
                        QuadratureEstimate.TailMethod method = p.isDistance() ? QuadratureEstimate.TailMethod.BOUNDED
                                : QuadratureEstimate.TailMethod.EXACT;
                        return finish(p, total + mid, error + half, b, mid, method, counter, relTol, floor);
                    }
                }
                // Route 2: extrapolate the panel contributions I_k as a geometric series (Aitken Δ²).
                if (!Double.isNaN(prevContribution)) {
                    if (contribution == 0 && prevContribution == 0) {
                        return finish(p, total, error, b, 0, QuadratureEstimate.TailMethod.NEGLIGIBLE, counter, relTol,
                                floor);
                    }
                    // Route 3: a distance at floating-point noise level while the kernels themselves decay.
                    if (noiseLevel && prevNoiseLevel && panelMagnitude < prevMagnitude) {
                        double rm = panelMagnitude / prevMagnitude;
                        double magnitudeTail = panelMagnitude * rm / (1 - rm);
                        if (magnitudeTail <= magnitude) {
                            double tailBound = 10 * noise * magnitudeTail;
                            return finish(p, total, error + tailBound, b, 0, QuadratureEstimate.TailMethod.NEGLIGIBLE,
                                    counter, relTol, noise * (magnitude + magnitudeTail));
                        }
                    }
                    if (prevContribution > 0 && contribution < prevContribution) {
                        double r = contribution / prevContribution;
                        double tailEstimate = contribution * r / (1 - r);
                        if (tail != null) {
                            tailEstimate = Math.min(Math.max(tailEstimate, tail[0]), tail[1]);
                        }
                        double extrapolated = total + tailEstimate;
                        if (tailEstimate <= Math.max(1e-3 * relTol * total, floor)) {
                            return finish(p, extrapolated, error + tailEstimate, b, tailEstimate,
                                    QuadratureEstimate.TailMethod.NEGLIGIBLE, counter, relTol, floor);
                        }
                        double change = Math.abs(extrapolated - prevExtrapolated);
                        agreements = change <= Math.max(relTol * extrapolated, floor) ? agreements + 1 : 0;
                        if (agreements >= 2) {
                            return finish(p, extrapolated, error + 2 * change, b, tailEstimate,
                                    QuadratureEstimate.TailMethod.EXTRAPOLATED, counter, relTol, floor);
                        }
                        prevExtrapolated = extrapolated;
                    } else {
                        prevExtrapolated = Double.NaN;
                        agreements = 0;
                    }
                }
                prevContribution = contribution;
                prevMagnitude = panelMagnitude;
                prevNoiseLevel = noiseLevel;
            }
            if (b >= MAX_HORIZON) {
                throw new ArithmeticException("the " + p.description() + " did not converge: the integrand has not "
                        + "decayed by t=" + b + " (integral so far " + total + "); is the kernel integrable?");
            }
            a = b;
            b = 2 * b;
        }
    }

    private static QuadratureEstimate finish(HalfLineIntegrand p, double value, double error, double horizon, double tail,
                                       QuadratureEstimate.TailMethod method, Counter counter, double relTol,
                                       double noiseFloor) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("the " + p.description() + " is not finite: " + value);
        }
        if (error > 1000 * relTol * Math.abs(value) && error > 10 * noiseFloor && error > Double.MIN_NORMAL) {
            throw new ArithmeticException("the " + p.description() + " could not be computed accurately: " + value
                    + " ± " + error + " (horizon " + horizon + ")");
        }
        return new QuadratureEstimate(value, error, horizon, tail, method, counter.evaluations);
    }

    /**
     * Cut points of panel [a, b]: ends, breakpoints inside, and (L¹) sign changes of each f_i. The sign-change
     * search starts from sub-intervals sized by the root density of the previous panel (≈ 2 roots each), and
     * {@code rootDensity} is updated with this panel's density.
     */
    private static double[] panelCuts(HalfLineIntegrand p, double a, double b, Counter counter, double[] rootDensity) {
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(a);
        cuts.add(b);
        for (double x : p.breakpoints()) {
            if (x > a && x < b) {
                cuts.add(x);
            }
        }
        if (!p.squared()) {
            List<Double> base = new ArrayList<>(cuts);
            for (int i = 0; i < p.parts(); i++) {
                int before = cuts.size();
                for (int j = 0; j + 1 < base.size(); j++) {
                    double u = base.get(j);
                    double v = base.get(j + 1);
                    long m = (long) Math.ceil((v - u) * rootDensity[i] / 2);
                    m = Math.max(1, Math.min(m, MAX_PRIOR_SPLITS));
                    for (long q = 0; q < m; q++) {
                        double lo = q == 0 ? u : u + (v - u) * q / m;
                        double hi = q == m - 1 ? v : u + (v - u) * (q + 1) / m;
                        addSignChanges(p, i, lo, hi, cuts, counter);
                    }
                }
                rootDensity[i] = (cuts.size() - before) / (b - a);
            }
        }
        double[] out = new double[cuts.size()];
        int i = 0;
        for (double x : cuts) {
            out[i++] = x;
        }
        return out;
    }

    /**
     * Adds the sign changes of f_i on [a, b] to {@code cuts}. f_i is sampled at 2n+1 equispaced points
     * (n = {@value #SIGN_SAMPLES}) and on a second grid of {@value #COARSE_SAMPLES} steps; the numbers of sign changes
     * seen on the two grids must agree and be sparse (at most n/8), otherwise the interval is split in four and each
     * part is sampled again, so that fast oscillations are resolved locally and aliasing (a step close to a
     * multiple of the period) is caught by the disagreement of the two incommensurate grids. Every bracketed root is refined by the Illinois variant of regula falsi.
     */
    private static void addSignChanges(HalfLineIntegrand p, int i, double a, double b, TreeSet<Double> cuts, Counter counter) {
        int n2 = 2 * SIGN_SAMPLES;
        double[] x = new double[n2 + 1];
        double[] f = new double[n2 + 1];
        for (int j = 0; j <= n2; j++) {
            x[j] = j == n2 ? b : a + (b - a) * j / n2;
            f[j] = p.signPart(i, x[j]);
            counter.evaluations++;
        }
        // a second, incommensurate grid (COARSE_SAMPLES + 1 points): aliasing fools both grids only by coincidence
        double[] fc = new double[COARSE_SAMPLES + 1];
        fc[0] = f[0];
        fc[COARSE_SAMPLES] = f[n2];
        for (int j = 1; j < COARSE_SAMPLES; j++) {
            fc[j] = p.signPart(i, a + (b - a) * j / COARSE_SAMPLES);
            counter.evaluations++;
        }
        int fine = countSignChanges(f);
        int coarse = countSignChanges(fc);
        boolean resolved = fine == coarse && fine <= SIGN_SAMPLES / 8;
        if (!resolved && (b - a) > 1e-9 * Math.max(1, Math.abs(b))) {
            for (int q = 0; q < 4; q++) {
                double lo = q == 0 ? a : a + (b - a) * q / 4;
                double hi = q == 3 ? b : a + (b - a) * (q + 1) / 4;
                addSignChanges(p, i, lo, hi, cuts, counter);
            }
            return;
        }
        // sign changes between consecutive non-zero samples; exact zeros in between are cut points themselves
        int last = -1;
        for (int j = 0; j <= n2; j++) {
            if (f[j] == 0) {
                continue;
            }
            if (last >= 0 && signChange(f[last], f[j])) {
                if (j == last + 1) {
                    final int part = i;
                    cuts.add(Roots.illinois(t -> {
                        counter.evaluations++;
                        return p.signPart(part, t);
                    }, x[last], f[last], x[j], f[j]));
                } else {
                    cuts.add(x[last + 1]);
                    cuts.add(x[j - 1]);
                }
            }
            last = j;
        }
    }

    /** Number of sign changes between consecutive non-zero entries. */
    private static int countSignChanges(double[] f) {
        int count = 0;
        double last = 0;
        for (double v : f) {
            if (v != 0) {
                if (signChange(last, v)) {
                    count++;
                }
                last = v;
            }
        }
        return count;
    }

    private static boolean signChange(double u, double v) {
        return (u < 0 && v > 0) || (u > 0 && v < 0);
    }

    /**
     * Globally adaptive Gauss–Legendre on [a, b]; returns {integral, error estimate, magnitude integral}. The target
     * absolute error is 0.1·max(relTol·|this piece|, relTol·PANEL_FLOOR·|before|, noise·magnitude of this piece).
     */
    private static double[] adaptive(HalfLineIntegrand p, double a, double b, double before, double relTol, Counter counter) {
        if (!(b > a)) {
            return new double[] {0, 0, 0};
        }
        PriorityQueue<Piece> queue = new PriorityQueue<>();
        Piece first = piece(p, a, b, gaussLegendre(p, a, b, counter), counter);
        queue.add(first);
        double value = first.value;
        double error = first.error;
        double magnitude = first.magnitude;
        double unresolved = 0;
        int pieces = 1;
        double noise = p.noiseFactor();
        while (error > 0.1 * Math.max(relTol * Math.max(Math.abs(value), PANEL_FLOOR * Math.abs(before)),
                noise * magnitude) && pieces < MAX_PIECES_PER_PANEL) {
            Piece worst = queue.poll();
            double m = 0.5 * (worst.a + worst.b);
            if (!(m > worst.a && m < worst.b)) {
                // cannot split further: keep it as it is, its error stays in the final estimate
                queue.add(new Piece(worst.a, worst.b, worst.value, 0, worst.magnitude, worst.left, worst.right));
                error -= worst.error;
                unresolved += worst.error;
                continue;
            }
            Piece l = piece(p, worst.a, m, worst.left, counter);
            Piece r = piece(p, m, worst.b, worst.right, counter);
            queue.add(l);
            queue.add(r);
            value += l.value + r.value - worst.value;
            error += l.error + r.error - worst.error;
            magnitude += l.magnitude + r.magnitude - worst.magnitude;
            pieces++;
        }
        // recompute sums to avoid drift
        double v = 0;
        double e = unresolved;
        double mag = 0;
        for (Piece q : queue) {
            v += q.value;
            e += q.error;
            mag += q.magnitude;
        }
        return new double[] {v, e, mag};
    }

    /** A piece [a, b] whose integral over the whole is {@code whole}: halves computed, error |whole − halves|. */
    private static Piece piece(HalfLineIntegrand p, double a, double b, double[] whole, Counter counter) {
        double m = 0.5 * (a + b);
        double[] l = gaussLegendre(p, a, m, counter);
        double[] r = gaussLegendre(p, m, b, counter);
        return new Piece(a, b, l[0] + r[0], Math.abs(whole[0] - (l[0] + r[0])), l[1] + r[1], l, r);
    }

    /**
     * The arguments and what the integrand says of itself, checked once before any work: an
     * integrand written outside the library gets a message naming what it got wrong.
     */
    private static void checkArguments(HalfLineIntegrand p, double end, double relTol) {
        Validate.notNull("integrand p", p);
        if (!(end > 0) || (!Double.isInfinite(end) && end > MAX_HORIZON)) {
            throw new KitArgumentException("integration end end=" + end + " must be in (0, " + MAX_HORIZON
                    + "] or +Infinity for the half line");
        }
        Validate.inRange("relative tolerance relTol", relTol, MIN_RELATIVE_TOLERANCE, MAX_RELATIVE_TOLERANCE);
        Validate.inRange("number of parts p.parts()", p.parts(), 1, MAX_PARTS);
        double[] breaks = Validate.notNull("breakpoints p.breakpoints()", p.breakpoints());
        Validate.increasing("breakpoints p.breakpoints()", "breakpoints", breaks, false);
        if (breaks.length > 0 && breaks[breaks.length - 1] > MAX_HORIZON) {
            throw new KitArgumentException("last breakpoint " + breaks[breaks.length - 1] + " of p.breakpoints() must be"
                    + " at most " + MAX_HORIZON);
        }
    }

    /**
     * The tail interval an integrand reports for [T, ∞): null (unknown), or {lo, hi} with lo <= hi. An
     * interval with hi = +∞ bounds nothing and counts as unknown.
     */
    private static double[] checkedTail(HalfLineIntegrand p, double T) {
        double[] tail = p.tailInterval(T);
        if (tail == null) {
            return null;
        }
        if (tail.length != 2 || Double.isNaN(tail[0]) || Double.isNaN(tail[1]) || tail[0] > tail[1]
                || tail[0] == Double.NEGATIVE_INFINITY) {
            throw new KitArgumentException("the tail interval p.tailInterval(" + T + ")=" + java.util.Arrays.toString(tail)
                    + " of the " + p.description() + " must be null or {lo, hi} with lo <= hi");
        }
        return tail[1] == Double.POSITIVE_INFINITY && Double.isFinite(tail[0]) ? null : tail;
    }

    /** {∫_a^b g, ∫_a^b magnitude} by the 16-point Gauss–Legendre rule. */
    private static double[] gaussLegendre(HalfLineIntegrand p, double a, double b, Counter counter) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double[] mag = new double[1];
        double s = 0;
        double m = 0;
        GaussLegendre rule = GaussLegendre.SIXTEEN;
        for (int i = 0; i < rule.points(); i++) {
            double w = rule.weight(i);
            s += w * p.g(c + h * rule.node(i), mag);
            m += w * mag[0];
        }
        counter.evaluations += rule.points();
        if (!Double.isFinite(s) || !Double.isFinite(m)) {
            throw new KitArgumentException("the " + p.description() + " returned " + s + " on [" + a + ", " + b
                    + "]: an integrand g must be finite on [0, end)");
        }
        return new double[] {h * s, h * m};
    }
}
