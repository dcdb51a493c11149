package org.curseofmemory.approx;

import org.curseofmemory.util.KitArgumentException;
import java.util.OptionalDouble;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.ShiftedChebyshev;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.quad.ChebyshevGauss;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;

/**
 * The Jackson construction of docs/theory.md §3 as a solver: approximate a memory kernel ρ by
 * <pre>  ρ̂(t) = Σ_{k=1}^{m} a_k e^{−kβt},</pre>
 * rates on the fixed grid kβ. With s = e^{−βt} ∈ (0, 1] the sum is s·p(s), p a polynomial of
 * degree m − 1, so fitting ρ̂ is polynomial approximation of f(s) = ρ(−ln s / β) on [0, 1]
 * (the idea behind the Jackson-type rate: Li, Han, E &amp; Li 2021, as restated in Wang, Li &amp; Li,
 * ICLR 2024, arXiv 2305.19190, Thm A.3, where the bound is printed as C(α)γd/(βm^α) [stated, as
 * printed]). That printed form is not scale-consistent: rescaling a kernel, ρ_c(t) = c·ρ(ct), leaves
 * the best width-m L¹ error and γ unchanged but divides the printed bound by c. The kit teaches the
 * scale-consistent form C(α)γd/m^α [kit] (γ normalised by β^{k−1} instead of β^k; it implies the
 * printed bound when β ≤ 1), with which the bound grows like (1/β)^{α+1} as memory lengthens at fixed
 * derivative scale; docs/theory.md §3.2.
 *
 * <p>Fit [kit]: p is expanded in shifted Chebyshev polynomials, p(s) = Σ_{j&lt;m} c_j T_j(2s − 1),
 * and the c_j solve a weighted least-squares problem on N = max(8m, 512) Chebyshev–Gauss nodes
 * s_i = (1 + cos((2i−1)π/2N))/2. For {@link FitNorm#L2} the weights are the Chebyshev–Gauss
 * quadrature weights of ∫₀^∞ e(t)² dt = ∫₀¹ e² ds/(βs), i.e. w_i ∝ √(1 − x_i²)/(βs_i), so the fit
 * is the L²[0, ∞) projection of ρ onto span{e^{−kβt}}; {@link FitNorm#L1} reweights that
 * iteratively. The Chebyshev columns keep the problem well conditioned up to m = {@link Approximant#MAX_WIDTH};
 * the monomial amplitudes a_k are produced only at the end (exactly, see {@link Approximant}).
 *
 * <p>β is either given ({@link #withBeta(double)}) or chosen to minimise the L¹ error
 * ({@link #optimizeBeta()}: 25-point scan in log β, then golden-section search to 10⁻³ in log₁₀ β;
 * errors inside the search to relative accuracy 10⁻⁶, the reported error to 10⁻⁹).
 * Default: optimise.
 *
 * <p>Calibration [kit]: e^{−t}cos t, β = 0.5 gives L¹ errors 0.259, 4.18e-2, 6.30e-3, 7.70e-4,
 * 6.31e-5, 4.06e-6 for m = 2, 4, …, 64, matching docs/theory.md §4. Immutable; configure with the
 * {@code with…} methods, then call {@link #approximate(MemoryKernel)}.
 */
public final class JacksonApproximation {

    /** Smallest β accepted (the slowest mode e^{−βt} then has memory length 1/β = 10⁸). */
    public static final double MIN_BETA = 1e-8;
    /** Largest β accepted. */
    public static final double MAX_BETA = 1e6;
    /** Points of the coarse log-β scan of {@link #optimizeBeta()}. */
    static final int SCAN_POINTS = 25;
    /** Final bracket width of the golden-section search, in log₁₀ β. */
    static final double LOG10_BETA_TOLERANCE = 1e-3;
    /** Default search range is [BETA_LO_FACTOR, BETA_HI_FACTOR] / t_½, t_½ the median lag of |ρ|. */
    static final double BETA_LO_FACTOR = 1e-4;
    static final double BETA_HI_FACTOR = 1e2;
    /** Reweighting sweeps for {@link FitNorm#L1}. */
    static final int IRLS_SWEEPS = 8;

    private final int width;
    private final double beta;
    private final double betaLo;
    private final double betaHi;
    private final FitNorm fitNorm;

    private JacksonApproximation(int width, double beta, double betaLo, double betaHi, FitNorm fitNorm) {
        this.width = width;
        this.beta = beta;
        this.betaLo = betaLo;
        this.betaHi = betaHi;
        this.fitNorm = fitNorm;
    }

    /**
     * A Jackson solver of width m that optimises β over a range chosen from the target, fitting in L².
     *
     * @param m width, 1 ≤ m ≤ {@link Approximant#MAX_WIDTH}
     */
    public static JacksonApproximation ofWidth(int m) {
        return new JacksonApproximation(checkWidth(m), Double.NaN, Double.NaN, Double.NaN, FitNorm.L2);
    }

    static int checkWidth(int m) {
        return Validate.inRange("width m", m, 1, Approximant.MAX_WIDTH);
    }

    static double checkBeta(String what, double beta) {
        Validate.positive(what, beta);
        return Validate.inRange(what, beta, MIN_BETA, MAX_BETA);
    }

    /** Same solver with width m, 1 ≤ m ≤ {@link Approximant#MAX_WIDTH}. */
    public JacksonApproximation withWidth(int m) {
        return new JacksonApproximation(checkWidth(m), beta, betaLo, betaHi, fitNorm);
    }

    /**
     * Same solver with the rate spacing fixed: λ_k = kβ.
     *
     * @param beta β in [{@link #MIN_BETA}, {@link #MAX_BETA}]
     */
    public JacksonApproximation withBeta(double beta) {
        return new JacksonApproximation(width, checkBeta("rate spacing beta", beta), Double.NaN, Double.NaN, fitNorm);
    }

    /**
     * Same solver choosing β to minimise the L¹ error, searching [10⁻⁴, 10²]/t_½ where t_½ is the
     * lag by which half of ∫|ρ| has accumulated (clipped to [{@link #MIN_BETA}, {@link #MAX_BETA}]).
     */
    public JacksonApproximation optimizeBeta() {
        return new JacksonApproximation(width, Double.NaN, Double.NaN, Double.NaN, fitNorm);
    }

    /**
     * Same solver choosing β in [betaMin, betaMax] to minimise the L¹ error.
     *
     * @param betaMin lower end, in [{@link #MIN_BETA}, {@link #MAX_BETA}]
     * @param betaMax upper end, &gt; betaMin, in [{@link #MIN_BETA}, {@link #MAX_BETA}]
     */
    public JacksonApproximation optimizeBeta(double betaMin, double betaMax) {
        checkBeta("beta search lower end betaMin", betaMin);
        checkBeta("beta search upper end betaMax", betaMax);
        if (!(betaMax > betaMin)) {
            throw new KitArgumentException("beta search range [betaMin=" + betaMin + ", betaMax=" + betaMax
                    + "] must have betaMax > betaMin");
        }
        return new JacksonApproximation(width, Double.NaN, betaMin, betaMax, fitNorm);
    }

    /** Same solver fitting the amplitudes in the given norm (default {@link FitNorm#L2}). */
    public JacksonApproximation withFitNorm(FitNorm norm) {
        return new JacksonApproximation(width, beta, betaLo, betaHi, Validate.notNull("fit norm", norm));
    }

    /** The width m. */
    public int width() {
        return width;
    }

    /** The fixed β, or empty if β is optimised. */
    public OptionalDouble beta() {
        return Double.isNaN(beta) ? OptionalDouble.empty() : OptionalDouble.of(beta);
    }

    /** The fit norm. */
    public FitNorm fitNorm() {
        return fitNorm;
    }

    /**
     * Fit ρ̂ to the target.
     *
     * @param target ρ, finite on [0, ∞) and integrable
     * @return the approximant, with β, errors, the number of fits made and why the search stopped
     */
    public Approximant approximate(MemoryKernel target) {
        Validate.notNull("target kernel", target);
        MeasuredTarget measured = MeasuredTarget.of(target);
        double n1 = measured.l1;
        double n2 = measured.l2;
        // one fit per β: the search's fits are kept, the chosen β is not fitted again
        java.util.Map<Double, double[]> fitsByBeta = new java.util.HashMap<>();
        if (!Double.isNaN(beta)) {
            return Approximant.jackson(target, beta, fitCoefficients(target, beta, width, fitNorm), n1, n2, 0,
                    StopReason.LINEAR_SOLVE);
        }
        double lo = betaLo;
        double hi = betaHi;
        if (Double.isNaN(lo)) {
            double tHalf = measured.massQuantile(0.5);
            lo = clip(BETA_LO_FACTOR / tHalf);
            hi = clip(BETA_HI_FACTOR / tHalf);
        }
        double u0 = Math.log10(lo);
        double u1 = Math.log10(hi);
        double[] errs = new double[SCAN_POINTS];
        int best = 0;
        for (int i = 0; i < SCAN_POINTS; i++) {
            double u = u0 + (u1 - u0) * i / (SCAN_POINTS - 1);
            errs[i] = l1ErrorAt(target, Math.pow(10, u), n1, fitsByBeta);
            if (errs[i] < errs[best]) {
                best = i;
            }
        }
        int fits = SCAN_POINTS;
        double step = (u1 - u0) / (SCAN_POINTS - 1);
        double a = u0 + step * Math.max(best - 1, 0);
        double b = u0 + step * Math.min(best + 1, SCAN_POINTS - 1);
        double bestU = u0 + step * best;
        double bestErr = errs[best];
        final double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = l1ErrorAt(target, Math.pow(10, c), n1, fitsByBeta);
        double fd = l1ErrorAt(target, Math.pow(10, d), n1, fitsByBeta);
        fits += 2;
        while (b - a > LOG10_BETA_TOLERANCE) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = l1ErrorAt(target, Math.pow(10, c), n1, fitsByBeta);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = l1ErrorAt(target, Math.pow(10, d), n1, fitsByBeta);
            }
            fits++;
        }
        if (fc < bestErr) {
            bestErr = fc;
            bestU = c;
        }
        if (fd < bestErr) {
            bestU = d;
        }
        double betaStar = Math.pow(10, bestU);
        double[] bestFit = fitsByBeta.get(betaStar);
        if (bestFit == null) {
            bestFit = fitCoefficients(target, betaStar, width, fitNorm);
        }
        return Approximant.jackson(target, betaStar, bestFit, n1, n2, fits,
                StopReason.CONVERGED);
    }

    private static double clip(double b) {
        return Math.min(Math.max(b, MIN_BETA), MAX_BETA);
    }

    private double l1ErrorAt(MemoryKernel target, double b, double scale, java.util.Map<Double, double[]> fitsByBeta) {
        double[] c = fitCoefficients(target, b, width, fitNorm);
        fitsByBeta.put(b, c);
        return ErrorNorms.l1Error(target, t -> {
            double s = Math.exp(-b * t);
            return s * ShiftedChebyshev.clenshaw(c, 2 * s - 1);
        }, b, scale, ErrorNorms.SEARCH_REL_TOL);
    }

    /**
     * The raw fit: shifted-Chebyshev coefficients c_j, ρ̂(t) = s Σ_{j&lt;m} c_j T_j(2s − 1),
     * s = e^{−βt} (escape hatch for callers who want the numbers without the error integrals).
     *
     * @param target ρ
     * @param beta   rate spacing β in [{@link #MIN_BETA}, {@link #MAX_BETA}]
     * @param m      width
     * @param norm   fit norm
     */
    public static double[] fitCoefficients(MemoryKernel target, double beta, int m, FitNorm norm) {
        Validate.notNull("target kernel", target);
        checkBeta("rate spacing beta", beta);
        checkWidth(m);
        Validate.notNull("fit norm", norm);
        int n = Math.max(8 * m, 512);
        double[] s = new double[n];
        double[] x = ChebyshevGauss.nodes(n);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0.5 * (1 + x[i]);
            double t = -Math.log(s[i]) / beta;
            y[i] = target.value(t);
            Validate.kernelValue(target.name(), t, y[i]);
            // Chebyshev–Gauss weight of ∫₀¹ g(s) ds is (π/2N)√(1−x²); g = e²/(βs). Constants dropped.
            w[i] = ChebyshevGauss.weight(x[i]) / s[i];
        }
        double[] basis = new double[m];
        double[][] rows = new double[n][m];
        for (int i = 0; i < n; i++) {
            ShiftedChebyshev.basis(x[i], basis);
            for (int j = 0; j < m; j++) {
                rows[i][j] = s[i] * basis[j];
            }
        }
        double[] c = weightedSolve(rows, y, w);
        if (norm == FitNorm.L1) {
            double[] wi = new double[n];
            for (int sweep = 0; sweep < IRLS_SWEEPS; sweep++) {
                double[] e = new double[n];
                double mx = 0;
                for (int i = 0; i < n; i++) {
                    e[i] = Math.abs(y[i] - s[i] * ShiftedChebyshev.clenshaw(c, x[i]));
                    mx = Math.max(mx, e[i]);
                }
                if (mx == 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    wi[i] = w[i] / Math.max(e[i], 1e-8 * mx);
                }
                c = weightedSolve(rows, y, wi);
            }
        }
        return c;
    }

    private static double[] weightedSolve(double[][] rows, double[] y, double[] w) {
        int n = rows.length;
        int m = rows[0].length;
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(w[i]);
            for (int j = 0; j < m; j++) {
                a.unsafe_set(i, j, r * rows[i][j]);
            }
            b[i] = r * y[i];
        }
        return LeastSquares.qr(a, b);
    }

    @Override
    public String toString() {
        return "JacksonApproximation[m=" + width + ", beta=" + (Double.isNaN(beta) ? "optimised" : beta)
                + ", fit=" + fitNorm + "]";
    }
}
