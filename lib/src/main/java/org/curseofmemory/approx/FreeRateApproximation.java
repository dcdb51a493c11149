package org.curseofmemory.approx;

import org.curseofmemory.util.KitArgumentException;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Free-rate exponential-sum approximation, the second half of "the two-sided truth" of
 * docs/theory.md §3.5 [kit]: ρ̂(t) = Σ_{k=1}^{m} a_k e^{−λ_k t} with the rates λ_k no longer tied to a
 * grid kβ. Power laws are fitted well with few units, but only by pushing the slowest rate toward
 * 0, the regime the inverse (Bernstein-type) theorem calls fragile (Wang, Li &amp; Li 2023, arXiv
 * 2305.19190, Thm A.4, after Li, Han, E &amp; Li's JMLR 2022 version; docs/theory.md §3.4).
 *
 * <p><b>Log-spaced rates</b> (default): λ_k = λ_min (λ_max/λ_min)^{(k−1)/(m−1)}. Unless given by
 * {@link #withRateRange(double, double)}, the range comes from the target [kit heuristic]:
 * λ_max = max(1/t_{0.05}, 1/(t_{0.95} − t_{0.05})) and λ_min = 1/t_{1−ε_m}, where t_q is the lag by
 * which the fraction q of ∫₀^∞|ρ| has accumulated and ε_m = max(10^{−m/6}, 10⁻¹²) is the tail mass
 * left unresolved (so the range widens with m and, for power-law memory, λ_min → 0 as m grows);
 * λ_min is lowered if needed so that neighbouring rates differ by at least the factor e^{0.1}, and
 * 10⁻¹² ≤ λ_min &lt; λ_max ≤ 10⁶.
 * Amplitudes by weighted least squares on a quadrature grid of [0, 10¹⁴] (≈1200 nodes), i.e.
 * the L²[0, ∞) projection, or reweighted toward L¹ ({@link FitNorm#L1}).
 *
 * <p><b>Optimised rates</b> ({@link #optimizeRates()}): variable projection [kit, standard
 * numerics] — the amplitudes are eliminated by least squares and the log-rates θ_k = ln λ_k are
 * moved by Levenberg–Marquardt on the reduced L² residual (Kaufman's approximate Jacobian
 * J_k = P⊥(a_k λ_k t e^{−λ_k t})), started from the log-spaced rates. Regularisation: θ kept in
 * [ln 10⁻¹², ln 10⁶], neighbouring log-rates kept at least {@link #MIN_LOG_RATE_GAP} apart (so the
 * basis never degenerates), and singular values below EJML's relative threshold dropped in every
 * amplitude solve. The objective is the white-noise loss ∫(ρ − ρ̂)² of docs/theory.md §4 whatever the
 * fit norm; with {@link FitNorm#L1} only the final amplitudes are reweighted.
 *
 * <p>Read {@link Approximant#slowestRate()} on the result: for power-law targets good fits need
 * λ_min → 0, the regime the inverse theorem (docs/theory.md §3) and the perturbation error of
 * docs/theory.md §5 call fragile (see {@link PerturbationError}). Immutable.
 */
public final class FreeRateApproximation {

    /** Smallest rate the solvers use (e^{−λt} must have decayed by the horizon 10¹⁴). */
    public static final double MIN_RATE = 1e-12;
    /** Largest rate the solvers use (the fit grid starts resolving at t ≈ 10⁻⁶). */
    public static final double MAX_RATE = 1e6;
    /** Minimum gap between neighbouring log-rates during optimisation. */
    public static final double MIN_LOG_RATE_GAP = 0.02;
    /** Default iteration budget of the rate optimisation. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /** Automatic log-spaced rates are at least this far apart in log (ratio e^{0.1} ≈ 1.105). */
    static final double MIN_LOG_RATE_STEP = 0.1;
    /** Lower mass quantile fixing λ_max = 1/t_q. */
    static final double FAST_QUANTILE = 0.05;
    /** ε_m = 10^{−m/TAIL_DIGITS_DIVISOR}. */
    static final double TAIL_DIGITS_DIVISOR = 6;
    /** Relative decrease of the loss below which an accepted step counts as converged. */
    static final double RELATIVE_DECREASE_TOLERANCE = 1e-6;
    /** Reweighting sweeps for {@link FitNorm#L1}. */
    static final int IRLS_SWEEPS = 8;

    private final int width;
    private final double rateLo;
    private final double rateHi;
    private final boolean optimize;
    private final int maxIterations;
    private final FitNorm fitNorm;

    private FreeRateApproximation(int width, double rateLo, double rateHi, boolean optimize, int maxIterations,
            FitNorm fitNorm) {
        this.width = width;
        this.rateLo = rateLo;
        this.rateHi = rateHi;
        this.optimize = optimize;
        this.maxIterations = maxIterations;
        this.fitNorm = fitNorm;
    }

    /**
     * A free-rate solver of width m: log-spaced rates over a range chosen from the target, L² amplitudes.
     *
     * @param m width, 1 ≤ m ≤ {@link Approximant#MAX_WIDTH}
     */
    public static FreeRateApproximation ofWidth(int m) {
        return new FreeRateApproximation(JacksonApproximation.checkWidth(m), Double.NaN, Double.NaN, false,
                DEFAULT_MAX_ITERATIONS, FitNorm.L2);
    }

    /** Same solver with width m. */
    public FreeRateApproximation withWidth(int m) {
        return new FreeRateApproximation(JacksonApproximation.checkWidth(m), rateLo, rateHi, optimize, maxIterations,
                fitNorm);
    }

    /**
     * Same solver with log-spaced rates on [slowest, fastest] (the starting point if rates are optimised).
     *
     * @param slowest λ_min in [{@link #MIN_RATE}, {@link #MAX_RATE}]
     * @param fastest λ_max &gt; λ_min, in [{@link #MIN_RATE}, {@link #MAX_RATE}]
     */
    public FreeRateApproximation withRateRange(double slowest, double fastest) {
        checkRate("slowest rate", slowest);
        checkRate("fastest rate", fastest);
        if (!(fastest > slowest)) {
            throw new KitArgumentException("rate range [slowest=" + slowest + ", fastest=" + fastest
                    + "] must have fastest > slowest");
        }
        return new FreeRateApproximation(width, slowest, fastest, optimize, maxIterations, fitNorm);
    }

    /** Same solver with the rate range chosen from the target (the default, see the class comment). */
    public FreeRateApproximation withAutomaticRateRange() {
        return new FreeRateApproximation(width, Double.NaN, Double.NaN, optimize, maxIterations, fitNorm);
    }

    /** Same solver, log-rates optimised by variable projection ({@link #DEFAULT_MAX_ITERATIONS} iterations at most). */
    public FreeRateApproximation optimizeRates() {
        return new FreeRateApproximation(width, rateLo, rateHi, true, maxIterations, fitNorm);
    }

    /**
     * Same solver, log-rates optimised with at most {@code maxIterations} Levenberg–Marquardt iterations.
     *
     * @param maxIterations ≥ 1
     */
    public FreeRateApproximation optimizeRates(int maxIterations) {
        Validate.atLeast("maxIterations", maxIterations, 1);
        return new FreeRateApproximation(width, rateLo, rateHi, true, maxIterations, fitNorm);
    }

    /** Same solver with fixed log-spaced rates (no optimisation). */
    public FreeRateApproximation withLogSpacedRates() {
        return new FreeRateApproximation(width, rateLo, rateHi, false, maxIterations, fitNorm);
    }

    /** Same solver fitting amplitudes in the given norm (default {@link FitNorm#L2}). */
    public FreeRateApproximation withFitNorm(FitNorm norm) {
        return new FreeRateApproximation(width, rateLo, rateHi, optimize, maxIterations,
                Validate.notNull("fit norm", norm));
    }

    /** The width m. */
    public int width() {
        return width;
    }

    /** True if the rates are optimised. */
    public boolean optimizesRates() {
        return optimize;
    }

    /** The given slowest rate, or empty if the range is chosen from the target. */
    public OptionalDouble slowestRate() {
        return Double.isNaN(rateLo) ? OptionalDouble.empty() : OptionalDouble.of(rateLo);
    }

    /** The given fastest rate, or empty if the range is chosen from the target. */
    public OptionalDouble fastestRate() {
        return Double.isNaN(rateHi) ? OptionalDouble.empty() : OptionalDouble.of(rateHi);
    }

    private static double checkRate(String what, double r) {
        Validate.positive(what, r);
        return Validate.inRange(what, r, MIN_RATE, MAX_RATE);
    }

    /**
     * The log-spaced rates this solver starts from for {@code target}.
     *
     * @param target ρ, integrable
     */
    public double[] initialRates(MemoryKernel target) {
        Validate.notNull("target kernel", target);
        return initialRates(MeasuredTarget.of(target));
    }

    private double[] initialRates(MeasuredTarget target) {
        double lo = rateLo;
        double hi = rateHi;
        if (Double.isNaN(lo)) {
            if (width == 1) {
                double r = clamp(1 / target.massQuantile(0.5));
                return new double[] {r};
            }
            double eps = Math.max(Math.pow(10, -width / TAIL_DIGITS_DIVISOR), 1e-12);
            double tFast = target.massQuantile(FAST_QUANTILE);
            double tBulk = target.massQuantile(1 - FAST_QUANTILE);
            hi = 1 / tFast;
            if (tBulk > tFast) {
                hi = Math.max(hi, 1 / (tBulk - tFast));
            }
            hi = clamp(hi);
            lo = clamp(1 / target.massQuantile(1 - eps));
            lo = Math.max(Math.min(lo, hi * Math.exp(-MIN_LOG_RATE_STEP * (width - 1))), MIN_RATE);
            if (!(hi > lo)) {
                hi = Math.min(10 * lo, MAX_RATE);
                lo = hi / 10;
            }
        }
        double[] r = new double[width];
        if (width == 1) {
            r[0] = Math.sqrt(lo * hi);
            return r;
        }
        for (int k = 0; k < width; k++) {
            r[k] = lo * Math.pow(hi / lo, (double) k / (width - 1));
        }
        return r;
    }

    private static double clamp(double r) {
        return Math.min(Math.max(r, MIN_RATE), MAX_RATE);
    }

    /**
     * Fit ρ̂ to the target.
     *
     * @param target ρ, finite on [0, ∞) and integrable
     */
    public Approximant approximate(MemoryKernel target) {
        Validate.notNull("target kernel", target);
        MeasuredTarget measured = MeasuredTarget.of(target);
        double n1 = measured.l1;
        double n2 = measured.l2;
        double[] y = measured.fitSamples();
        double[] rates = initialRates(measured);
        int iterations = 0;
        StopReason stop = StopReason.LINEAR_SOLVE;
        ApproximationMethod method = ApproximationMethod.LOG_SPACED_RATES;
        if (optimize) {
            VarPro vp = new VarPro(y, rates);
            vp.run(maxIterations);
            rates = vp.rates();
            iterations = vp.iterations;
            stop = vp.converged ? StopReason.CONVERGED : StopReason.MAX_STEPS;
            method = ApproximationMethod.OPTIMIZED_RATES;
        }
        double[] amps = amplitudes(rates, y, FitGrid.WEIGHTS, fitNorm);
        return Approximant.exponentialSum(target, method, Double.NaN, rates, amps, n1, n2, iterations, stop);
    }

    /** Least-squares amplitudes for fixed rates on the fit grid, weights w (L²) or reweighted (L¹). */
    static double[] amplitudes(double[] rates, double[] y, double[] w, FitNorm norm) {
        double[] a = solve(rates, y, w);
        if (norm == FitNorm.L1) {
            double[] t = FitGrid.NODES;
            double[] wi = new double[t.length];
            for (int sweep = 0; sweep < IRLS_SWEEPS; sweep++) {
                double[] e = new double[t.length];
                double mx = 0;
                for (int i = 0; i < t.length; i++) {
                    double v = y[i];
                    for (int k = 0; k < rates.length; k++) {
                        v -= a[k] * Math.exp(-rates[k] * t[i]);
                    }
                    e[i] = Math.abs(v);
                    mx = Math.max(mx, e[i]);
                }
                if (mx == 0) {
                    break;
                }
                for (int i = 0; i < t.length; i++) {
                    wi[i] = w[i] / Math.max(e[i], 1e-8 * mx);
                }
                a = solve(rates, y, wi);
            }
        }
        return a;
    }

    private static double[] solve(double[] rates, double[] y, double[] w) {
        double[] t = FitGrid.NODES;
        DMatrixRMaj a = new DMatrixRMaj(t.length, rates.length);
        double[] b = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double r = Math.sqrt(w[i]);
            for (int k = 0; k < rates.length; k++) {
                a.unsafe_set(i, k, r * Math.exp(-rates[k] * t[i]));
            }
            b[i] = r * y[i];
        }
        return LeastSquares.svd(a, b);
    }

    /** Levenberg–Marquardt on log-rates with the amplitudes projected out (Golub–Pereyra, Kaufman). */
    private static final class VarPro {
        private final double[] t = FitGrid.NODES;
        private final double[] sw;
        private final double[] yw;
        private final double thetaMin = Math.log(MIN_RATE);
        private final double thetaMax = Math.log(MAX_RATE);
        private double[] theta;
        int iterations;
        boolean converged;

        VarPro(double[] y, double[] rates0) {
            sw = new double[t.length];
            yw = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                sw[i] = Math.sqrt(FitGrid.WEIGHTS[i]);
                yw[i] = sw[i] * y[i];
            }
            theta = new double[rates0.length];
            for (int k = 0; k < theta.length; k++) {
                theta[k] = Math.log(rates0[k]);
            }
            theta = feasible(theta);
        }

        double[] rates() {
            double[] r = new double[theta.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = Math.exp(theta[k]);
            }
            return r;
        }

        /** State at θ: basis SVD, amplitudes, residual, loss. */
        private final class State {
            final double[] th;
            final DMatrixRMaj u;
            final double[] amp;
            final double[] res;
            final double loss;

            State(double[] th) {
                this.th = th;
                int n = t.length;
                int m = th.length;
                DMatrixRMaj a = new DMatrixRMaj(n, m);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < m; k++) {
                        a.unsafe_set(i, k, sw[i] * Math.exp(-Math.exp(th[k]) * t[i]));
                    }
                }
                SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, m, true, true, true);
                if (!svd.decompose(a.copy())) {
                    throw new ArithmeticException("SVD failed in the rate optimisation at rates " + Arrays.toString(th));
                }
                double[] sv = svd.getSingularValues();
                DMatrixRMaj uFull = svd.getU(null, false);
                DMatrixRMaj v = svd.getV(null, false);
                int nsv = svd.numberOfSingularValues();
                double smax = 0;
                for (int j = 0; j < nsv; j++) {
                    smax = Math.max(smax, sv[j]);
                }
                double cut = smax * 1e-13;
                int rank = 0;
                for (int j = 0; j < nsv; j++) {
                    if (sv[j] > cut) {
                        rank++;
                    }
                }
                u = new DMatrixRMaj(n, rank);
                double[] coef = new double[m];
                int col = 0;
                for (int j = 0; j < nsv; j++) {
                    if (!(sv[j] > cut)) {
                        continue;
                    }
                    double proj = 0;
                    for (int i = 0; i < n; i++) {
                        double uij = uFull.unsafe_get(i, j);
                        u.unsafe_set(i, col, uij);
                        proj += uij * yw[i];
                    }
                    double z = proj / sv[j];
                    for (int k = 0; k < m; k++) {
                        coef[k] += v.unsafe_get(k, j) * z;
                    }
                    col++;
                }
                amp = coef;
                res = new double[n];
                double l = 0;
                for (int i = 0; i < n; i++) {
                    double fit = 0;
                    for (int k = 0; k < m; k++) {
                        fit += a.unsafe_get(i, k) * amp[k];
                    }
                    res[i] = yw[i] - fit;
                    l += res[i] * res[i];
                }
                loss = l;
            }
        }

        void run(int maxIter) {
            State s = new State(theta);
            double mu = 1e-3;
            int m = theta.length;
            int n = t.length;
            for (iterations = 0; iterations < maxIter; ) {
                // Kaufman Jacobian J_k = P⊥ (a_k λ_k t e^{−λ_k t} √w).
                DMatrixRMaj jac = new DMatrixRMaj(n, m);
                for (int k = 0; k < m; k++) {
                    double lam = Math.exp(s.th[k]);
                    for (int i = 0; i < n; i++) {
                        jac.unsafe_set(i, k, sw[i] * s.amp[k] * lam * t[i] * Math.exp(-lam * t[i]));
                    }
                }
                DMatrixRMaj utj = new DMatrixRMaj(s.u.numCols, m);
                CommonOps_DDRM.multTransA(s.u, jac, utj);
                DMatrixRMaj proj = new DMatrixRMaj(n, m);
                CommonOps_DDRM.mult(s.u, utj, proj);
                CommonOps_DDRM.subtractEquals(jac, proj);
                DMatrixRMaj jtj = new DMatrixRMaj(m, m);
                CommonOps_DDRM.multTransA(jac, jac, jtj);
                double[] g = new double[m];
                for (int k = 0; k < m; k++) {
                    double v = 0;
                    for (int i = 0; i < n; i++) {
                        v += jac.unsafe_get(i, k) * s.res[i];
                    }
                    g[k] = v;
                }
                iterations++;
                boolean accepted = false;
                while (mu < 1e12) {
                    DMatrixRMaj lhs = jtj.copy();
                    double trace = 0;
                    for (int k = 0; k < m; k++) {
                        trace += jtj.unsafe_get(k, k);
                    }
                    for (int k = 0; k < m; k++) {
                        lhs.unsafe_set(k, k, jtj.unsafe_get(k, k) * (1 + mu) + mu * 1e-12 * trace / m + 1e-300);
                    }
                    double[] rhs = new double[m];
                    for (int k = 0; k < m; k++) {
                        rhs[k] = -g[k];
                    }
                    double[] step;
                    try {
                        step = LeastSquares.svd(lhs, rhs);
                    } catch (ArithmeticException e) {
                        mu *= 4;
                        continue;
                    }
                    double[] trial = new double[m];
                    for (int k = 0; k < m; k++) {
                        trial[k] = s.th[k] + Math.max(-2, Math.min(2, step[k]));
                    }
                    trial = feasible(trial);
                    State st = new State(trial);
                    if (st.loss < s.loss) {
                        double rel = (s.loss - st.loss) / Math.max(s.loss, 1e-300);
                        s = st;
                        mu = Math.max(mu / 3, 1e-12);
                        accepted = true;
                        if (rel < RELATIVE_DECREASE_TOLERANCE) {
                            converged = true;
                        }
                        break;
                    }
                    mu *= 4;
                }
                if (!accepted) {
                    converged = true;
                }
                if (converged) {
                    break;
                }
            }
            theta = s.th;
        }

        /** Sort, clamp to [θ_min, θ_max] and enforce the minimum gap between neighbours. */
        private double[] feasible(double[] th) {
            double[] x = th.clone();
            Arrays.sort(x);
            int m = x.length;
            double span = MIN_LOG_RATE_GAP * (m - 1);
            for (int k = 0; k < m; k++) {
                x[k] = Math.min(Math.max(x[k], thetaMin), thetaMax);
            }
            for (int k = 1; k < m; k++) {
                x[k] = Math.max(x[k], x[k - 1] + MIN_LOG_RATE_GAP);
            }
            if (x[m - 1] > thetaMax) {
                // Shift the crowded top block down; the bottom is free since span ≪ θ_max − θ_min.
                x[m - 1] = thetaMax;
                for (int k = m - 2; k >= 0; k--) {
                    x[k] = Math.min(x[k], x[k + 1] - MIN_LOG_RATE_GAP);
                }
            }
            if (x[0] < thetaMin - 1e-12 || span > thetaMax - thetaMin) {
                throw new IllegalStateException("cannot place " + m + " log-rates " + MIN_LOG_RATE_GAP
                        + " apart in [" + thetaMin + ", " + thetaMax + "]");
            }
            return x;
        }
    }

    @Override
    public String toString() {
        return "FreeRateApproximation[m=" + width + ", rates=" + (optimize ? "optimised" : "log-spaced")
                + (Double.isNaN(rateLo) ? " (range from target)" : " on [" + rateLo + ", " + rateHi + "]")
                + ", fit=" + fitNorm + "]";
    }
}
