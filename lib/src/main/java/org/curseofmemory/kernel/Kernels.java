package org.curseofmemory.kernel;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.util.Validate;

/**
 * Factory of the memory kernels used throughout the kit (docs/theory.md §1–§4). Every result is immutable and
 * validated at the entrance: a bad parameter throws {@link IllegalArgumentException} naming it, its value and
 * the expected range.
 */
public final class Kernels {
    private Kernels() {
    }

    /**
     * Exponentially decaying ("short") memory ρ(t) = e^{−βt}, β &gt; 0; memory length 1/β (Jackson-type rate,
     * docs/theory.md §3). ‖ρ‖_{L¹} = 1/β, ‖ρ‖_{L²} = 1/√(2β).
     *
     * @param beta decay rate β &gt; 0
     */
    public static ExpSumKernel exponential(double beta) {
        Validate.positive("decay rate beta", beta);
        return ExpSumKernel.empty().withRealMode(1.0, beta);
    }

    /**
     * ρ(t) = a·e^{−βt} (docs/theory.md §2: a single real mode of a linear RNN).
     *
     * @param amplitude a, finite
     * @param beta      decay rate β &gt; 0
     */
    public static ExpSumKernel exponential(double amplitude, double beta) {
        Validate.finite("amplitude a", amplitude);
        Validate.positive("decay rate beta", beta);
        return ExpSumKernel.empty().withRealMode(amplitude, beta);
    }

    /**
     * The empty exponential sum (ρ = 0), to be extended fluently:
     * {@code Kernels.exponentialSum().withRealMode(1, 0.5).withComplexMode(a, b, w, theta)} gives
     * ρ(t) = Σ a_k e^{−λ_k t} + Σ e^{−w t}(a cos θt − b sin θt) (docs/theory.md §2).
     */
    public static ExpSumKernel exponentialSum() {
        return ExpSumKernel.empty();
    }

    /**
     * ρ(t) = Σ_k a_k e^{−λ_k t} (docs/theory.md §2).
     *
     * @param amplitudes a_k, finite
     * @param rates      λ_k &gt; 0, same length
     */
    public static ExpSumKernel exponentialSum(double[] amplitudes, double[] rates) {
        return ExpSumKernel.of(amplitudes, rates);
    }

    /**
     * Power-law ("long") memory ρ(t) = (1+t)^{−(1+ω)}, ω &gt; 0 (curse of memory, docs/theory.md §3).
     * ‖ρ‖_{L¹} = 1/ω, ‖ρ‖²_{L²} = 1/(1+2ω).
     *
     * @param omega ω &gt; 0
     */
    public static PowerLawKernel powerLaw(double omega) {
        return PowerLawKernel.of(1.0, omega);
    }

    /**
     * ρ(t) = c·(1+t)^{−(1+ω)} (docs/theory.md §3).
     *
     * @param amplitude c, finite
     * @param omega     ω &gt; 0
     */
    public static PowerLawKernel powerLaw(double amplitude, double omega) {
        return PowerLawKernel.of(amplitude, omega);
    }

    /**
     * The Airy kernel ρ(t) = Ai(s₀(t − t₀)) of the optimization experiments (docs/theory.md §4); t₀ moves the memory.
     *
     * @param s0 time scale s₀ &gt; 0
     * @param t0 shift t₀, finite
     */
    public static AiryKernel airy(double s0, double t0) {
        return AiryKernel.of(s0, t0);
    }

    /**
     * The damped cosine ρ(t) = e^{−t} cos t, the smooth target of the Jackson-rate experiments (docs/theory.md §3),
     * as an exponential sum with one complex pair (so norms and derivatives are exact).
     */
    public static ExpSumKernel dampedCosine() {
        return dampedCosine(1, 1);
    }

    /**
     * ρ(t) = e^{−at} cos(bt) = Re e^{(−a+ib)t}, one complex-conjugate mode pair (docs/theory.md §2).
     *
     * @param a decay a &gt; 0
     * @param b angular frequency b, finite
     */
    public static ExpSumKernel dampedCosine(double a, double b) {
        Validate.positive("damped cosine decay a", a);
        Validate.finite("damped cosine frequency b", b);
        String name = (a == 1.0 ? "exp(-t)" : "exp(-" + format(a) + "t)")
                + (b == 1.0 ? "cos(t)" : "cos(" + format(b) + "t)");
        return ExpSumKernel.empty().withComplexMode(1, 0, a, b).withName(name);
    }

    /**
     * A smooth compactly supported bump of peak 1 at lag c and half-width w:
     * ρ(t) = exp(1 − 1/(1 − x²)), x = (t − c)/w, |x| &lt; 1 (delayed memory, docs/theory.md §3, §4).
     *
     * @param center c ≥ w
     * @param width  w &gt; 0
     */
    public static BumpKernel delayedBump(double center, double width) {
        return BumpKernel.of(center, width);
    }

    /**
     * The sum ρ₁ + ρ₂ + … of kernels (docs/theory.md §1: functionals add).
     *
     * @param first  ρ₁, not null
     * @param others further kernels, none null
     */
    public static MemoryKernel sum(MemoryKernel first, MemoryKernel... others) {
        Validate.notNull("first kernel", first);
        Validate.notNull("other kernels", others);
        MemoryKernel s = first;
        for (int i = 0; i < others.length; i++) {
            s = s.plus(Validate.notNull("kernel " + (i + 1), others[i]));
        }
        return s;
    }

    /**
     * A NUMERIC derivative, clearly labelled as such in its name ("numeric d/dt …"): the second-order central
     * difference (ρ(t+h) − ρ(t−h))/(2h) for t ≥ h and the one-sided (−3ρ(t) + 4ρ(t+h) − ρ(t+2h))/(2h) for t &lt; h;
     * error O(h²) on smooth kernels. For the derivatives y^{(k)} = ρ^{(k−1)} of the Jackson hypotheses
     * (docs/theory.md §3) prefer the exact {@link MemoryKernel#derivative(int)} when present.
     *
     * @param k kernel, not null
     * @param h step h &gt; 0
     */
    public static MemoryKernel finiteDifferenceDerivative(MemoryKernel k, double h) {
        Validate.notNull("kernel", k);
        Validate.positive("finite-difference step h", h);
        DoubleUnaryOperator d = t -> t >= h ? (k.value(t + h) - k.value(t - h)) / (2 * h)
                : (-3 * k.value(t) + 4 * k.value(t + h) - k.value(t + 2 * h)) / (2 * h);
        return new LambdaKernel("numeric d/dt " + k.name() + " (h=" + format(h) + ")", d, k.breakpoints());
    }

    /**
     * A kernel from any function ρ(t) (docs/theory.md §1), with no breakpoints, tails or derivatives declared:
     * {@link Norms} then integrates numerically and extrapolates the tail.
     *
     * @param name a non-blank display name
     * @param rho  ρ, not null; must return finite values for t ≥ 0
     */
    public static MemoryKernel fromLambda(String name, DoubleUnaryOperator rho) {
        Validate.notBlank("kernel name", name);
        Validate.notNull("kernel function rho", rho);
        return new LambdaKernel(name, rho, new double[0]);
    }

    /**
     * A kernel from any function ρ(t) with declared breakpoints (kinks, jumps, support ends; docs/theory.md §1).
     *
     * @param name        a non-blank display name
     * @param rho         ρ, not null
     * @param breakpoints finite points &gt; 0 where ρ is not smooth
     */
    public static MemoryKernel fromLambda(String name, DoubleUnaryOperator rho, double... breakpoints) {
        MemoryKernel k = fromLambda(name, rho);
        Validate.finiteArray("breakpoints", breakpoints, 0);
        for (int i = 0; i < breakpoints.length; i++) {
            Validate.positive("breakpoints[" + i + "]", breakpoints[i]);
        }
        return new LambdaKernel(name, rho, Combinations.mergeBreakpoints(breakpoints));
    }

    /**
     * The vector kernel ρ = (ρ_1, …, ρ_d) for input dimension d (docs/theory.md §1); ‖ρ‖ = ∫|ρ|₁ via
     * {@link Norms#l1(VectorMemoryKernel)}.
     *
     * @param components ρ_i, at least one, none null
     */
    public static VectorKernel vector(MemoryKernel... components) {
        return VectorKernel.of(components);
    }

    /** Compact number formatting for kernel names: up to 4 significant digits, no trailing zeros. */
    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e6) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    private static final class LambdaKernel implements MemoryKernel {
        private final String name;
        private final DoubleUnaryOperator rho;
        private final double[] breakpoints;

        LambdaKernel(String name, DoubleUnaryOperator rho, double[] breakpoints) {
            this.name = name;
            this.rho = rho;
            this.breakpoints = breakpoints;
        }

        @Override
        public double value(double t) {
            Validate.kernelTime(t);
            return rho.applyAsDouble(t);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double[] breakpoints() {
            return breakpoints.clone();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
