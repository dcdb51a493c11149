package org.curseofmemory.approx;

import org.curseofmemory.util.KitArgumentException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.util.Validate;

/**
 * The perturbation error, in the kit's per-mode sup-norm box variant [kit]. The paper's definition
 * (Wang, Li &amp; Li, ICLR 2024, arXiv 2305.19190, Def. 3.4 [stated]; docs/theory.md §5.1) perturbs in a
 * <b>ball on the parameters</b>, max(|ΔW|₂, |ΔU|₂, |Δb|₂, |Δc|₂) ≤ β; this class instead moves each
 * mode's rate and amplitude independently by at most β (a box, closer to the authors' experiment
 * code), and samples that box (the sampling is also the kit's):
 * <pre>  E_m(β) = sup over perturbed mode parameters θ̃ with ‖θ̃ − θ‖_∞ ≤ β of ‖ρ − ρ̂(θ̃)‖_{L¹[0,∞)},</pre>
 * the worst uniform error sup_t ‖H_t − Ĥ_t(θ̃)‖ (docs/theory.md §2) of a width-m approximant after its
 * parameters are moved by at most β. <i>Stable approximation</i> means E_m(0) → 0 and E(β)
 * continuous near β = 0; the paper's linear experiment shows the curves for an exponential target
 * coinciding, and for a power law a "knee" that moves left as m grows.
 *
 * <p><b>Parameters and box [kit].</b> θ = (λ_1..λ_m, a_1..a_m), the rates (−eigenvalues of the
 * diagonal W) and amplitudes (c_k U_k) of the approximant. Each draw i fixes a direction
 * u⁽ⁱ⁾ ∈ [−1, 1]^{2m} (independent uniforms from {@code new Random(seed)}, rates first, then
 * amplitudes, draw after draw), and radius β uses the same directions scaled:
 * <ul>
 * <li>{@link Mode#ABSOLUTE} (default; the kit's box, not the paper's ball): λ̃_k = λ_k + β u_k, ã_k = a_k + β v_k
 * (per-mode sup-norm box of half-width β). A rate pushed to λ̃_k ≤ 0 makes W non-Hurwitz: the model is
 * unstable and the draw's error is +∞ (counted in {@link PerturbationErrorResult#unstableDraws()}).
 * This happens as soon as β exceeds the slowest rate — the mechanism behind the moving knee.</li>
 * <li>{@link Mode#RELATIVE}: λ̃_k = λ_k (1 + β u_k), ã_k = a_k (1 + β v_k); unstable only for β ≥ 1.</li>
 * </ul>
 * <b>Error.</b> L¹ on [0, ∞), tail included, against the target ({@link Reference#TARGET}, the error
 * of the paper's definition, E(0) = the approximation error) or against the unperturbed approximant
 * ({@link Reference#APPROXIMANT}, ‖ρ̂(θ̃) − ρ̂(θ)‖₁, E(0) = 0). The difference
 * ρ̂(θ̃) − ρ̂(θ) is summed mode by mode as (ã − a)e^{−λ̃t} + a(e^{−λ̃t} − e^{−λt}), the bracket
 * computed with {@code expm1}, so tiny perturbations are resolved accurately even for Jackson
 * approximants with huge amplitudes (whose perturbation errors are then huge: that is the lesson).
 *
 * <p><b>Worst case.</b> For each radius the raw estimate is the maximum over the n draws. Since the
 * box of radius β contains the boxes of smaller radii and the unperturbed model, the reported
 * {@link PerturbationErrorResult#worstErrors()} is the running maximum of the raw estimates over all
 * radii ≤ β and of E(0): a lower estimate of the supremum that is non-decreasing in β by
 * construction. The raw per-radius maxima are kept in {@link PerturbationErrorResult#rawWorstErrors()}.
 *
 * <p>Immutable; same approximant, radii, draws, seed and mode ⇒ identical numbers.
 */
public final class PerturbationError {

    /** How parameters are perturbed. */
    public enum Mode {
        /** λ̃ = λ + βu, ã = a + βv, u, v ∈ [−1, 1]. */
        ABSOLUTE,
        /** λ̃ = λ(1 + βu), ã = a(1 + βv), u, v ∈ [−1, 1]. */
        RELATIVE
    }

    /** What the perturbed kernel is compared with. */
    public enum Reference {
        /** ‖ρ − ρ̂(θ̃)‖₁: the definition of docs/theory.md §5. */
        TARGET,
        /** ‖ρ̂(θ̃) − ρ̂(θ)‖₁: the deviation caused by the perturbation alone. */
        APPROXIMANT
    }

    /** Draws per radius, as in the paper's linear experiment (docs/theory.md §5.1). */
    public static final int DEFAULT_DRAWS = 10;
    /**
     * Largest number of draws accepted. With the default 18 radii and a width-8 approximant a draw
     * costs about 40 ms, so the maximum finishes in about 8 s.
     */
    public static final int MAX_DRAWS = 200;
    /** Largest number of radii accepted. */
    public static final int MAX_RADII = 100;
    /** Largest draws × radii of one {@link #compute()} (about 9 s at width 8). */
    public static final int MAX_EVALUATIONS = 4000;
    /** Default radii: 0 and 10^{−8}, 10^{−7.5}, …, 10⁰. */
    static final double[] DEFAULT_RADII = defaultRadii();

    private final Approximant approximant;
    private final double[] radii;
    private final int draws;
    private final long seed;
    private final Mode mode;
    private final Reference reference;
    private final Reparameterization parameterization;
    private final boolean amplitudesFixed;

    private PerturbationError(Approximant approximant, double[] radii, int draws, long seed, Mode mode,
            Reference reference) {
        this(approximant, radii, draws, seed, mode, reference, null, false);
    }

    private PerturbationError(Approximant approximant, double[] radii, int draws, long seed, Mode mode,
            Reference reference, Reparameterization parameterization, boolean amplitudesFixed) {
        this.approximant = approximant;
        this.radii = radii;
        this.draws = draws;
        this.seed = seed;
        this.mode = mode;
        this.reference = reference;
        this.parameterization = parameterization;
        this.amplitudesFixed = amplitudesFixed;
    }

    private static double[] defaultRadii() {
        double[] r = new double[18];
        for (int i = 1; i < r.length; i++) {
            r[i] = Math.pow(10, -8 + 0.5 * (i - 1));
        }
        return r;
    }

    /**
     * The perturbation error of {@code approximant}: default radii 0, 10⁻⁸ … 1 (half decades),
     * {@link #DEFAULT_DRAWS} draws, seed 0, {@link Mode#ABSOLUTE}, {@link Reference#TARGET}.
     */
    public static PerturbationError of(Approximant approximant) {
        Validate.notNull("approximant", approximant);
        return new PerturbationError(approximant, DEFAULT_RADII.clone(), DEFAULT_DRAWS, 0L, Mode.ABSOLUTE,
                Reference.TARGET);
    }

    /**
     * Same computation at the radii β (sorted ascending in the result).
     *
     * @param betas at least one and at most {@link #MAX_RADII}, each finite and ≥ 0
     */
    public PerturbationError withRadii(double... betas) {
        Validate.notNull("perturbation radii beta", betas);
        if (betas.length == 0) {
            throw new KitArgumentException("perturbation radii beta has length 0 but needs length >= 1");
        }
        if (betas.length > MAX_RADII) {
            throw new KitArgumentException("perturbation radii beta has length " + betas.length + " but must have length <= "
                    + MAX_RADII);
        }
        for (int i = 0; i < betas.length; i++) {
            Validate.nonNegative("perturbation radius beta[" + i + "]", betas[i]);
        }
        double[] r = betas.clone();
        Arrays.sort(r);
        return new PerturbationError(approximant, r, draws, seed, mode, reference, parameterization, amplitudesFixed);
    }

    /**
     * Same computation at 0 and {@code points} log-spaced radii from {@code min} to {@code max}.
     *
     * @param min    smallest positive radius, &gt; 0
     * @param max    largest radius, ≥ min
     * @param points number of positive radii, in [1, {@link #MAX_RADII} − 1]
     */
    public PerturbationError withLogRadii(double min, double max, int points) {
        Validate.positive("smallest radius min", min);
        Validate.positive("largest radius max", max);
        if (max < min) {
            throw new KitArgumentException("largest radius max=" + max + " must be >= smallest radius min=" + min);
        }
        Validate.capped("number of radii points", points, 1, MAX_RADII - 1);
        double[] r = new double[points + 1];
        for (int i = 0; i < points; i++) {
            r[i + 1] = points == 1 ? min : min * Math.pow(max / min, (double) i / (points - 1));
        }
        return withRadii(r);
    }

    /**
     * Same computation with n random directions per radius.
     *
     * @param n 1 ≤ n ≤ {@link #MAX_DRAWS}
     */
    public PerturbationError withDraws(int n) {
        return new PerturbationError(approximant, radii, Validate.inRange("number of draws n", n, 1, MAX_DRAWS), seed,
                mode, reference, parameterization, amplitudesFixed);
    }

    /** Same computation with the random directions drawn from {@code new Random(seed)}. */
    public PerturbationError withSeed(long seed) {
        return new PerturbationError(approximant, radii, draws, seed, mode, reference, parameterization, amplitudesFixed);
    }

    /** Same computation with the given perturbation mode. */
    public PerturbationError withMode(Mode mode) {
        return new PerturbationError(approximant, radii, draws, seed, Validate.notNull("perturbation mode", mode),
                reference, parameterization, amplitudesFixed);
    }

    /** Same computation measuring the error against the given reference. */
    public PerturbationError withReference(Reference reference) {
        return new PerturbationError(approximant, radii, draws, seed, mode,
                Validate.notNull("error reference", reference), parameterization, amplitudesFixed);
    }

    /**
     * Same computation with the rates perturbed through a parameterization λ = f(w) (Wang, Li &amp; Li
     * 2023, arXiv 2305.19190; Wang &amp; Li 2023, StableSSM, arXiv 2311.14495; docs/theory.md §5.2):
     * w_k = f⁻¹(λ_k) moves to w_k + βu_k (or w_k(1 + βu_k) in {@link Mode#RELATIVE}) and the
     * perturbed rate is f(w̃_k). {@link Reparameterization#DIRECT} perturbs the rates themselves.
     * A perturbed model is then summed directly, Σ ã_k e^{−λ̃_k t}, for its error.
     */
    public PerturbationError withReparameterization(Reparameterization f) {
        return new PerturbationError(approximant, radii, draws, seed, mode, reference,
                Validate.notNull("reparameterization", f), amplitudesFixed);
    }

    /**
     * Same computation perturbing only the eigenvalue parameters, amplitudes fixed [kit]: each draw
     * then takes m uniforms (the rate directions) from the seeded generator instead of 2m.
     */
    public PerturbationError withFixedAmplitudes() {
        return new PerturbationError(approximant, radii, draws, seed, mode, reference, parameterization, true);
    }

    /** The approximant being perturbed. */
    public Approximant approximant() {
        return approximant;
    }

    /**
     * Runs the draws: for each radius β_j and draw i, the L¹ error of the perturbed model
     * (+∞ if a rate became ≤ 0).
     *
     * @throws IllegalArgumentException if draws × radii exceeds {@link #MAX_EVALUATIONS}
     */
    public PerturbationErrorResult compute() {
        if ((long) draws * radii.length > MAX_EVALUATIONS) {
            throw new KitArgumentException("perturbation error draws n=" + draws + " times " + radii.length
                    + " radii must be <= MAX_EVALUATIONS=" + MAX_EVALUATIONS + "; use fewer draws or radii");
        }
        int m = approximant.width();
        double[] lam = approximant.rates();
        double[] amp = approximant.amplitudes();
        double[] w = new double[m];
        for (int k = 0; k < m && parameterization != null; k++) {
            w[k] = parameterization.parameterForDecayRate(lam[k]);
        }
        Random rnd = new Random(seed);
        double[][] u = new double[draws][m];
        double[][] v = new double[draws][m];
        for (int i = 0; i < draws; i++) {
            for (int k = 0; k < m; k++) {
                u[i][k] = 2 * rnd.nextDouble() - 1;
            }
            for (int k = 0; k < m && !amplitudesFixed; k++) {
                v[i][k] = 2 * rnd.nextDouble() - 1;
            }
        }
        double baseline = reference == Reference.TARGET ? approximant.l1Error() : 0.0;
        double[][] errors = new double[radii.length][draws];
        double[] raw = new double[radii.length];
        int[] unstable = new int[radii.length];
        for (int j = 0; j < radii.length; j++) {
            double beta = radii[j];
            double worst = 0;
            for (int i = 0; i < draws; i++) {
                double e;
                if (beta == 0) {
                    e = baseline;
                } else {
                    double[] lt = new double[m];
                    double[] at = new double[m];
                    boolean stable = true;
                    for (int k = 0; k < m; k++) {
                        boolean absolute = mode == Mode.ABSOLUTE;
                        if (parameterization == null) {
                            lt[k] = absolute ? lam[k] + beta * u[i][k] : lam[k] * (1 + beta * u[i][k]);
                        } else {
                            double wt = absolute ? w[k] + beta * u[i][k] : w[k] * (1 + beta * u[i][k]);
                            lt[k] = parameterization.decayRate(wt);
                        }
                        if (amplitudesFixed) {
                            at[k] = amp[k];
                        } else {
                            at[k] = absolute ? amp[k] + beta * v[i][k] : amp[k] * (1 + beta * v[i][k]);
                        }
                        if (!(lt[k] > 0)) {
                            stable = false;
                        }
                    }
                    if (!stable) {
                        e = Double.POSITIVE_INFINITY;
                        unstable[j]++;
                    } else if (parameterization != null && reference == Reference.TARGET) {
                        e = Approximant.l1ErrorOfSum(approximant.target(), lt, at, approximant.targetL1Norm());
                    } else {
                        e = errorOf(lam, amp, lt, at);
                    }
                }
                errors[j][i] = e;
                worst = Math.max(worst, e);
            }
            raw[j] = worst;
        }
        double[] envelope = new double[radii.length];
        double run = baseline;
        for (int j = 0; j < radii.length; j++) {
            run = Math.max(run, raw[j]);
            envelope[j] = run;
        }
        return new PerturbationErrorResult(approximant, radii.clone(), envelope, raw, unstable, errors, baseline, draws,
                seed, mode, reference);
    }

    private double errorOf(double[] lam, double[] amp, double[] lt, double[] at) {
        int m = lam.length;
        double minRate = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            minRate = Math.min(minRate, Math.min(lam[k], lt[k]));
        }
        // d(t) = ρ̂(θ̃)(t) − ρ̂(θ)(t), mode by mode without cancellation for small perturbations.
        DoubleUnaryOperator d = t -> {
            double s = 0;
            for (int k = 0; k < m; k++) {
                double el = Math.exp(-lt[k] * t);
                // e^{−λ̃t} − e^{−λt} with a non-positive expm1 argument (no overflow, no 0·∞).
                double gap = lt[k] >= lam[k]
                        ? Math.exp(-lam[k] * t) * Math.expm1(-(lt[k] - lam[k]) * t)
                        : -el * Math.expm1(-(lam[k] - lt[k]) * t);
                s += (at[k] - amp[k]) * el + amp[k] * gap;
            }
            return s;
        };
        double scale = approximant.targetL1Norm();
        if (reference == Reference.APPROXIMANT) {
            return ErrorNorms.l1(d, minRate, scale);
        }
        // ρ − ρ̂(θ̃) = (ρ − ρ̂(θ)) − d, with ρ̂(θ) evaluated in its stable form.
        return ErrorNorms.l1Error(approximant.target(), t -> approximant.value(t) + d.applyAsDouble(t), minRate,
                scale);
    }

    @Override
    public String toString() {
        return "PerturbationError[" + approximant.method() + " m=" + approximant.width() + ", " + radii.length
                + " radii, " + draws + " draws, seed " + seed + ", " + mode + ", vs " + reference
                + (parameterization == null ? "" : ", through " + parameterization.name())
                + (amplitudesFixed ? ", amplitudes fixed" : "") + "]";
    }
}
