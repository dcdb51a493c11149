package org.curseofmemory.approx;

import org.curseofmemory.util.KitArgumentException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.curseofmemory.kernel.ExpSumKernel;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.ShiftedChebyshev;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A width-m exponential-sum approximant of a memory kernel,
 * <pre>  ρ̂(t) = Σ_{k=1}^{m} a_k e^{−λ_k t},  λ_k &gt; 0,</pre>
 * which is exactly the kernel of a diagonal linear RNN dh/dt = W h + U x, ŷ = cᵀh with
 * eigenvalues −λ_k of W and c_k U_k = a_k (docs/theory.md §2). Immutable; arrays handed out are copies.
 *
 * <p>Errors are measured on the whole half-line, tail included:
 * {@link #l1Error()} = ∫₀^∞ |ρ − ρ̂| dt, which equals the uniform error sup_t ‖H_t − Ĥ_t‖ of the
 * functionals (docs/theory.md §2), and {@link #l2Error()} = (∫₀^∞ (ρ − ρ̂)² dt)^{1/2}, whose square is
 * the white-noise loss of docs/theory.md §4 [kit]. Integration: adaptive Gauss–Kronrod (relative
 * tolerance 10⁻⁹) up to a horizon T_h ≥ 10¹⁶ where every mode has underflowed, plus the target's
 * tail beyond it (closed form from {@link MemoryKernel#tailL1(double)} when known, power-law
 * extrapolation otherwise). Agrees with {@code Norms.l1Distance(target, kernel())} to ~10⁻⁸.
 *
 * <p><b>Jackson approximants</b> (docs/theory.md §3, rates λ_k = kβ) are stored and evaluated in the
 * well-conditioned form ρ̂(t) = s·Σ_{j&lt;m} c_j T_j(2s − 1), s = e^{−βt} (Clenshaw recurrence).
 * Their monomial amplitudes {@link #amplitudes()} are the exact expansion of that polynomial,
 * correctly rounded; for m ≳ 20 they are huge (up to ~(3+2√2)^m) with alternating signs, so the
 * plain sum Σ a_k e^{−kβt} cancels catastrophically in floating point. Use {@link #kernel()} or
 * {@link #value(double)} to evaluate; use the amplitudes only to build an RNN or to show how large
 * the parameters of the Jackson construction get [kit].
 */
public final class Approximant {

    /** Largest width accepted by the solvers of this package. */
    public static final int MAX_WIDTH = 200;

    private final MemoryKernel target;
    private final ApproximationMethod method;
    private final double beta;
    private final double[] rates;
    private final double[] amplitudes;
    private final double[] chebyshev;
    private final ExpSumKernel kernel;
    private final double targetL1;
    private final double targetL2;
    private final double l1Error;
    private final double l2Error;
    private final int iterations;
    private final StopReason stopReason;

    private Approximant(MemoryKernel target, ApproximationMethod method, double beta, double[] rates,
            double[] amplitudes, double[] chebyshev, double targetL1, double targetL2, int iterations,
            StopReason stopReason) {
        this.target = target;
        this.method = method;
        this.beta = beta;
        this.rates = rates;
        this.amplitudes = amplitudes;
        this.chebyshev = chebyshev;
        this.kernel = (chebyshev != null ? ExpSumKernel.chebyshev(beta, chebyshev) : ExpSumKernel.of(amplitudes, rates))
                .withName(label(method, beta, rates.length, target));
        this.targetL1 = targetL1;
        this.targetL2 = targetL2;
        this.l1Error = ErrorNorms.l1Error(target, this::value, rates[0], targetL1);
        this.l2Error = ErrorNorms.l2Error(target, this::value, rates[0], targetL2);
        this.iterations = iterations;
        this.stopReason = stopReason;
    }

    /**
     * The approximant Σ a_k e^{−λ_k t} with rates and amplitudes given by the caller
     * (method {@link ApproximationMethod#GIVEN}); its errors against {@code target} are computed.
     *
     * @param target     ρ, integrable on [0, ∞)
     * @param rates      λ_k &gt; 0, finite, 1 ≤ m ≤ {@link #MAX_WIDTH}
     * @param amplitudes a_k, finite, same length
     */
    public static Approximant of(MemoryKernel target, double[] rates, double[] amplitudes) {
        Validate.notNull("target kernel", target);
        Validate.notNull("rates", rates);
        Validate.inRange("width m (number of rates)", rates.length, 1, MAX_WIDTH);
        Validate.finiteArray("rates", rates, 1);
        Validate.length("amplitudes", amplitudes, rates.length);
        Validate.finiteArray("amplitudes", amplitudes, 1);
        for (int k = 0; k < rates.length; k++) {
            if (!(rates[k] > 0)) {
                throw new KitArgumentException("rates[" + k + "]=" + rates[k]
                        + " must be > 0 (a non-positive rate is an unstable, non-Hurwitz model, docs/theory.md §2)");
            }
        }
        MeasuredTarget measured = MeasuredTarget.of(target);
        return exponentialSum(target, ApproximationMethod.GIVEN, Double.NaN, rates.clone(), amplitudes.clone(),
                measured.l1, measured.l2, 0, StopReason.LINEAR_SOLVE);
    }

    /**
     * ∫₀^∞ |ρ − Σ a_k e^{−λ_k t}| with the modes sorted by rate and summed as {@link #value} sums
     * them: the L¹ error that {@code of(target, rates, amplitudes).l1Error()} reports, without the
     * L² error and the target norms (targetL1 = ‖ρ‖₁ is given).
     */
    static double l1ErrorOfSum(MemoryKernel target, double[] rates, double[] amplitudes, double targetL1) {
        double[][] sorted = sortedByRate(rates, amplitudes);
        double[] r = sorted[0];
        double[] a = sorted[1];
        return ErrorNorms.l1Error(target, t -> {
            double v = 0;
            for (int k = 0; k < r.length; k++) {
                v += a[k] * Math.exp(-r[k] * t);
            }
            return v;
        }, r[0], targetL1);
    }

    /** {rates, amplitudes} reordered by ascending rate (new arrays). */
    private static double[][] sortedByRate(double[] rates, double[] amplitudes) {
        Integer[] order = new Integer[rates.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (i, j) -> Double.compare(rates[i], rates[j]));
        double[] r = new double[rates.length];
        double[] a = new double[rates.length];
        for (int k = 0; k < order.length; k++) {
            r[k] = rates[order[k]];
            a[k] = amplitudes[order[k]];
        }
        return new double[][] {r, a};
    }

    /** Package-private: an exponential-sum approximant, rates sorted ascending here. */
    static Approximant exponentialSum(MemoryKernel target, ApproximationMethod method, double beta, double[] rates,
            double[] amplitudes, double targetL1, double targetL2, int iterations, StopReason stop) {
        double[][] sorted = sortedByRate(rates, amplitudes);
        double[] r = sorted[0];
        double[] a = sorted[1];
        return new Approximant(target, method, beta, r, a, null, targetL1, targetL2, iterations, stop);
    }

    /** Package-private: a Jackson approximant from its shifted-Chebyshev coefficients c_j. */
    static Approximant jackson(MemoryKernel target, double beta, double[] chebyshev, double targetL1,
            double targetL2, int iterations, StopReason stop) {
        int m = chebyshev.length;
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = (k + 1) * beta;
        }
        double[] a = ShiftedChebyshev.toMonomial(chebyshev);
        return new Approximant(target, ApproximationMethod.JACKSON, beta, r, a, chebyshev.clone(), targetL1,
                targetL2, iterations, stop);
    }

    /** Width m (number of exponential modes = hidden units of the diagonal RNN). */
    public int width() {
        return rates.length;
    }

    /** The rates λ_1 ≤ … ≤ λ_m (a copy); the eigenvalues of W are −λ_k (docs/theory.md §2). */
    public double[] rates() {
        return rates.clone();
    }

    /**
     * The amplitudes a_k matching {@link #rates()} (a copy). For Jackson approximants these are the
     * exact monomial coefficients of the fitted polynomial, correctly rounded; they can be huge with
     * alternating signs (see the class comment), so do not sum them to evaluate ρ̂.
     */
    public double[] amplitudes() {
        return amplitudes.clone();
    }

    /** The eigenvalues −λ_k of the diagonal state matrix W, ascending in λ (a new array). */
    public double[] eigenvalues() {
        double[] e = new double[rates.length];
        for (int k = 0; k < e.length; k++) {
            e[k] = -rates[k];
        }
        return e;
    }

    /**
     * The slowest rate min_k λ_k. Memory is kept for a time of order 1/λ_min; the inverse theorem
     * (docs/theory.md §3, §5) says a fit that needs λ_min → 0 is not a stable approximation.
     */
    public double slowestRate() {
        return rates[0];
    }

    /** The slowest eigenvalue −min_k λ_k (closest to the imaginary axis, docs/theory.md §3). */
    public double slowestEigenvalue() {
        return -rates[0];
    }

    /** max_k |a_k|: how large the output weights are (huge for Jackson at large m). */
    public double maxAbsAmplitude() {
        double mx = 0;
        for (double a : amplitudes) {
            mx = Math.max(mx, Math.abs(a));
        }
        return mx;
    }

    /** How the rates were chosen. */
    public ApproximationMethod method() {
        return method;
    }

    /** The rate spacing β of a Jackson approximant (λ_k = kβ); empty for the other methods. */
    public OptionalDouble beta() {
        return Double.isNaN(beta) ? OptionalDouble.empty() : OptionalDouble.of(beta);
    }

    /**
     * For Jackson approximants, the shifted-Chebyshev coefficients c_j with
     * ρ̂(t) = s Σ_j c_j T_j(2s − 1), s = e^{−βt} (a copy); empty otherwise.
     */
    public Optional<double[]> chebyshevCoefficients() {
        return chebyshev == null ? Optional.empty() : Optional.of(chebyshev.clone());
    }

    /** The target kernel ρ. */
    public MemoryKernel target() {
        return target;
    }

    /**
     * ρ̂ as the kit's exponential-sum kernel, the same type a trained mode model gives back: exact
     * tails, derivatives and Gram sums (see {@link ExpSumKernel}); a Jackson approximant keeps its
     * stable Chebyshev form for evaluation ({@link ExpSumKernel#chebyshev}).
     */
    public ExpSumKernel kernel() {
        return kernel;
    }

    /** ρ̂(t), t ≥ 0 (= {@code kernel().value(t)}). */
    public double value(double t) {
        return kernel.value(t);
    }

    /** ∫₀^∞ |ρ − ρ̂| dt = sup_t ‖H_t − Ĥ_t‖ (docs/theory.md §2), tail included. */
    public double l1Error() {
        return l1Error;
    }

    /** (∫₀^∞ (ρ − ρ̂)² dt)^{1/2}; its square is the white-noise loss of docs/theory.md §4 [kit]. */
    public double l2Error() {
        return l2Error;
    }

    /** ‖ρ − ρ̂‖₁ / ‖ρ‖₁. */
    public double relativeL1Error() {
        return l1Error / targetL1;
    }

    /** ‖ρ − ρ̂‖₂ / ‖ρ‖₂. */
    public double relativeL2Error() {
        return l2Error / targetL2;
    }

    /** ‖ρ‖₁ = ∫₀^∞ |ρ| = sup_t ‖H_t‖ (docs/theory.md §1). */
    public double targetL1Norm() {
        return targetL1;
    }

    /** ‖ρ‖₂. */
    public double targetL2Norm() {
        return targetL2;
    }

    /** Iterations of the β search or rate optimisation (0 for a plain least-squares fit). */
    public int iterations() {
        return iterations;
    }

    /** Why the solver stopped. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** One row per mode: k (1-based), rate λ_k, eigenvalue −λ_k, amplitude a_k. */
    public Table modes() {
        int m = rates.length;
        int[] k = new int[m];
        for (int i = 0; i < m; i++) {
            k[i] = i + 1;
        }
        return Table.create("modes of " + kernel.name(),
                IntColumn.create("k", k),
                DoubleColumn.create("rate", rates.clone()),
                DoubleColumn.create("eigenvalue", eigenvalues()),
                DoubleColumn.create("amplitude", amplitudes.clone()));
    }

    /** Columns t, target ρ(t), approximant ρ̂(t), error ρ(t) − ρ̂(t) on the nodes of {@code grid}. */
    public Table toTable(Grid grid) {
        Validate.notNull("grid", grid);
        double[] t = grid.nodes();
        double[] y = new double[t.length];
        double[] yh = new double[t.length];
        double[] e = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = target.value(t[i]);
            yh[i] = value(t[i]);
            e[i] = y[i] - yh[i];
        }
        return Table.create(kernel.name(),
                DoubleColumn.create("t", t),
                DoubleColumn.create("target", y),
                DoubleColumn.create("approximant", yh),
                DoubleColumn.create("error", e));
    }

    /** {@link #toTable(Grid)} on the uniform grid 0, tMax/(points−1), …, tMax. */
    public Table toTable(double tMax, int points) {
        Validate.positive("table end tMax", tMax);
        Validate.atLeast("table points", points, 2);
        return toTable(Grid.uniform(tMax, tMax / (points - 1)));
    }

    @Override
    public String toString() {
        return String.format("Approximant[%s, m=%d%s, L1 error=%.3g (relative %.3g), L2 error=%.3g, slowest rate=%.3g]",
                method, width(), Double.isNaN(beta) ? "" : ", beta=" + beta, l1Error, relativeL1Error(), l2Error,
                slowestRate());
    }

    private static String label(ApproximationMethod method, double beta, int width, MemoryKernel target) {
        String base = method == ApproximationMethod.JACKSON
                ? "Jackson m=" + width + " beta=" + String.format("%.4g", beta)
                : (method == ApproximationMethod.GIVEN ? "exp-sum m=" : "free-rate m=") + width;
        return base + " approximant of " + target.name();
    }
}
