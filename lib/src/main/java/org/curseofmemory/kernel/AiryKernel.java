package org.curseofmemory.kernel;

import java.util.Optional;
import java.util.OptionalDouble;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * The Airy memory kernel ρ(t) = Ai(s₀(t − t₀)) of the optimization experiments (the form Ai(t − t₀) follows
 * the follow-up code radarFudan/Curse-of-memory, {@code rhos["airy"]}, t₀ = 6; docs/theory.md §4.2): it oscillates for
 * t &lt; t₀ and decays super-exponentially after the turning point t₀, so t₀ moves the memory to larger lags and
 * gradient flow slows down exponentially in t₀ (curse of memory in optimization, docs/theory.md §4).
 *
 * <p>Values come from {@link Airy}. Exact derivatives of every order: with x = s₀(t − t₀),
 * ρ^{(n)}(t) = s₀ⁿ [p_n(x) Ai(x) + q_n(x) Ai'(x)], p₀ = 1, q₀ = 0, p_{n+1} = p_n' + x q_n, q_{n+1} = p_n + q_n'
 * (from Ai'' = x Ai); in particular ρ' = s₀ Ai'(x). The turning point t₀ (if &gt; 0) is declared as a
 * {@link #breakpoints() breakpoint} so that norm quadrature always runs past it. The L² tail is exact
 * ({@link #tailL2Squared(double)}); the L¹ tail is left to {@link Norms} (super-exponential decay).
 */
public final class AiryKernel implements MemoryKernel {
    /** Largest s₀·t₀: Ai(x) is accurate in double precision for x ≥ −10⁶ (its phase ⅔|x|^{3/2} ≤ 7·10⁸). */
    public static final double MAX_OSCILLATION_ARGUMENT = 1e6;

    private final double s0;
    private final double t0;
    private final int order;
    private final Poly p;
    private final Poly q;
    private final String name;

    private AiryKernel(double s0, double t0, int order, Poly p, Poly q, String name) {
        this.s0 = s0;
        this.t0 = t0;
        this.order = order;
        this.p = p;
        this.q = q;
        this.name = name;
    }

    /**
     * ρ(t) = Ai(s₀(t − t₀)) (docs/theory.md §4).
     *
     * @param s0 time scale s₀ &gt; 0 (s₀ ≤ 0 would not decay)
     * @param t0 shift t₀, finite (memory sits around lag t₀), with s₀·t₀ ≤ {@link #MAX_OSCILLATION_ARGUMENT}
     */
    public static AiryKernel of(double s0, double t0) {
        Validate.positive("Airy scale s0", s0);
        Validate.finite("Airy shift t0", t0);
        if (!(s0 * t0 <= MAX_OSCILLATION_ARGUMENT)) {
            throw new KitArgumentException("Airy kernel s0·t0=" + s0 * t0 + " (s0=" + s0 + ", t0=" + t0 + ") must be <= "
                    + MAX_OSCILLATION_ARGUMENT + ": Ai(s0(t − t0)) at t=0 would be too far on the oscillating side"
                    + " to evaluate accurately in double precision");
        }
        return new AiryKernel(s0, t0, 0, Poly.ONE, Poly.ZERO, null);
    }

    /**
     * The time scale s₀ of ρ(t) = Ai(s₀(t − t₀)) (docs/theory.md §4).
     */
    public double scale() {
        return s0;
    }

    /**
     * The shift t₀ of ρ(t) = Ai(s₀(t − t₀)): the lag where the memory sits (docs/theory.md §4).
     */
    public double shift() {
        return t0;
    }

    /**
     * The derivative order n this kernel represents: ρ = dⁿ/dtⁿ Ai(s₀(t − t₀)), 0 for the kernel itself
     * (docs/theory.md §4).
     */
    public int derivativeOrder() {
        return order;
    }

    /**
     * The same kernel Ai(s₀(t − t₀)) (docs/theory.md §4) under a display name.
     *
     * @param newName non-null, non-blank
     */
    public AiryKernel withName(String newName) {
        Validate.notBlank("kernel name", newName);
        return new AiryKernel(s0, t0, order, p, q, newName);
    }

    @Override
    public MemoryKernel named(String newName) {
        return withName(newName);
    }

    @Override
    public double value(double t) {
        Validate.kernelTime(t);
        double x = s0 * (t - t0);
        if (x == Double.POSITIVE_INFINITY) {
            return 0; // Ai and all its derivatives vanish as x → ∞
        }
        double[] a = Airy.both(x);
        if (order > 0 && a[0] == 0 && a[1] == 0) {
            return 0; // underflow far out on the decaying side; p(x)·0 could give ∞·0 = NaN
        }
        double v = order == 0 ? a[0] : p.eval(x) * a[0] + q.eval(x) * a[1];
        return order == 0 ? v : Math.pow(s0, order) * v;
    }

    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        String arg;
        if (t0 == 0) {
            arg = "t";
        } else if (t0 > 0) {
            arg = "t-" + Kernels.format(t0);
        } else {
            arg = "t+" + Kernels.format(-t0);
        }
        String base = s0 == 1.0 ? "Ai(" + arg + ")" : "Ai(" + Kernels.format(s0) + "(" + arg + "))";
        return order == 0 ? base : "d" + (order == 1 ? "" : order) + "/dt" + (order == 1 ? "" : order) + " " + base;
    }

    @Override
    public double[] breakpoints() {
        return t0 > 0 ? new double[] {t0} : new double[0];
    }

    /**
     * Exact ∫_T^∞ ρ² = (1/s₀)[Ai'(X)² − X·Ai(X)²], X = s₀(T − t₀) (because (Ai'² − x Ai²)' = −Ai²);
     * hence ‖ρ‖²_{L²} = (1/s₀)[Ai'(−s₀t₀)² + s₀t₀·Ai(−s₀t₀)²], the loss scale of the Airy experiment (docs/theory.md §4).
     * Only for the kernel itself (order 0).
     */
    @Override
    public OptionalDouble tailL2Squared(double T) {
        if (order != 0 || !(T >= 0) || Double.isInfinite(T)) {
            return OptionalDouble.empty();
        }
        double x = s0 * (T - t0);
        double[] a = Airy.both(x);
        return OptionalDouble.of(Math.max(0, (a[1] * a[1] - x * a[0] * a[0]) / s0));
    }

    @Override
    public Optional<MemoryKernel> derivative(int n) {
        Validate.capped("derivative order", n, 0, MemoryKernel.MAX_DERIVATIVE_ORDER - order);
        if (!Double.isFinite(Math.pow(s0, order + n))) {
            throw new KitArgumentException("derivative order n=" + n + " of " + name() + ": the factor s0^" + (order + n)
                    + " with s0=" + s0 + " overflows double precision; use a lower order or a smaller scale s0");
        }
        if (n == 0) {
            return Optional.of(this);
        }
        Poly pn = p;
        Poly qn = q;
        for (int k = 0; k < n; k++) {
            Poly np = pn.derivative().plus(Poly.X.times(qn));
            Poly nq = pn.plus(qn.derivative());
            pn = np;
            qn = nq;
        }
        return Optional.of(new AiryKernel(s0, t0, order + n, pn, qn, null));
    }

    @Override
    public String toString() {
        return "AiryKernel[" + name() + "]";
    }
}
