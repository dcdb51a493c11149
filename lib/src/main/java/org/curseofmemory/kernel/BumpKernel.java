package org.curseofmemory.kernel;

import org.curseofmemory.util.KitArgumentException;
import java.util.Optional;
import java.util.OptionalDouble;
import org.curseofmemory.util.Validate;

/**
 * A smooth (C^∞) compactly supported "delayed memory" bump, peak 1 at lag c:
 * ρ(t) = exp(1 − 1/(1 − x²)) for |x| &lt; 1, x = (t − c)/w, and 0 otherwise. Memory concentrated at one lag far
 * from 0 is the situation where the curse of memory bites (docs/theory.md §3, §4).
 *
 * <p>Closed forms: ‖ρ‖_{L¹} = w·e·I₁, ‖ρ‖²_{L²} = w·e²·I₂ with I₁ = ∫₋₁¹ e^{−1/(1−x²)} dx ≈ 0.443993816168079,
 * I₂ = ∫₋₁¹ e^{−2/(1−x²)} dx ≈ 0.133086120844994 (computed with mpmath quad at 30 digits). Breakpoints: the
 * support ends c − w (if &gt; 0) and c + w. Tails are exact outside the support (0 beyond c + w).
 * Exact derivatives of every order: ρ^{(n)} = P_n(x)/(1 − x²)^{2n} · ρ, with P₀ = 1 and
 * P_{n+1} = [P_n'(1 − x²)² + 4n x (1 − x²) P_n − 2x P_n]/w.
 */
public final class BumpKernel implements MemoryKernel {
    /**
     * I₁ = ∫₋₁¹ exp(−1/(1 − x²)) dx, so ‖bump‖_{L¹} = w·e·I₁ (docs/theory.md §1); mpmath quad, 30 digits.
     */
    public static final double I1 = 0.44399381616807943782;
    /**
     * I₂ = ∫₋₁¹ exp(−2/(1 − x²)) dx, so ‖bump‖²_{L²} = w·e²·I₂ (docs/theory.md §4); mpmath quad, 30 digits.
     */
    public static final double I2 = 0.13308612084499427156;

    private final double center;
    private final double width;
    private final int order;
    private final Poly poly;
    private final String name;

    private BumpKernel(double center, double width, int order, Poly poly, String name) {
        this.center = center;
        this.width = width;
        this.order = order;
        this.poly = poly;
        this.name = name;
    }

    /**
     * The delayed-memory bump ρ(t) = exp(1 − 1/(1 − x²)), x = (t − c)/w, |x| &lt; 1, centred at lag c with
     * half-width w (docs/theory.md §3, §4).
     *
     * @param center c, finite, with c ≥ w (support [c − w, c + w] inside [0, ∞))
     * @param width  w &gt; 0
     */
    public static BumpKernel of(double center, double width) {
        Validate.finite("bump center", center);
        Validate.positive("bump width", width);
        if (center < width) {
            throw new KitArgumentException("bump support [center-width, center+width]=[" + (center - width) + ", "
                    + (center + width) + "] must lie in [0, ∞): need bump center=" + center + " >= bump width="
                    + width);
        }
        return new BumpKernel(center, width, 0, Poly.ONE, null);
    }

    /**
     * The lag c of the peak ρ(c) = 1 (docs/theory.md §3: where the memory sits).
     */
    public double center() {
        return center;
    }

    /**
     * The half-width w: the support is [c − w, c + w] (docs/theory.md §1).
     */
    public double width() {
        return width;
    }

    /**
     * The same bump (docs/theory.md §3) under a display name.
     *
     * @param newName non-null, non-blank
     */
    public BumpKernel withName(String newName) {
        Validate.notBlank("kernel name", newName);
        return new BumpKernel(center, width, order, poly, newName);
    }

    @Override
    public MemoryKernel named(String newName) {
        return withName(newName);
    }

    @Override
    public double value(double t) {
        Validate.kernelTime(t);
        double x = (t - center) / width;
        if (!(Math.abs(x) < 1)) {
            return 0;
        }
        double u = 1 - x * x;
        double e = Math.exp(1 - 1 / u);
        if (e == 0 || order == 0) {
            return e;
        }
        double den = Math.pow(u, 2 * order);
        double v = poly.eval(x) / den * e;
        if (den > 0 && Double.isFinite(v)) {
            return v;
        }
        // near the ends (1 − x²)^{2n} underflows: combine the exponents before exponentiating
        return poly.eval(x) * Math.exp(1 - 1 / u - 2 * order * Math.log(u));
    }

    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        String base = "bump(" + Kernels.format(center) + "±" + Kernels.format(width) + ")";
        return order == 0 ? base : "d" + (order == 1 ? "" : order) + "/dt" + (order == 1 ? "" : order) + " " + base;
    }

    @Override
    public double[] breakpoints() {
        return center - width > 0 ? new double[] {center - width, center + width} : new double[] {center + width};
    }

    /**
     * ‖ρ‖_{L¹} = w·e·I₁, the operator norm of the functional (docs/theory.md §1); only for the bump itself, not
     * for its derivatives (those throw {@link IllegalStateException}).
     */
    public double exactL1() {
        requireBump();
        return width * Math.E * I1;
    }

    /**
     * ‖ρ‖²_{L²} = w·e²·I₂ (docs/theory.md §4: white-noise loss scale); only for the bump itself.
     */
    public double exactL2Squared() {
        requireBump();
        return width * Math.E * Math.E * I2;
    }

    private void requireBump() {
        if (order != 0) {
            throw new IllegalStateException("closed-form norms are known for the bump itself, not for its derivative"
                    + " of order " + order);
        }
    }

    @Override
    public OptionalDouble tailL1(double T) {
        if (T >= center + width) {
            return OptionalDouble.of(0);
        }
        if (order == 0 && T >= 0 && T <= center - width) {
            return OptionalDouble.of(exactL1());
        }
        return OptionalDouble.empty();
    }

    @Override
    public OptionalDouble tailL2Squared(double T) {
        if (T >= center + width) {
            return OptionalDouble.of(0);
        }
        if (order == 0 && T >= 0 && T <= center - width) {
            return OptionalDouble.of(exactL2Squared());
        }
        return OptionalDouble.empty();
    }

    @Override
    public Optional<MemoryKernel> derivative(int n) {
        Validate.capped("derivative order", n, 0, MemoryKernel.MAX_DERIVATIVE_ORDER - order);
        if (n == 0) {
            return Optional.of(this);
        }
        Poly oneMinusX2 = new Poly(new double[] {1, 0, -1});
        Poly sq = oneMinusX2.times(oneMinusX2);
        Poly pn = poly;
        int k = order;
        for (int step = 0; step < n; step++, k++) {
            Poly next = pn.derivative().times(sq)
                    .plus(Poly.X.times(oneMinusX2).times(pn).times(4.0 * k))
                    .plus(Poly.X.times(pn).times(-2.0));
            pn = next.times(1 / width);
        }
        return Optional.of(new BumpKernel(center, width, order + n, pn, null));
    }

    @Override
    public String toString() {
        return "BumpKernel[" + name() + "]";
    }
}
