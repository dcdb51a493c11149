package org.curseofmemory.kernel;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * An exponential-sum memory kernel, the kernel of a linear RNN with diagonalisable Hurwitz W (docs/theory.md §2):
 * <pre>
 *   ρ(t) = Σ_k a_k e^{−λ_k t}  +  Σ_j e^{−w_j t} (A_j cos θ_j t − B_j sin θ_j t),
 * </pre>
 * with real modes (a_k, λ_k), λ_k &gt; 0, and complex-conjugate mode pairs (A_j, B_j, w_j, θ_j), w_j &gt; 0.
 * A pair is Re[(A + iB) e^{(−w + iθ)t}], i.e. the contribution of the eigenvalues −w ± iθ of W; it takes two
 * hidden units, so {@link #order()} = (#real) + 2·(#complex) is the RNN width m that realises the kernel.
 *
 * <p>Immutable and fluent: {@link #withRealMode}, {@link #withComplexMode}, {@link #plus}, {@link #times},
 * {@link #withName}. The mode arrays are handed out as copies (escape hatch to raw arrays).
 *
 * <p>Closed forms: ‖ρ‖²_{L²} by the Gram sum ∫₀^∞ Re[c_i e^{μ_i t}] Re[c_j e^{μ_j t}] dt
 * = ½ Re[−c_i c_j/(μ_i+μ_j) − c_i c̄_j/(μ_i+μ̄_j)] (and its tail version from T), ‖ρ‖_{L¹} = |Σ a_k/λ_k| when
 * there is no complex pair and all a_k share a sign (otherwise ρ may change sign and the L¹ norm is left to
 * {@link Norms}). Exact derivatives: d^n/dt^n Re[c e^{μt}] = Re[c μ^n e^{μt}].
 */
public final class ExpSumKernel implements MemoryKernel {
    private static final ExpSumKernel EMPTY = new ExpSumKernel(new double[0], new double[0], new double[0],
            new double[0], new double[0], new double[0], null);

    private final double[] a;
    private final double[] lambda;
    private final double[] ca;
    private final double[] cb;
    private final double[] cw;
    private final double[] ctheta;
    private final String name;
    /** Shifted-Chebyshev form of an equally spaced sum (rates kβ): evaluated stably, or null. */
    private final double[] chebyshev;
    private final double chebyshevBeta;

    private ExpSumKernel(double[] a, double[] lambda, double[] ca, double[] cb, double[] cw, double[] ctheta,
                         String name) {
        this(a, lambda, ca, cb, cw, ctheta, name, null, Double.NaN);
    }

    private ExpSumKernel(double[] a, double[] lambda, double[] ca, double[] cb, double[] cw, double[] ctheta,
                         String name, double[] chebyshev, double chebyshevBeta) {
        this.a = a;
        this.lambda = lambda;
        this.ca = ca;
        this.cb = cb;
        this.cw = cw;
        this.ctheta = ctheta;
        this.name = name;
        this.chebyshev = chebyshev;
        this.chebyshevBeta = chebyshevBeta;
    }

    /**
     * The equally spaced sum ρ(t) = Σ_{k=1}^{m} a_k e^{−kβt} given in the well-conditioned form
     * ρ(t) = s·Σ_{j&lt;m} c_j T_j(2s − 1), s = e^{−βt} (the Jackson construction, Li, Han, E &amp; Li
     * 2021; docs/theory.md §3.2). {@link #value} evaluates that form (Clenshaw recurrence, stable for
     * any m); the amplitudes a_k are its exact monomial expansion, correctly rounded, and feed the
     * closed forms (tails, derivatives, sums), which for m ≳ 20 meet the cancellation of huge
     * alternating amplitudes: a tail that loses more than half its digits is reported as unknown.
     *
     * @param beta      rate spacing β &gt; 0
     * @param chebyshev c_0..c_{m−1}, finite, m ≥ 1
     */
    public static ExpSumKernel chebyshev(double beta, double[] chebyshev) {
        Validate.positive("rate spacing beta", beta);
        Validate.finiteArray("Chebyshev coefficients c", chebyshev, 1);
        int m = chebyshev.length;
        double[] rates = new double[m];
        for (int k = 0; k < m; k++) {
            rates[k] = (k + 1) * beta;
        }
        double[] amplitudes = ShiftedChebyshev.toMonomial(chebyshev);
        Validate.finiteArray("monomial amplitudes of the Chebyshev form", amplitudes, 1);
        return new ExpSumKernel(amplitudes, rates, new double[0], new double[0], new double[0], new double[0], null,
                chebyshev.clone(), beta);
    }

    /**
     * The zero kernel ρ = 0 (an RNN with no hidden units, docs/theory.md §2); start of a fluent chain.
     */
    public static ExpSumKernel empty() {
        return EMPTY;
    }

    /**
     * ρ(t) = Σ_k a_k e^{−λ_k t}, real modes only: the kernel of a linear RNN whose W has the real eigenvalues −λ_k
     * (docs/theory.md §2).
     *
     * @param amplitudes a_k, finite
     * @param rates      λ_k &gt; 0, same length
     */
    public static ExpSumKernel of(double[] amplitudes, double[] rates) {
        return of(amplitudes, rates, new double[0], new double[0], new double[0], new double[0]);
    }

    /**
     * ρ(t) = Σ_k a_k e^{−λ_k t} + Σ_j e^{−w_j t}(A_j cos θ_j t − B_j sin θ_j t) (docs/theory.md §2).
     *
     * @param amplitudes  a_k, finite
     * @param rates       λ_k &gt; 0
     * @param cosAmps     A_j, finite
     * @param sinAmps     B_j, finite
     * @param decays      w_j &gt; 0
     * @param frequencies θ_j, finite
     */
    public static ExpSumKernel of(double[] amplitudes, double[] rates, double[] cosAmps, double[] sinAmps,
                                  double[] decays, double[] frequencies) {
        Validate.finiteArray("real amplitudes a", amplitudes, 0);
        Validate.finiteArray("real decay rates lambda", rates, 0);
        Validate.length("real decay rates lambda", rates, amplitudes.length);
        Validate.finiteArray("complex cosine amplitudes A", cosAmps, 0);
        Validate.finiteArray("complex sine amplitudes B", sinAmps, 0);
        Validate.finiteArray("complex decay rates w", decays, 0);
        Validate.finiteArray("complex frequencies theta", frequencies, 0);
        Validate.length("complex sine amplitudes B", sinAmps, cosAmps.length);
        Validate.length("complex decay rates w", decays, cosAmps.length);
        Validate.length("complex frequencies theta", frequencies, cosAmps.length);
        for (int k = 0; k < rates.length; k++) {
            Validate.positive("decay rate lambda[" + k + "]", rates[k]);
        }
        for (int j = 0; j < decays.length; j++) {
            Validate.positive("complex decay rate w[" + j + "]", decays[j]);
        }
        return new ExpSumKernel(amplitudes.clone(), rates.clone(), cosAmps.clone(), sinAmps.clone(),
                decays.clone(), frequencies.clone(), null);
    }

    /**
     * This kernel plus the real mode a·e^{−λt} (one more hidden unit with eigenvalue −λ, docs/theory.md §2).
     *
     * @param amplitude a, finite
     * @param rate      λ &gt; 0
     */
    public ExpSumKernel withRealMode(double amplitude, double rate) {
        Validate.finite("real amplitude a", amplitude);
        Validate.positive("decay rate lambda", rate);
        return new ExpSumKernel(append(a, amplitude), append(lambda, rate), ca, cb, cw, ctheta, null);
    }

    /**
     * This kernel plus the complex-conjugate pair e^{−wt}(A cos θt − B sin θt) (two hidden units with eigenvalues
     * −w ± iθ, docs/theory.md §2).
     *
     * @param cosAmp    A, finite
     * @param sinAmp    B, finite
     * @param decay     w &gt; 0
     * @param frequency θ, finite
     */
    public ExpSumKernel withComplexMode(double cosAmp, double sinAmp, double decay, double frequency) {
        Validate.finite("complex cosine amplitude A", cosAmp);
        Validate.finite("complex sine amplitude B", sinAmp);
        Validate.positive("complex decay rate w", decay);
        Validate.finite("complex frequency theta", frequency);
        return new ExpSumKernel(a, lambda, append(ca, cosAmp), append(cb, sinAmp), append(cw, decay),
                append(ctheta, frequency), null);
    }

    /**
     * The same exponential sum (docs/theory.md §2) under a display name.
     *
     * @param newName non-null, non-blank
     */
    public ExpSumKernel withName(String newName) {
        Validate.notBlank("kernel name", newName);
        return new ExpSumKernel(a, lambda, ca, cb, cw, ctheta, newName, chebyshev, chebyshevBeta);
    }

    @Override
    public MemoryKernel named(String newName) {
        return withName(newName);
    }

    /**
     * ρ + σ for two exponential sums, again an exponential sum (modes concatenated, not merged): the kernel of
     * two RNNs run in parallel with summed outputs (docs/theory.md §2).
     *
     * @param other σ, not null
     */
    public ExpSumKernel plus(ExpSumKernel other) {
        Validate.notNull("kernel to add", other);
        return new ExpSumKernel(concat(a, other.a), concat(lambda, other.lambda), concat(ca, other.ca),
                concat(cb, other.cb), concat(cw, other.cw), concat(ctheta, other.ctheta), null);
    }

    @Override
    public ExpSumKernel times(double factor) {
        Validate.finite("scale factor", factor);
        return new ExpSumKernel(scale(a, factor), lambda, scale(ca, factor), scale(cb, factor), cw, ctheta,
                name == null ? null : Kernels.format(factor) + "·" + name);
    }

    @Override
    public double value(double t) {
        Validate.kernelTime(t);
        if (chebyshev != null) {
            double s = Math.exp(-chebyshevBeta * t);
            return s * ShiftedChebyshev.clenshaw(chebyshev, 2 * s - 1);
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * Math.exp(-lambda[k] * t);
        }
        for (int j = 0; j < ca.length; j++) {
            double th = ctheta[j] * t;
            s += Math.exp(-cw[j] * t) * (ca[j] * Math.cos(th) - cb[j] * Math.sin(th));
        }
        return s;
    }

    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        if (a.length + ca.length == 0) {
            return "0";
        }
        if (a.length + ca.length > 4) {
            return "expSum[" + a.length + " real, " + ca.length + " complex]";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < a.length; k++) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            if (a[k] != 1.0) {
                sb.append(Kernels.format(a[k])).append("·");
            }
            sb.append("exp(-").append(Kernels.format(lambda[k])).append("t)");
        }
        for (int j = 0; j < ca.length; j++) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append("exp(-").append(Kernels.format(cw[j])).append("t)(")
                    .append(Kernels.format(ca[j])).append("cos ").append(Kernels.format(ctheta[j])).append("t − ")
                    .append(Kernels.format(cb[j])).append("sin ").append(Kernels.format(ctheta[j])).append("t)");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- modes (copies)

    /**
     * The real amplitudes a_k of ρ(t) = Σ a_k e^{−λ_k t} + … (docs/theory.md §2), a copy.
     */
    public double[] realAmplitudes() {
        return a.clone();
    }

    /**
     * The real decay rates λ_k &gt; 0 (eigenvalues −λ_k of W, docs/theory.md §2), a copy.
     */
    public double[] realRates() {
        return lambda.clone();
    }

    /**
     * The cosine amplitudes A_j of the pairs e^{−w_j t}(A_j cos θ_j t − B_j sin θ_j t) (docs/theory.md §2), a copy.
     */
    public double[] complexCosAmplitudes() {
        return ca.clone();
    }

    /**
     * The sine amplitudes B_j of the pairs e^{−w_j t}(A_j cos θ_j t − B_j sin θ_j t) (docs/theory.md §2), a copy.
     */
    public double[] complexSinAmplitudes() {
        return cb.clone();
    }

    /**
     * The decays w_j &gt; 0 of the pairs (eigenvalues −w_j ± iθ_j of W, docs/theory.md §2), a copy.
     */
    public double[] complexDecays() {
        return cw.clone();
    }

    /**
     * The angular frequencies θ_j of the pairs (eigenvalues −w_j ± iθ_j of W, docs/theory.md §2), a copy.
     */
    public double[] complexFrequencies() {
        return ctheta.clone();
    }

    /**
     * Number of real modes a_k e^{−λ_k t} (docs/theory.md §2).
     */
    public int realModeCount() {
        return a.length;
    }

    /**
     * Number of complex-conjugate pairs e^{−w_j t}(A_j cos θ_j t − B_j sin θ_j t) (docs/theory.md §2).
     */
    public int complexModeCount() {
        return ca.length;
    }

    /** RNN width m that realises this kernel: #real + 2·#complex (docs/theory.md §2). */
    public int order() {
        return a.length + 2 * ca.length;
    }

    // ---------------------------------------------------------------- closed forms

    /**
     * ‖ρ‖²_{L²[0,∞)} by the closed-form Gram sum Σ_{i,j} ½ Re[−c_i c_j/(μ_i+μ_j) − c_i c̄_j/(μ_i+μ̄_j)] (class doc);
     * the white-noise loss of the zero model (docs/theory.md §4).
     */
    public double exactL2Squared() {
        return gramTail(this, this, 0);
    }

    /**
     * ‖ρ‖_{L²[0,∞)} = √{@link #exactL2Squared()} (closed form, docs/theory.md §4).
     */
    public double exactL2() {
        return Math.sqrt(exactL2Squared());
    }

    /**
     * ⟨ρ, σ⟩ = ∫₀^∞ ρσ for two exponential sums, by the Gram sum of the class doc, so that
     * ‖ρ − σ‖² = ‖ρ‖² − 2⟨ρ, σ⟩ + ‖σ‖² (white-noise loss, docs/theory.md §4; mind the cancellation when ρ ≈ σ).
     *
     * @param other σ, not null
     */
    public double innerProduct(ExpSumKernel other) {
        Validate.notNull("other kernel", other);
        return gramTail(this, other, 0);
    }

    /**
     * ‖ρ‖_{L¹} = |Σ a_k/λ_k| (= sup_t ‖H_t‖, docs/theory.md §1) when ρ has one sign (only real modes, amplitudes of one
     * sign); otherwise empty: use {@link Norms#l1(MemoryKernel)}.
     */
    public OptionalDouble exactL1() {
        return tailL1(0);
    }

    @Override
    public OptionalDouble tailL1(double T) {
        if (ca.length > 0 || !(T >= 0)) {
            return OptionalDouble.empty();
        }
        boolean pos = true;
        boolean neg = true;
        for (double x : a) {
            pos &= x >= 0;
            neg &= x <= 0;
        }
        if (!pos && !neg) {
            return OptionalDouble.empty();
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += Math.abs(a[k]) * Math.exp(-lambda[k] * T) / lambda[k];
        }
        return OptionalDouble.of(s);
    }

    @Override
    public OptionalDouble tailL2Squared(double T) {
        if (!(T >= 0) || Double.isInfinite(T)) {
            return OptionalDouble.empty();
        }
        double[] sumAndScale = gramTailWithScale(this, this, T);
        if (sumAndScale[1] * 1e-8 > Math.abs(sumAndScale[0])) {
            return OptionalDouble.empty(); // more than half the digits cancelled: not a usable closed form
        }
        return OptionalDouble.of(Math.max(0, sumAndScale[0]));
    }

    @Override
    public Optional<MemoryKernel> derivative(int order) {
        Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
        if (order == 0) {
            return Optional.of(this);
        }
        double[] na = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            na[k] = a[k] * Math.pow(-lambda[k], order);
        }
        double[] nA = new double[ca.length];
        double[] nB = new double[ca.length];
        for (int j = 0; j < ca.length; j++) {
            // (A + iB) μ^n with μ = −w + iθ
            double re = ca[j];
            double im = cb[j];
            for (int n = 0; n < order; n++) {
                double r2 = re * -cw[j] - im * ctheta[j];
                double i2 = re * ctheta[j] + im * -cw[j];
                re = r2;
                im = i2;
            }
            nA[j] = re;
            nB[j] = im;
        }
        for (double[] coefficients : new double[][] {na, nA, nB}) {
            for (double c : coefficients) {
                if (!Double.isFinite(c)) {
                    throw new KitArgumentException("derivative order n=" + order + " of " + name()
                            + ": its coefficients overflow double precision; use a lower order");
                }
            }
        }
        String dn = "d" + (order == 1 ? "" : order) + "/dt" + (order == 1 ? "" : order) + " " + name();
        return Optional.of(new ExpSumKernel(na, lambda, nA, nB, cw, ctheta, dn));
    }

    /**
     * ∫_T^∞ ρσ dt for exponential sums: every mode is Re[c e^{μt}], and
     * ∫_T^∞ Re[c e^{μt}] Re[d e^{νt}] = ½ Re[c d E(μ+ν) + c d̄ E(μ+ν̄)], E(z) = −e^{zT}/z.
     */
    private static double gramTail(ExpSumKernel p, ExpSumKernel q, double T) {
        return gramTailWithScale(p, q, T)[0];
    }

    /** {Σ of the Gram tail terms, Σ of their absolute values}. */
    private static double[] gramTailWithScale(ExpSumKernel p, ExpSumKernel q, double T) {
        double[][] mp = p.modes();
        double[][] mq = q.modes();
        double s = 0;
        double scale = 0;
        for (double[] u : mp) {
            for (double[] v : mq) {
                // c d and E(μ+ν)
                double cdRe = u[0] * v[0] - u[1] * v[1];
                double cdIm = u[0] * v[1] + u[1] * v[0];
                double[] e1 = tailExp(u[2] + v[2], u[3] + v[3], T);
                // c d̄ and E(μ+ν̄)
                double cdbRe = u[0] * v[0] + u[1] * v[1];
                double cdbIm = -u[0] * v[1] + u[1] * v[0];
                double[] e2 = tailExp(u[2] + v[2], u[3] - v[3], T);
                double term = 0.5 * ((cdRe * e1[0] - cdIm * e1[1]) + (cdbRe * e2[0] - cdbIm * e2[1]));
                s += term;
                scale += Math.abs(term);
            }
        }
        return new double[] {s, scale};
    }

    /** E(z) = ∫_T^∞ e^{zt} dt = −e^{zT}/z for Re z &lt; 0, as {re, im}. */
    private static double[] tailExp(double zr, double zi, double T) {
        double mag = T == 0 ? 1 : Math.exp(zr * T);
        double er = mag * Math.cos(zi * T);
        double ei = mag * Math.sin(zi * T);
        double den = zr * zr + zi * zi;
        // −(er + i ei)/(zr + i zi) = −(er + i ei)(zr − i zi)/den
        return new double[] {-(er * zr + ei * zi) / den, -(ei * zr - er * zi) / den};
    }

    /** All modes as {Re c, Im c, Re μ, Im μ}. */
    private double[][] modes() {
        double[][] m = new double[a.length + ca.length][];
        for (int k = 0; k < a.length; k++) {
            m[k] = new double[] {a[k], 0, -lambda[k], 0};
        }
        for (int j = 0; j < ca.length; j++) {
            m[a.length + j] = new double[] {ca[j], cb[j], -cw[j], ctheta[j]};
        }
        return m;
    }

    private static double[] append(double[] x, double v) {
        double[] y = Arrays.copyOf(x, x.length + 1);
        y[x.length] = v;
        return y;
    }

    private static double[] concat(double[] x, double[] y) {
        double[] z = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    private static double[] scale(double[] x, double c) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= c;
        }
        return y;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExpSumKernel)) {
            return false;
        }
        ExpSumKernel k = (ExpSumKernel) o;
        return Arrays.equals(a, k.a) && Arrays.equals(lambda, k.lambda) && Arrays.equals(ca, k.ca)
                && Arrays.equals(cb, k.cb) && Arrays.equals(cw, k.cw) && Arrays.equals(ctheta, k.ctheta);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(a), Arrays.hashCode(lambda), Arrays.hashCode(ca),
            Arrays.hashCode(cb), Arrays.hashCode(cw), Arrays.hashCode(ctheta)});
    }

    @Override
    public String toString() {
        return "ExpSumKernel[" + name() + "]";
    }
}
