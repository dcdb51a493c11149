package org.curseofmemory.kernel;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * The Airy function Ai(x) and its derivative Ai'(x), the solution of y'' = x y that decays as x → +∞. The kit
 * uses it for the optimization experiments of docs/theory.md §4 (target ρ(t) = Ai(s₀(t − t₀)), memory moved by t₀).
 *
 * <h2>Method</h2>
 * <ul>
 * <li><b>−7 ≤ x ≤ 5.75: Maclaurin series</b> (DLMF 9.4.1) Ai(x) = c₁ f(x) − c₂ g(x),
 * f = Σ_k 3^k (1/3)_k x^{3k}/(3k)!, g = Σ_k 3^k (2/3)_k x^{3k+1}/(3k+1)!, c₁ = Ai(0) = 3^{−2/3}/Γ(2/3),
 * c₂ = −Ai'(0) = 3^{−1/3}/Γ(1/3); Ai' by term-wise differentiation. Terms follow the ratios
 * x³/((3k)(3k−1)) and x³/((3k+1)(3k)) (for Ai': x³/((3k−1)(3k−3)) and x³/((3k)(3k−2))); summation stops when a term is below 10⁻¹⁸ of the running sum.
 * Rounding error is about 10⁻¹⁶ × the largest term, which stays below ≈ 10⁴ here (largest terms behave like
 * e^{ζ}, ζ = (2/3)|x|^{3/2}), so the absolute error is ≲ 10⁻¹² (for x &gt; 0 the relative error of the small
 * value Ai(x) ≈ e^{−ζ} grows like e^{2ζ}·10⁻¹⁶, ≈ 10⁻⁸ at the switch point x = 5.75).</li>
 * <li><b>x &gt; 5.75: asymptotic expansion</b> (DLMF 9.7.5, 9.7.6)
 * Ai(x) ~ e^{−ζ}/(2√π x^{1/4}) Σ (−1)^k u_k ζ^{−k}, Ai'(x) ~ −x^{1/4} e^{−ζ}/(2√π) Σ (−1)^k v_k ζ^{−k},
 * summed up to the smallest term; relative error ≈ e^{−2ζ} (≈ 10⁻⁸ at x = 5.75, below 10⁻¹⁵ beyond x ≈ 9).</li>
 * <li><b>x &lt; −7: oscillatory asymptotic expansion</b> (DLMF 9.7.9, 9.7.10) with z = −x, ζ = (2/3)z^{3/2}:
 * Ai(−z) ~ (π^{1/2} z^{1/4})^{−1} [cos(ζ − π/4) Σ (−1)^k u_{2k} ζ^{−2k} + sin(ζ − π/4) Σ (−1)^k u_{2k+1} ζ^{−2k−1}],
 * Ai'(−z) ~ z^{1/4} π^{−1/2} [sin(ζ − π/4) Σ (−1)^k v_{2k} ζ^{−2k} − cos(ζ − π/4) Σ (−1)^k v_{2k+1} ζ^{−2k−1}],
 * u_k = (2k+1)(2k+3)⋯(6k−1)/(216^k k!), v_k = −(6k+1)/(6k−1)·u_k; truncation error ≈ e^{−2ζ} ≈ 10⁻¹¹ at x = −7.</li>
 * </ul>
 * Verified against 41 values computed with mpmath at 30 digits (AiryTest): maximal absolute error on [−20, 5]
 * is reported there.
 */
public final class Airy {
    /**
     * Ai(0) = 3^{−2/3}/Γ(2/3) (DLMF 9.2.3), used by the Airy target of docs/theory.md §4.
     */
    public static final double AI0 = 0.355028053887817239260063186004;
    /**
     * −Ai'(0) = 3^{−1/3}/Γ(1/3) (DLMF 9.2.4), used by the Airy target of docs/theory.md §4.
     */
    public static final double MINUS_AIP0 = 0.258819403792806798405183560189;

    private static final double SERIES_MIN = -7.0;

    /** Ai(x) is evaluated for x ≥ −10⁶ (its phase ⅔|x|^{3/2} ≤ 7·10⁸ keeps double precision). */
    public static final double MAX_NEGATIVE_ARGUMENT = 1e6;
    private static final double SERIES_MAX = 5.75;
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final int MAX_ASYMPTOTIC_TERMS = 60;
    private static final double[] U = new double[MAX_ASYMPTOTIC_TERMS + 1];
    private static final double[] V = new double[MAX_ASYMPTOTIC_TERMS + 1];

    static {
        U[0] = 1;
        V[0] = 1;
        for (int k = 1; k <= MAX_ASYMPTOTIC_TERMS; k++) {
            U[k] = U[k - 1] * (6.0 * k - 5) * (6.0 * k - 3) * (6.0 * k - 1) / ((2.0 * k - 1) * 216.0 * k);
            V[k] = -(6.0 * k + 1) / (6.0 * k - 1) * U[k];
        }
    }

    private Airy() {
    }

    /**
     * Ai(x), the Airy function behind the target ρ(t) = Ai(s₀(t − t₀)) of docs/theory.md §4; absolute error below
     * 1e-9 on [−20, 5] (measured ≲ 1e-12, see the class doc and AiryTest).
     *
     * @param x a finite number (NaN or ±∞ are rejected)
     */
    public static double ai(double x) {
        return both(x)[0];
    }

    /**
     * Ai'(x), the derivative of the Airy function (docs/theory.md §4: ρ'(t) = s₀ Ai'(s₀(t − t₀))); absolute error
     * below 1e-9 on [−20, 5] (see the class doc).
     *
     * @param x a finite number
     */
    public static double aiPrime(double x) {
        return both(x)[1];
    }

    /**
     * {Ai(x), Ai'(x)} in one evaluation (docs/theory.md §4), by the method of the class doc.
     *
     * @param x a finite number
     */
    public static double[] both(double x) {
        Validate.finite("Airy argument x", x);
        if (x < -MAX_NEGATIVE_ARGUMENT) {
            throw new KitArgumentException("Airy argument x=" + x + " must be >= -" + MAX_NEGATIVE_ARGUMENT
                    + ": further out Ai oscillates too fast to evaluate in double precision");
        }
        if (x >= SERIES_MIN && x <= SERIES_MAX) {
            return series(x);
        }
        if (x > SERIES_MAX) {
            return asymptoticPositive(x);
        }
        return asymptoticNegative(-x);
    }

    private static double[] series(double x) {
        double x3 = x * x * x;
        double fk = 1;          // F_k = 3^k (1/3)_k x^{3k}/(3k)!
        double gk = x;          // G_k = 3^k (2/3)_k x^{3k+1}/(3k+1)!
        double dfk = x * x / 2; // F'_k = 3^k (1/3)_k x^{3k−1}/(3k−1)!, from k = 1
        double dgk = 1;         // G'_k = 3^k (2/3)_k x^{3k}/(3k)!
        double f = fk;
        double g = gk;
        double df = dfk;
        double dg = dgk;
        for (int k = 1; k < 200; k++) {
            fk *= x3 / ((3.0 * k) * (3.0 * k - 1));
            gk *= x3 / ((3.0 * k + 1) * (3.0 * k));
            dgk *= x3 / ((3.0 * k) * (3.0 * k - 2));
            f += fk;
            g += gk;
            dg += dgk;
            if (k >= 2) {
                dfk *= x3 / ((3.0 * k - 1) * (3.0 * k - 3));
                df += dfk;
            }
            double terms = Math.abs(fk) + Math.abs(gk) + Math.abs(dfk) + Math.abs(dgk);
            if (k > 2 && terms <= 1e-18 * (Math.abs(f) + Math.abs(g) + Math.abs(df) + Math.abs(dg))) {
                break;
            }
        }
        return new double[] {AI0 * f - MINUS_AIP0 * g, AI0 * df - MINUS_AIP0 * dg};
    }

    private static double[] asymptoticPositive(double x) {
        double zeta = 2.0 / 3.0 * x * Math.sqrt(x);
        double su = 1;
        double sv = 1;
        double prevU = 1;
        double prevV = 1;
        double p = 1;
        for (int k = 1; k <= MAX_ASYMPTOTIC_TERMS; k++) {
            p /= -zeta;
            double tu = U[k] * p;
            double tv = V[k] * p;
            if (Math.abs(tu) >= Math.abs(prevU) || Math.abs(tv) >= Math.abs(prevV)) {
                break; // terms started to grow: stop at the smallest
            }
            su += tu;
            sv += tv;
            prevU = tu;
            prevV = tv;
            if (Math.abs(tu) < 1e-17 && Math.abs(tv) < 1e-17) {
                break;
            }
        }
        double e = Math.exp(-zeta);
        double q = Math.sqrt(Math.sqrt(x));
        return new double[] {e / (2 * SQRT_PI * q) * su, -q * e / (2 * SQRT_PI) * sv};
    }

    private static double[] asymptoticNegative(double z) {
        double zeta = 2.0 / 3.0 * z * Math.sqrt(z);
        // even and odd parts: P_u = Σ (−1)^k u_{2k} ζ^{−2k}, Q_u = Σ (−1)^k u_{2k+1} ζ^{−2k−1}
        double pu = 0;
        double qu = 0;
        double pv = 0;
        double qv = 0;
        double prev = Double.POSITIVE_INFINITY;
        double power = 1; // ζ^{−n}
        for (int n = 0; n <= MAX_ASYMPTOTIC_TERMS; n++) {
            double tu = U[n] * power;
            double tv = V[n] * power;
            double size = Math.abs(tu) + Math.abs(tv);
            if (n > 0 && size >= prev) {
                break;
            }
            int k = n / 2;
            double sign = (k % 2 == 0) ? 1 : -1;
            if (n % 2 == 0) {
                pu += sign * tu;
                pv += sign * tv;
            } else {
                qu += sign * tu;
                qv += sign * tv;
            }
            prev = size;
            if (size < 1e-17) {
                break;
            }
            power /= zeta;
        }
        // cos(ζ − π/4) and sin(ζ − π/4) as combinations of cos ζ, sin ζ (no extra rounding of the phase)
        double c = Math.cos(zeta);
        double s = Math.sin(zeta);
        double r = Math.sqrt(0.5);
        double cosPhase = r * (c + s);
        double sinPhase = r * (s - c);
        double q = Math.sqrt(Math.sqrt(z));
        double ai = (cosPhase * pu + sinPhase * qu) / (SQRT_PI * q);
        double aip = q / SQRT_PI * (sinPhase * pv - cosPhase * qv);
        return new double[] {ai, aip};
    }

    /**
     * The k-th real zero a_k &lt; 0 of Ai (k ≥ 1): where the Airy target Ai(s₀(t − t₀)) of docs/theory.md §4 changes sign,
     * at t = t₀ + a_k/s₀. Asymptotic guess −T(3π(4k−1)/8), T(t) = t^{2/3}(1 + 5/48 t^{−2}) (DLMF 9.9.6, 9.9.18),
     * polished by Newton's method with {@link #both(double)}. a₁ ≈ −2.33811, a₂ ≈ −4.08795.
     *
     * @param k index k in [1, 10⁸]
     */
    public static double zero(int k) {
        Validate.capped("Airy zero index k", k, 1, 100_000_000); // a_k stays above -MAX_NEGATIVE_ARGUMENT
        double t = 3 * Math.PI * (4.0 * k - 1) / 8;
        double x = -Math.pow(t, 2.0 / 3.0) * (1 + 5.0 / 48 / (t * t));
        for (int it = 0; it < 50; it++) {
            double[] v = both(x);
            double dx = v[0] / v[1];
            x -= dx;
            if (Math.abs(dx) <= 1e-15 * Math.abs(x)) {
                break;
            }
        }
        return x;
    }
}
