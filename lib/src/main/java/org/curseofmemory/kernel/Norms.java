package org.curseofmemory.kernel;

import org.curseofmemory.util.KitArgumentException;
import java.util.OptionalDouble;
import org.curseofmemory.quad.HalfLineIntegrand;
import org.curseofmemory.quad.HalfLineQuadrature;
import org.curseofmemory.quad.QuadratureEstimate;
import org.curseofmemory.util.Validate;

/**
 * L¹ and L² norms of memory kernels and distances between kernels, on [0, ∞) or [0, T].
 *
 * <p>‖ρ‖_{L¹} = ∫₀^∞ |ρ(s)| ds is the operator norm sup_t ‖H_t‖ of the functional (Riesz representation,
 * Li, Han, E &amp; Li 2021; docs/theory.md §1), and ‖ρ − ρ̂‖_{L¹} = sup_t ‖H_t − Ĥ_t‖ is the approximation error of an RNN (docs/theory.md §2, §3).
 * ‖ρ − ρ̂‖²_{L²} = ∫₀^∞ (ρ − ρ̂)² is the white-noise training loss (docs/theory.md §4).
 *
 * <p><b>Method.</b> The integrals are computed by {@link HalfLineQuadrature} (doubling panels cut at
 * breakpoints and sign changes, adaptive 16-point Gauss–Legendre, exact, bounded or extrapolated
 * tails; see there); this class describes each integrand (the kernels, their breakpoints and exact
 * tails) and keeps the public API. Failure is loud: {@link ArithmeticException}, never NaN.
 *
 * <p>Default relative tolerance {@value #DEFAULT_RELATIVE_TOLERANCE}; measured accuracy on smooth closed-form
 * kernels is better than 1e-10 relative (see NormsTest).
 */
public final class Norms {

    /**
     * Default relative tolerance of every norm ‖ρ‖_{L¹}, ‖ρ‖_{L²} (docs/theory.md §1, §4).
     */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-11;
    /**
     * Quadrature always runs at least up to this time before a tail ∫_T^∞ may be used (docs/theory.md §3 tail mass).
     */
    public static final double MIN_HORIZON = HalfLineQuadrature.MIN_HORIZON;
    /**
     * Quadrature gives up (throws) if the integrand has not settled by this time: ρ is then not integrable
     * enough to be a memory kernel (docs/theory.md §1).
     */
    public static final double MAX_HORIZON = HalfLineQuadrature.MAX_HORIZON;
    /**
     * Relative floating-point noise level of a difference a − b (docs/theory.md §2 error ‖ρ − ρ̂‖, §4 loss): an L¹
     * distance is computed to absolute accuracy
     * about NOISE·∫(|a| + |b|) at best (NOISE²·∫(a² + b²) for L²²), so two kernels that agree to ~13 digits have
     * a distance reported as (nearly) 0 with that absolute error estimate, instead of an endless hunt for
     * rounding-error sign changes.
     */
    public static final double NOISE = 1e-13;


    private Norms() {
    }

    // ------------------------------------------------------------------ public API: single kernel

    /** ‖ρ‖_{L¹[0,∞)} = ∫₀^∞ |ρ(s)| ds = sup_t ‖H_t‖ (docs/theory.md §1). */
    public static double l1(MemoryKernel k) {
        return l1Estimate(k).value();
    }

    /** ‖ρ‖_{L¹[0,T]} = ∫₀^T |ρ(s)| ds (docs/theory.md §1), T &gt; 0. */
    public static double l1(MemoryKernel k, double T) {
        return l1Estimate(k, T).value();
    }

    /** ‖ρ‖_{L²[0,∞)} = (∫₀^∞ ρ(s)² ds)^{1/2} (not squared; docs/theory.md §4). */
    public static double l2(MemoryKernel k) {
        return Math.sqrt(l2SquaredEstimate(k).value());
    }

    /**
     * ‖ρ‖_{L²[0,T]} = (∫₀^T ρ(s)² ds)^{1/2}, T &gt; 0 (docs/theory.md §4).
     */
    public static double l2(MemoryKernel k, double T) {
        return Math.sqrt(l2SquaredEstimate(k, T).value());
    }

    /** ‖ρ‖²_{L²[0,∞)} = ∫₀^∞ ρ(s)² ds (docs/theory.md §4). */
    public static double l2Squared(MemoryKernel k) {
        return l2SquaredEstimate(k).value();
    }

    /** ∫₀^∞ |ρ| with its error estimate, horizon and tail treatment (docs/theory.md §1). */
    public static QuadratureEstimate l1Estimate(MemoryKernel k) {
        Validate.notNull("kernel", k);
        return HalfLineQuadrature.integrate(Problem.l1(k), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /**
     * ∫₀^T |ρ| with its error estimate (docs/theory.md §1), T &gt; 0.
     */
    public static QuadratureEstimate l1Estimate(MemoryKernel k, double T) {
        Validate.notNull("kernel", k);
        Validate.positive("integration end T", T);
        return HalfLineQuadrature.integrate(Problem.l1(k), T, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** ∫₀^∞ ρ² with its error estimate, horizon and tail treatment (docs/theory.md §4). */
    public static QuadratureEstimate l2SquaredEstimate(MemoryKernel k) {
        Validate.notNull("kernel", k);
        return HalfLineQuadrature.integrate(Problem.l2Squared(k), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /**
     * ∫₀^T ρ² with its error estimate (docs/theory.md §4), T &gt; 0.
     */
    public static QuadratureEstimate l2SquaredEstimate(MemoryKernel k, double T) {
        Validate.notNull("kernel", k);
        Validate.positive("integration end T", T);
        return HalfLineQuadrature.integrate(Problem.l2Squared(k), T, DEFAULT_RELATIVE_TOLERANCE);
    }

    // ------------------------------------------------------------------ public API: distances

    /** ‖a − b‖_{L¹[0,∞)} = sup_t ‖H_t(a) − H_t(b)‖, the uniform approximation error (docs/theory.md §2, §3). */
    public static double l1Distance(MemoryKernel a, MemoryKernel b) {
        return l1DistanceEstimate(a, b).value();
    }

    /**
     * ‖a − b‖_{L¹[0,T]} = ∫₀^T |a − b|, T &gt; 0 (docs/theory.md §2).
     */
    public static double l1Distance(MemoryKernel a, MemoryKernel b, double T) {
        checkPair(a, b);
        Validate.positive("integration end T", T);
        return HalfLineQuadrature.integrate(Problem.l1Distance(a, b), T, DEFAULT_RELATIVE_TOLERANCE).value();
    }

    /** ‖a − b‖_{L²[0,∞)} (not squared); its square is the white-noise loss (docs/theory.md §4). */
    public static double l2Distance(MemoryKernel a, MemoryKernel b) {
        return Math.sqrt(l2SquaredDistanceEstimate(a, b).value());
    }

    /**
     * ‖a − b‖_{L²[0,T]} (not squared), T &gt; 0; its square is the loss of docs/theory.md §4 on a finite window.
     */
    public static double l2Distance(MemoryKernel a, MemoryKernel b, double T) {
        checkPair(a, b);
        Validate.positive("integration end T", T);
        return Math.sqrt(HalfLineQuadrature.integrate(Problem.l2SquaredDistance(a, b), T, DEFAULT_RELATIVE_TOLERANCE).value());
    }

    /** ∫₀^∞ |a − b| with its error estimate and tail treatment (docs/theory.md §2). */
    public static QuadratureEstimate l1DistanceEstimate(MemoryKernel a, MemoryKernel b) {
        checkPair(a, b);
        return HalfLineQuadrature.integrate(Problem.l1Distance(a, b), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** ∫₀^∞ (a − b)² with its error estimate and tail treatment (docs/theory.md §4). */
    public static QuadratureEstimate l2SquaredDistanceEstimate(MemoryKernel a, MemoryKernel b) {
        checkPair(a, b);
        return HalfLineQuadrature.integrate(Problem.l2SquaredDistance(a, b), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    // ------------------------------------------------------------------ public API: vector kernels

    /** ‖ρ‖_{L¹} = ∫₀^∞ |ρ(s)|₁ ds = Σ_i ∫₀^∞ |ρ_i(s)| ds = sup_t ‖H_t‖ for input dimension d (docs/theory.md §1). */
    public static double l1(VectorMemoryKernel k) {
        return l1Estimate(k).value();
    }

    /**
     * ∫₀^T |ρ(s)|₁ ds for input dimension d, T &gt; 0 (docs/theory.md §1).
     */
    public static double l1(VectorMemoryKernel k, double T) {
        Validate.notNull("vector kernel", k);
        Validate.positive("integration end T", T);
        return HalfLineQuadrature.integrate(Problem.vectorL1(k), T, DEFAULT_RELATIVE_TOLERANCE).value();
    }

    /** ∫₀^∞ |ρ(s)|₁ ds with its error estimate (docs/theory.md §1). */
    public static QuadratureEstimate l1Estimate(VectorMemoryKernel k) {
        Validate.notNull("vector kernel", k);
        return HalfLineQuadrature.integrate(Problem.vectorL1(k), Double.POSITIVE_INFINITY, DEFAULT_RELATIVE_TOLERANCE);
    }

    /** ‖a − b‖ = ∫₀^∞ |a(s) − b(s)|₁ ds for vector kernels of the same dimension (docs/theory.md §1, §2). */
    public static double l1Distance(VectorMemoryKernel a, VectorMemoryKernel b) {
        Validate.notNull("first vector kernel", a);
        Validate.notNull("second vector kernel", b);
        if (a.dimension() != b.dimension()) {
            throw new KitArgumentException("vector kernels have dimensions " + a.dimension() + " and "
                    + b.dimension() + " but must have the same dimension");
        }
        MemoryKernel[] diffs = new MemoryKernel[a.dimension()];
        for (int i = 0; i < diffs.length; i++) {
            diffs[i] = a.component(i).minus(b.component(i));
        }
        return HalfLineQuadrature.integrate(Problem.vectorL1(Kernels.vector(diffs)), Double.POSITIVE_INFINITY,
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
    private static final class Problem implements HalfLineIntegrand {
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

        @Override
        public int parts() {
            return parts.length;
        }

        @Override
        public boolean squared() {
            return squared;
        }

        @Override
        public double[] breakpoints() {
            return breakpoints;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean isDistance() {
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
        @Override
        public double signPart(int i, double t) {
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
        @Override
        public double g(double t, double[] mag) {
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
        @Override
        public double noiseFactor() {
            return squared ? NOISE * NOISE : NOISE;
        }

        /**
         * An interval [lo, hi] containing ∫_T^∞ g, from the kernels' exact tails, or null if unknown.
         */
        @Override
        public double[] tailInterval(double T) {
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
}
