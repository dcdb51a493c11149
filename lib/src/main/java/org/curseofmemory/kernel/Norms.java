package org.curseofmemory.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.TreeSet;

import org.curseofmemory.util.Validate;

/**
 * L¹ and L² norms of memory kernels and distances between kernels, on [0, ∞) or [0, T].
 *
 * <p>‖ρ‖_{L¹} = ∫₀^∞ |ρ(s)| ds is the operator norm sup_t ‖H_t‖ of the functional (Riesz representation,
 * REFERENCE §1), and ‖ρ − ρ̂‖_{L¹} = sup_t ‖H_t − Ĥ_t‖ is the approximation error of an RNN (REFERENCE §2, §3).
 * ‖ρ − ρ̂‖²_{L²} = ∫₀^∞ (ρ − ρ̂)² is the white-noise training loss (REFERENCE §4).
 *
 * <h2>Method</h2>
 * <ul>
 * <li><b>Panels.</b> [0, ∞) is cut into panels [0,1], [1,2], [2,4], [4,8], … (geometrically growing, so slowly
 * decaying memory costs only a few panels per decade). Panels are further cut at every
 * {@link MemoryKernel#breakpoints() breakpoint} of the kernels involved and, for L¹ integrands, at every sign
 * change of ρ found by sampling (65 points per interval, recursively split in four where sign changes are dense or
 * where a second, incommensurate 42-point sampling disagrees, which catches aliasing; sub-intervals start at the
 * root density of the previous panel) and refining each bracketed root by regula falsi (Illinois), so |ρ| is
 * smooth on each piece.</li>
 * <li><b>Quadrature.</b> On each panel, globally adaptive 16-point Gauss–Legendre: the piece with the largest
 * error estimate |Q(a,b) − Q(a,m) − Q(m,b)| is bisected until the panel's errors sum to at most
 * 0.1·tol·max(panel integral, 10⁻⁶·integral so far). Kinks that are not declared still converge (by bisection), only more slowly.</li>
 * <li><b>Tail.</b> After each panel end T ≥ {@value #MIN_HORIZON} (and past the last breakpoint):
 * if the kernel knows its tail exactly ({@link MemoryKernel#tailL1}, {@link MemoryKernel#tailL2Squared}) it is
 * added and quadrature stops ({@link NormEstimate.TailMethod#EXACT}); for a distance, the exact tails of both
 * kernels bound the tail of the difference by the triangle inequality, and quadrature continues until that
 * interval is negligible ({@link NormEstimate.TailMethod#BOUNDED}); otherwise the panel contributions are
 * extrapolated as a geometric series (Aitken Δ², exact for power-law and exponential asymptotics) and accepted
 * when two successive estimates agree to tol ({@link NormEstimate.TailMethod#EXTRAPOLATED}).</li>
 * <li><b>Failure is loud.</b> A non-finite kernel value, an integrand that does not decay before
 * t = {@value #MAX_HORIZON}, or a result whose error estimate exceeds 1000·tol·|value| throws
 * {@link ArithmeticException}. No NaN is ever returned.</li>
 * </ul>
 * Known limitation: a kernel whose mass sits beyond t = {@value #MIN_HORIZON} after an (almost) exactly zero
 * stretch must declare a breakpoint there, otherwise the zero panels look like a finished integral.
 *
 * <p>Default relative tolerance {@value #DEFAULT_RELATIVE_TOLERANCE}; measured accuracy on smooth closed-form
 * kernels is better than 1e-10 relative (see NormsTest).
 */
public final class Norms {

    /**
     * Default relative tolerance of every norm ‖ρ‖_{L¹}, ‖ρ‖_{L²} (REFERENCE §1, §4).
     */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-11;
    /**
     * Quadrature always runs at least up to this time before a tail ∫_T^∞ may be used (REFERENCE §3 tail mass).
     */
    public static final double MIN_HORIZON = 64;
    /**
     * Quadrature gives up (throws) if the integrand has not settled by this time: ρ is then not integrable
     * enough to be a memory kernel (REFERENCE §1).
     */
    public static final double MAX_HORIZON = 1e30;

    private static final int MAX_PIECES_PER_PANEL = 4000;
    /**
     * Relative floating-point noise level of a difference a − b (REFERENCE §2 error ‖ρ − ρ̂‖, §4 loss): an L¹
     * distance is computed to absolute accuracy
     * about NOISE·∫(|a| + |b|) at best (NOISE²·∫(a² + b²) for L²²), so two kernels that agree to ~13 digits have
     * a distance reported as (nearly) 0 with that absolute error estimate, instead of an endless hunt for
     * rounding-error sign changes.
     */
    public static final double NOISE = 1e-13;

    private static final int SIGN_SAMPLES = 32;
    private static final int COARSE_SAMPLES = 41;
    private static final long MAX_PRIOR_SPLITS = 1L << 20;
    /**
     * Each panel is integrated to relative accuracy tol of its own value, or of this fraction of the integral so
     * far, whichever is larger: the tail extrapolation needs accurate ratios of panel contributions.
     */
    private static final double PANEL_FLOOR = 1e-6;

    private Norms() {
    }

    // ------------------------------------------------------------------ public API: single kernel

    /** ‖ρ‖_{L¹[0,∞)} = ∫₀^∞ |ρ(s)| ds = sup_t ‖H_t‖ (REFERENCE §1). */
    public static double l1(MemoryKernel k) {
        return l1Estimate(k).value();
    }

    /** ‖ρ‖_{L¹[0,T]} = ∫₀^T |ρ(s)| ds (REFERENCE §1), T &gt; 0. */
    public static double l1(MemoryKernel k, double T) {
        return l1Estimate(k, T).value();
    }

    /** ‖ρ‖_{L²[0,∞)} = (∫₀^∞ ρ(s)² ds)^{1/2} (not squared; REFERENCE §4). */
    public static double l2(MemoryKernel k) {
        return Math.sqrt(l2SquaredEstimate(k).value());
    }

    /**
     * ‖ρ‖_{L²[0,T]} = (∫₀^T ρ(s)² ds)^{1/2}, T &gt; 0 (REFERENCE §4).
     */
    public static double l2(MemoryKernel k, double T) {
        return Math.sqrt(l2SquaredEstimate(k, T).value());
    }

    /** ‖ρ‖²_{L²[0,∞)} = ∫₀^∞ ρ(s)² ds (REFERENCE §4). */
    public static double l2Squared(MemoryKernel k) {
        return l2SquaredEstimate(k).value();
    }

    /** ∫₀^∞ |ρ| with its error estimate, horizon and tail treatment (REFERENCE §1). */
    public static NormEstimate l1Estimate(MemoryKernel k) {
        Validate.notNull("kernel", k);
        return integrate(Problem.l1(k), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /**
     * ∫₀^T |ρ| with its error estimate (REFERENCE §1), T &gt; 0.
     */
    public static NormEstimate l1Estimate(MemoryKernel k, double T) {
        Validate.notNull("kernel", k);
        Validate.positive("integration end T", T);
        return integrate(Problem.l1(k), T, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** ∫₀^∞ ρ² with its error estimate, horizon and tail treatment (REFERENCE §4). */
    public static NormEstimate l2SquaredEstimate(MemoryKernel k) {
        Validate.notNull("kernel", k);
        return integrate(Problem.l2Squared(k), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /**
     * ∫₀^T ρ² with its error estimate (REFERENCE §4), T &gt; 0.
     */
    public static NormEstimate l2SquaredEstimate(MemoryKernel k, double T) {
        Validate.notNull("kernel", k);
        Validate.positive("integration end T", T);
        return integrate(Problem.l2Squared(k), T, DEFAULT_RELATIVE_TOLERANCE);
    }

    // ------------------------------------------------------------------ public API: distances

    /** ‖a − b‖_{L¹[0,∞)} = sup_t ‖H_t(a) − H_t(b)‖, the uniform approximation error (REFERENCE §2, §3). */
    public static double l1Distance(MemoryKernel a, MemoryKernel b) {
        return l1DistanceEstimate(a, b).value();
    }

    /**
     * ‖a − b‖_{L¹[0,T]} = ∫₀^T |a − b|, T &gt; 0 (REFERENCE §2).
     */
    public static double l1Distance(MemoryKernel a, MemoryKernel b, double T) {
        checkPair(a, b);
        Validate.positive("integration end T", T);
        return integrate(Problem.l1Distance(a, b), T, DEFAULT_RELATIVE_TOLERANCE).value();
    }

    /** ‖a − b‖_{L²[0,∞)} (not squared); its square is the white-noise loss (REFERENCE §4). */
    public static double l2Distance(MemoryKernel a, MemoryKernel b) {
        return Math.sqrt(l2SquaredDistanceEstimate(a, b).value());
    }

    /**
     * ‖a − b‖_{L²[0,T]} (not squared), T &gt; 0; its square is the loss of REFERENCE §4 on a finite window.
     */
    public static double l2Distance(MemoryKernel a, MemoryKernel b, double T) {
        checkPair(a, b);
        Validate.positive("integration end T", T);
        return Math.sqrt(integrate(Problem.l2SquaredDistance(a, b), T, DEFAULT_RELATIVE_TOLERANCE).value());
    }

    /** ∫₀^∞ |a − b| with its error estimate and tail treatment (REFERENCE §2). */
    public static NormEstimate l1DistanceEstimate(MemoryKernel a, MemoryKernel b) {
        checkPair(a, b);
        return integrate(Problem.l1Distance(a, b), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** ∫₀^∞ (a − b)² with its error estimate and tail treatment (REFERENCE §4). */
    public static NormEstimate l2SquaredDistanceEstimate(MemoryKernel a, MemoryKernel b) {
        checkPair(a, b);
        return integrate(Problem.l2SquaredDistance(a, b), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    // ------------------------------------------------------------------ public API: vector kernels

    /** ‖ρ‖_{L¹} = ∫₀^∞ |ρ(s)|₁ ds = Σ_i ∫₀^∞ |ρ_i(s)| ds = sup_t ‖H_t‖ for input dimension d (REFERENCE §1). */
    public static double l1(VectorMemoryKernel k) {
        return l1Estimate(k).value();
    }

    /**
     * ∫₀^T |ρ(s)|₁ ds for input dimension d, T &gt; 0 (REFERENCE §1).
     */
    public static double l1(VectorMemoryKernel k, double T) {
        Validate.notNull("vector kernel", k);
        Validate.positive("integration end T", T);
        return integrate(Problem.vectorL1(k), T, DEFAULT_RELATIVE_TOLERANCE).value();
    }

    /** ∫₀^∞ |ρ(s)|₁ ds with its error estimate (REFERENCE §1). */
    public static NormEstimate l1Estimate(VectorMemoryKernel k) {
        Validate.notNull("vector kernel", k);
        return integrate(Problem.vectorL1(k), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** ‖a − b‖ = ∫₀^∞ |a(s) − b(s)|₁ ds for vector kernels of the same dimension (REFERENCE §1, §2). */
    public static double l1Distance(VectorMemoryKernel a, VectorMemoryKernel b) {
        Validate.notNull("first vector kernel", a);
        Validate.notNull("second vector kernel", b);
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("vector kernels have dimensions " + a.dimension() + " and "
                    + b.dimension() + " but must have the same dimension");
        }
        MemoryKernel[] diffs = new MemoryKernel[a.dimension()];
        for (int i = 0; i < diffs.length; i++) {
            diffs[i] = a.component(i).minus(b.component(i));
        }
        return integrate(Problem.vectorL1(Kernels.vector(diffs)), Double.POSITIVE_INFINITY,
                DEFAULT_RELATIVE_TOLERANCE).value();
    }

    private static void checkPair(MemoryKernel a, MemoryKernel b) {
        Validate.notNull("first kernel", a);
        Validate.notNull("second kernel", b);
    }

    // ------------------------------------------------------------------ the integrand

    /**
     * Integrand g(t) = Σ_i |f_i(t)| (L¹) or Σ_i f_i(t)² (L²²), plus what is known about its tail.
     */
    private static final class Problem {
        final MemoryKernel[] parts;     // f_i = first[i] − second[i] (second may be null)
        final MemoryKernel[] second;
        final boolean squared;
        final double[] breakpoints;
        final String description;

        private Problem(MemoryKernel[] parts, MemoryKernel[] second, boolean squared, String description) {
            this.parts = parts;
            this.second = second;
            this.squared = squared;
            double[][] lists = new double[parts.length + second.length][];
            for (int i = 0; i < parts.length; i++) {
                lists[i] = parts[i].breakpoints();
            }
            for (int i = 0; i < second.length; i++) {
                lists[parts.length + i] = second[i] == null ? new double[0] : second[i].breakpoints();
            }
            this.breakpoints = Combinations.mergeBreakpoints(lists);
            this.description = description;
        }

        static Problem l1(MemoryKernel k) {
            return new Problem(new MemoryKernel[] {k}, new MemoryKernel[] {null}, false, "L1 norm of " + k.name());
        }

        static Problem l2Squared(MemoryKernel k) {
            return new Problem(new MemoryKernel[] {k}, new MemoryKernel[] {null}, true, "L2 norm of " + k.name());
        }

        static Problem l1Distance(MemoryKernel a, MemoryKernel b) {
            return new Problem(new MemoryKernel[] {a}, new MemoryKernel[] {b}, false,
                    "L1 distance between " + a.name() + " and " + b.name());
        }

        static Problem l2SquaredDistance(MemoryKernel a, MemoryKernel b) {
            return new Problem(new MemoryKernel[] {a}, new MemoryKernel[] {b}, true,
                    "L2 distance between " + a.name() + " and " + b.name());
        }

        static Problem vectorL1(VectorMemoryKernel k) {
            int d = k.dimension();
            MemoryKernel[] parts = new MemoryKernel[d];
            for (int i = 0; i < d; i++) {
                parts[i] = Validate.notNull("vector kernel component " + i, k.component(i));
            }
            return new Problem(parts, new MemoryKernel[d], false, "L1 norm of a " + d + "-dimensional vector kernel");
        }

        boolean isDistance() {
            for (MemoryKernel k : second) {
                if (k != null) {
                    return true;
                }
            }
            return false;
        }

        /** f_i(t), checked finite. */
        double part(int i, double t) {
            double v = parts[i].value(t);
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("kernel '" + parts[i].name() + "' returned " + v + " at t=" + t
                        + " while computing the " + description);
            }
            if (second[i] != null) {
                double w = second[i].value(t);
                if (!Double.isFinite(w)) {
                    throw new ArithmeticException("kernel '" + second[i].name() + "' returned " + w + " at t=" + t
                            + " while computing the " + description);
                }
                v -= w;
            }
            return v;
        }

        /**
         * f_i(t) for the sign-change search: values within floating-point noise of zero, |a − b| ≤ NOISE·(|a| + |b|),
         * count as 0 (spurious sign changes of a difference of nearly equal kernels are not kinks worth resolving).
         */
        double signPart(int i, double t) {
            if (second[i] == null) {
                return part(i, t);
            }
            double v = parts[i].value(t);
            double w = second[i].value(t);
            if (!Double.isFinite(v) || !Double.isFinite(w)) {
                return part(i, t); // throws with the right message
            }
            double d = v - w;
            return Math.abs(d) <= NOISE * (Math.abs(v) + Math.abs(w)) ? 0 : d;
        }

        /**
         * g(t) = Σ|f_i| (or Σ f_i²); {@code mag[0]} receives the magnitude Σ(|a_i| + |b_i|) (or Σ(a_i² + b_i²)),
         * the scale against which floating-point noise of the difference is measured.
         */
        double g(double t, double[] mag) {
            double s = 0;
            double m = 0;
            for (int i = 0; i < parts.length; i++) {
                double v = parts[i].value(t);
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("kernel '" + parts[i].name() + "' returned " + v + " at t=" + t
                            + " while computing the " + description);
                }
                double w = 0;
                if (second[i] != null) {
                    w = second[i].value(t);
                    if (!Double.isFinite(w)) {
                        throw new ArithmeticException("kernel '" + second[i].name() + "' returned " + w + " at t="
                                + t + " while computing the " + description);
                    }
                }
                double d = v - w;
                if (squared) {
                    s += d * d;
                    m += v * v + w * w;
                } else {
                    s += Math.abs(d);
                    m += Math.abs(v) + Math.abs(w);
                }
            }
            mag[0] = m;
            return s;
        }

        /** Absolute noise floor of the integral of g relative to the integral of the magnitude. */
        double noiseFactor() {
            return squared ? NOISE * NOISE : NOISE;
        }

        /**
         * An interval [lo, hi] containing ∫_T^∞ g, from the kernels' exact tails, or null if unknown.
         */
        double[] tailInterval(double T) {
            double lo = 0;
            double hi = 0;
            for (int i = 0; i < parts.length; i++) {
                OptionalDouble ta = squared ? parts[i].tailL2Squared(T) : parts[i].tailL1(T);
                if (ta.isEmpty()) {
                    return null;
                }
                double a = ta.getAsDouble();
                if (second[i] == null) {
                    lo += a;
                    hi += a;
                    continue;
                }
                OptionalDouble tb = squared ? second[i].tailL2Squared(T) : second[i].tailL1(T);
                if (tb.isEmpty()) {
                    return null;
                }
                double b = tb.getAsDouble();
                if (squared) {
                    // | ‖a‖ − ‖b‖ | ≤ ‖a − b‖ ≤ ‖a‖ + ‖b‖ on [T, ∞), in L².
                    double sa = Math.sqrt(a);
                    double sb = Math.sqrt(b);
                    lo += (sa - sb) * (sa - sb);
                    hi += (sa + sb) * (sa + sb);
                } else {
                    lo += Math.abs(a - b);
                    hi += a + b;
                }
            }
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo >= 0 && hi >= lo * (1 - 1e-12))) {
                return null;
            }
            return new double[] {lo, Math.max(lo, hi)};
        }
    }

    // ------------------------------------------------------------------ the integrator

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

    private static NormEstimate integrate(Problem p, double end, double relTol) {
        Counter counter = new Counter();
        boolean infinite = Double.isInfinite(end);
        double lastBreak = p.breakpoints.length == 0 ? 0 : p.breakpoints[p.breakpoints.length - 1];
        double minHorizon = Math.max(MIN_HORIZON, 2 * lastBreak);

        double total = 0;
        double error = 0;
        double a = 0;
        double b = 1;
        double prevContribution = Double.NaN;
        double prevExtrapolated = Double.NaN;
        int agreements = 0;
        double[] rootDensity = new double[p.parts.length]; // sign changes per unit time seen in the previous panel
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
                return finish(p, total, error, end, 0, NormEstimate.TailMethod.NONE, counter, relTol, floor);
            }
            boolean noiseLevel = contribution <= 10 * noise * panelMagnitude;
            if (b >= minHorizon) {
                // Route 1: tails known in closed form (exact for one kernel, an interval for a distance).
                double[] tail = p.tailInterval(b);
                if (tail != null) {
                    double mid = 0.5 * (tail[0] + tail[1]);
                    double half = 0.5 * (tail[1] - tail[0]);
                    if (half <= Math.max(relTol * (total + mid), floor)) {
                        NormEstimate.TailMethod method = p.isDistance() ? NormEstimate.TailMethod.BOUNDED
                                : NormEstimate.TailMethod.EXACT;
                        return finish(p, total + mid, error + half, b, mid, method, counter, relTol, floor);
                    }
                }
                // Route 2: extrapolate the panel contributions I_k as a geometric series (Aitken Δ²).
                if (!Double.isNaN(prevContribution)) {
                    if (contribution == 0 && prevContribution == 0) {
                        return finish(p, total, error, b, 0, NormEstimate.TailMethod.NEGLIGIBLE, counter, relTol,
                                floor);
                    }
                    // Route 3: a distance at floating-point noise level while the kernels themselves decay.
                    if (noiseLevel && prevNoiseLevel && panelMagnitude < prevMagnitude) {
                        double rm = panelMagnitude / prevMagnitude;
                        double magnitudeTail = panelMagnitude * rm / (1 - rm);
                        if (magnitudeTail <= magnitude) {
                            double tailBound = 10 * noise * magnitudeTail;
                            return finish(p, total, error + tailBound, b, 0, NormEstimate.TailMethod.NEGLIGIBLE,
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
                                    NormEstimate.TailMethod.NEGLIGIBLE, counter, relTol, floor);
                        }
                        double change = Math.abs(extrapolated - prevExtrapolated);
                        agreements = change <= Math.max(relTol * extrapolated, floor) ? agreements + 1 : 0;
                        if (agreements >= 2) {
                            return finish(p, extrapolated, error + 2 * change, b, tailEstimate,
                                    NormEstimate.TailMethod.EXTRAPOLATED, counter, relTol, floor);
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
                throw new ArithmeticException("the " + p.description + " did not converge: the integrand has not "
                        + "decayed by t=" + b + " (integral so far " + total + "); is the kernel integrable?");
            }
            a = b;
            b = 2 * b;
        }
    }

    private static NormEstimate finish(Problem p, double value, double error, double horizon, double tail,
                                       NormEstimate.TailMethod method, Counter counter, double relTol,
                                       double noiseFloor) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("the " + p.description + " is not finite: " + value);
        }
        if (error > 1000 * relTol * Math.abs(value) && error > 10 * noiseFloor && error > Double.MIN_NORMAL) {
            throw new ArithmeticException("the " + p.description + " could not be computed accurately: " + value
                    + " ± " + error + " (horizon " + horizon + ")");
        }
        return new NormEstimate(value, error, horizon, tail, method, counter.evaluations);
    }

    /**
     * Cut points of panel [a, b]: ends, breakpoints inside, and (L¹) sign changes of each f_i. The sign-change
     * search starts from sub-intervals sized by the root density of the previous panel (≈ 2 roots each), and
     * {@code rootDensity} is updated with this panel's density.
     */
    private static double[] panelCuts(Problem p, double a, double b, Counter counter, double[] rootDensity) {
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(a);
        cuts.add(b);
        for (double x : p.breakpoints) {
            if (x > a && x < b) {
                cuts.add(x);
            }
        }
        if (!p.squared) {
            List<Double> base = new ArrayList<>(cuts);
            for (int i = 0; i < p.parts.length; i++) {
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
    private static void addSignChanges(Problem p, int i, double a, double b, TreeSet<Double> cuts, Counter counter) {
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
                    cuts.add(refineRoot(p, i, x[last], f[last], x[j], f[j], counter));
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

    /** Illinois regula falsi on a bracket [lo, hi] with f(lo)·f(hi) &lt; 0, to machine precision. */
    private static double refineRoot(Problem p, int i, double lo, double fLo, double hi, double fHi,
                                     Counter counter) {
        int side = 0;
        for (int it = 0; it < 100; it++) {
            double x = (lo * fHi - hi * fLo) / (fHi - fLo);
            if (!(x > lo && x < hi)) {
                x = 0.5 * (lo + hi);
            }
            if (hi - lo <= 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))) || x <= lo || x >= hi) {
                return x > lo && x < hi ? x : 0.5 * (lo + hi);
            }
            double f = p.signPart(i, x);
            counter.evaluations++;
            if (f == 0) {
                return x;
            }
            if ((f < 0) == (fLo < 0)) {
                lo = x;
                fLo = f;
                if (side == -1) {
                    fHi *= 0.5;
                }
                side = -1;
            } else {
                hi = x;
                fHi = f;
                if (side == 1) {
                    fLo *= 0.5;
                }
                side = 1;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Globally adaptive Gauss–Legendre on [a, b]; returns {integral, error estimate, magnitude integral}. The target
     * absolute error is 0.1·max(relTol·|this piece|, relTol·PANEL_FLOOR·|before|, noise·magnitude of this piece).
     */
    private static double[] adaptive(Problem p, double a, double b, double before, double relTol, Counter counter) {
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
    private static Piece piece(Problem p, double a, double b, double[] whole, Counter counter) {
        double m = 0.5 * (a + b);
        double[] l = gaussLegendre(p, a, m, counter);
        double[] r = gaussLegendre(p, m, b, counter);
        return new Piece(a, b, l[0] + r[0], Math.abs(whole[0] - (l[0] + r[0])), l[1] + r[1], l, r);
    }

    /** {∫_a^b g, ∫_a^b magnitude} by the 16-point Gauss–Legendre rule. */
    private static double[] gaussLegendre(Problem p, double a, double b, Counter counter) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double[] mag = new double[1];
        double s = 0;
        double m = 0;
        for (int i = 0; i < GaussLegendre.POINTS; i++) {
            double w = GaussLegendre.weight(i);
            s += w * p.g(c + h * GaussLegendre.node(i), mag);
            m += w * mag[0];
        }
        counter.evaluations += GaussLegendre.POINTS;
        return new double[] {h * s, h * m};
    }
}
