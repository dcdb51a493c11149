package org.curseofmemory.rnn;

import org.curseofmemory.util.KitArgumentException;
import java.util.List;
import org.curseofmemory.util.Validate;

/**
 * Eigenvalue (re)parameterization λ = f(w) of a mode e^{λt} ("stable reparameterization": Wang &amp;
 * Li 2023, StableSSM, arXiv 2311.14495, and Wang, Li &amp; Li 2023, arXiv 2305.19190, at summary level;
 * docs/theory.md §5.2). The kit writes λ = −r(w) with decay rate r(w):
 * <ul>
 *   <li>{@link #DIRECT}: r = w (λ = −w), unconstrained, so a mode becomes unstable when w &lt; 0.
 *       In StableSSM's learning-rate table (MNIST, AdamW; summary level) the direct map fails at the
 *       smallest learning rates; which map diverges first depends on the optimizer, though: with plain
 *       gradient descent on the kit's kernel loss the inverse quadratic (a = 1, b = 0.5) diverged
 *       before DIRECT, while Adam reproduced the paper's order [kit] (notebook 09, docs/theory.md §5.2);</li>
 *   <li>{@link #EXP}: r = e^w (λ = −e^w);</li>
 *   <li>{@link #SOFTPLUS}: r = log(1 + e^w);</li>
 *   <li>{@link #inverseQuadratic(double, double)}: r = 1/(a w² + b), a, b &gt; 0
 *       (so 0 &lt; r ≤ 1/b).</li>
 * </ul>
 * {@link #gradientScale(double)} = |f'(w)|/f(w)² = |r'(w)|/r(w)² is the factor by which the loss
 * gradient with respect to w scales the gradient with respect to λ (docs/theory.md §5, [summary]).
 * {@link #parameterForDecayRate(double)} inverts r so that models start from the same decay rates
 * under every parameterization (fair comparisons). Immutable.
 */
public final class Reparameterization {
    private enum Kind { DIRECT, EXP, SOFTPLUS, INVERSE_QUADRATIC }

    /** r(w) = w, λ = −w. */
    public static final Reparameterization DIRECT = new Reparameterization(Kind.DIRECT, 0, 0);
    /** r(w) = e^w, λ = −e^w. */
    public static final Reparameterization EXP = new Reparameterization(Kind.EXP, 0, 0);
    /** r(w) = log(1 + e^w), λ = −softplus(w). */
    public static final Reparameterization SOFTPLUS = new Reparameterization(Kind.SOFTPLUS, 0, 0);
    /** r(w) = 1/(w² + 0.5): {@code inverseQuadratic(1, 0.5)}, decay rates up to 2. */
    public static final Reparameterization INVERSE_QUADRATIC = new Reparameterization(Kind.INVERSE_QUADRATIC, 1, 0.5);

    private final Kind kind;
    private final double a;
    private final double b;

    private Reparameterization(Kind kind, double a, double b) {
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    /**
     * r(w) = 1/(a w² + b), λ = −1/(a w² + b) (docs/theory.md §5).
     *
     * @param a coefficient &gt; 0
     * @param b offset &gt; 0 (largest reachable decay rate is 1/b)
     */
    public static Reparameterization inverseQuadratic(double a, double b) {
        Validate.positive("inverse quadratic coefficient a", a);
        Validate.positive("inverse quadratic offset b", b);
        return new Reparameterization(Kind.INVERSE_QUADRATIC, a, b);
    }

    /** DIRECT, EXP, SOFTPLUS, INVERSE_QUADRATIC, in that order. */
    public static List<Reparameterization> standard() {
        return List.of(DIRECT, EXP, SOFTPLUS, INVERSE_QUADRATIC);
    }

    /** Decay rate r(w) = −f(w). */
    public double decayRate(double w) {
        switch (kind) {
            case DIRECT:
                return w;
            case EXP:
                return Math.exp(w);
            case SOFTPLUS:
                return w > 30 ? w + Math.log1p(Math.exp(-w)) : Math.log1p(Math.exp(w));
            default:
                return 1.0 / (a * w * w + b);
        }
    }

    /** dr/dw. */
    public double decayRateDerivative(double w) {
        switch (kind) {
            case DIRECT:
                return 1.0;
            case EXP:
                return Math.exp(w);
            case SOFTPLUS:
                return w >= 0 ? 1.0 / (1.0 + Math.exp(-w)) : Math.exp(w) / (1.0 + Math.exp(w));
            default: {
                double q = a * w * w + b;
                return -2.0 * a * w / (q * q);
            }
        }
    }

    /** Eigenvalue λ = f(w) = −r(w). */
    public double eigenvalue(double w) {
        return -decayRate(w);
    }

    /** f'(w) = −r'(w). */
    public double eigenvalueDerivative(double w) {
        return -decayRateDerivative(w);
    }

    /**
     * Gradient scale |f'(w)|/f(w)² (docs/theory.md §5): 1/w² (DIRECT), e^{−w} (EXP),
     * σ(w)/softplus(w)² (SOFTPLUS), 2a|w| (INVERSE_QUADRATIC).
     */
    public double gradientScale(double w) {
        if (kind == Kind.INVERSE_QUADRATIC) {
            return 2 * a * Math.abs(w);
        }
        double r = decayRate(w);
        return Math.abs(decayRateDerivative(w)) / (r * r);
    }

    /**
     * The parameter w with r(w) = rate: rate (DIRECT), log rate (EXP), log(e^rate − 1) (SOFTPLUS),
     * +√((1/rate − b)/a) (INVERSE_QUADRATIC, the non-negative branch).
     *
     * @param rate decay rate &gt; 0 (and &lt; 1/b for INVERSE_QUADRATIC)
     */
    public double parameterForDecayRate(double rate) {
        Validate.positive("decay rate", rate);
        switch (kind) {
            case DIRECT:
                return rate;
            case EXP:
                return Math.log(rate);
            case SOFTPLUS:
                return rate + Math.log(-Math.expm1(-rate));
            default:
                if (!(rate * b < 1)) {
                    throw new KitArgumentException("decay rate=" + rate + " is not reachable by " + this
                            + ": it must be < 1/b=" + (1 / b));
                }
                return Math.sqrt((1.0 / rate - b) / a);
        }
    }

    /** Whether every w gives a stable eigenvalue (all but DIRECT). */
    public boolean isStable() {
        return kind != Kind.DIRECT;
    }

    /** "DIRECT", "EXP", "SOFTPLUS" or "INVERSE_QUADRATIC(a=.., b=..)". */
    public String name() {
        return kind == Kind.INVERSE_QUADRATIC ? "INVERSE_QUADRATIC(a=" + a + ", b=" + b + ")" : kind.name();
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Reparameterization)) {
            return false;
        }
        Reparameterization r = (Reparameterization) o;
        return kind == r.kind && a == r.a && b == r.b;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(a) * 7 + Double.hashCode(b);
    }
}
