package org.curseofmemory.train;

import java.util.Random;
import org.curseofmemory.kernel.ExpSumKernel;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.util.Validate;

/**
 * Complex-conjugate mode pairs (a linear RNN with 2×2 rotation blocks, docs/theory.md §2, §4):
 * <pre>  ρ̂_θ(t) = Σ_{k&lt;m} e^{−r_k t} (a_k cos θ_k t − b_k sin θ_k t),  r_k = r(w_k)  </pre>
 * with θ = (a_0..a_{m−1}, b_0..b_{m−1}, w_0..w_{m−1}, θ_0..θ_{m−1}) (parameter names
 * {@code a_k, b_k, w_k, theta_k}) and the decay map r given by a {@link Reparameterization}
 * (docs/theory.md §5). Each pair is Re[(a_k + i b_k) e^{(−r_k + iθ_k)t}]. Analytic gradient of the kernel
 * loss, with x = e^{−rt}cos θt, y = e^{−rt}sin θt and v_i = w_i (ρ̂(t_i) − ρ(t_i)):
 * ∂J/∂a = Σ v x, ∂J/∂b = −Σ v y, ∂J/∂w = −r'(w) Σ v t (a x − b y), ∂J/∂θ = −Σ v t (a y + b x).
 * On a uniform grid (x, y) is advanced by the exact complex recurrence
 * (x + iy) ← (x + iy) e^{(−r + iθ)h} (no transcendental call per grid point).
 *
 * <p>Initialisation (docs/theory.md §4): a, b ~ N(0, 0.1²), decay rates r ~ U[0.5, 1.5] mapped through
 * r^{-1} (so for DIRECT w ~ U[0.5, 1.5] exactly as in the reference setup, and every
 * parameterization starts from the same rates), θ ~ U[0, 1]; drawn mode by mode in the order
 * a_k, b_k, r_k, θ_k from the given {@link Random}. Immutable.
 */
public final class ComplexModesModel implements KernelModel {
    private final int m;
    private final Reparameterization param;
    private final double amplitudeScale;
    private final double rateLo;
    private final double rateHi;
    private final double freqLo;
    private final double freqHi;

    private ComplexModesModel(int m, Reparameterization param, double amplitudeScale, double rateLo, double rateHi,
                              double freqLo, double freqHi) {
        this.m = m;
        this.param = param;
        this.amplitudeScale = amplitudeScale;
        this.rateLo = rateLo;
        this.rateHi = rateHi;
        this.freqLo = freqLo;
        this.freqHi = freqHi;
    }

    /**
     * @param pairs number of complex-conjugate pairs m ≥ 1 (state dimension 2m)
     * @param param decay-rate parameterization, not null
     */
    public static ComplexModesModel of(int pairs, Reparameterization param) {
        Validate.capped("number of mode pairs", pairs, 1, 1_000_000); // 4m parameters; caps the allocation
        Validate.notNull("reparameterization", param);
        ComplexModesModel model = new ComplexModesModel(pairs, param, 0.1, 0.5, 1.5, 0.0, 1.0);
        model.checkRange();
        return model;
    }

    /** A copy with initial a, b ~ N(0, scale²), scale ≥ 0. */
    public ComplexModesModel withAmplitudeScale(double scale) {
        Validate.nonNegative("amplitude scale", scale);
        return new ComplexModesModel(m, param, scale, rateLo, rateHi, freqLo, freqHi);
    }

    /** A copy with initial decay rates r ~ U[lo, hi], 0 &lt; lo ≤ hi. */
    public ComplexModesModel withInitialDecayRange(double lo, double hi) {
        Validate.positive("initial decay rate lo", lo);
        Validate.positive("initial decay rate hi", hi);
        Validate.ordered("initial decay range", lo, hi);
        ComplexModesModel model = new ComplexModesModel(m, param, amplitudeScale, lo, hi, freqLo, freqHi);
        model.checkRange();
        return model;
    }

    /** A copy with initial frequencies θ ~ U[lo, hi], lo ≤ hi finite. */
    public ComplexModesModel withInitialFrequencyRange(double lo, double hi) {
        Validate.finite("initial frequency lo", lo);
        Validate.finite("initial frequency hi", hi);
        Validate.ordered("initial frequency range", lo, hi);
        return new ComplexModesModel(m, param, amplitudeScale, rateLo, rateHi, lo, hi);
    }

    /** A copy with another parameterization (same initial decay rates). */
    public ComplexModesModel withReparameterization(Reparameterization other) {
        Validate.notNull("reparameterization", other);
        ComplexModesModel model = new ComplexModesModel(m, other, amplitudeScale, rateLo, rateHi, freqLo, freqHi);
        model.checkRange();
        return model;
    }

    private void checkRange() {
        param.parameterForDecayRate(rateLo);
        param.parameterForDecayRate(rateHi);
    }

    /** Number of pairs m. */
    public int pairs() {
        return m;
    }

    /** The decay-rate parameterization r(w). */
    public Reparameterization reparameterization() {
        return param;
    }

    @Override
    public int parameterCount() {
        return 4 * m;
    }

    @Override
    public String[] parameterNames() {
        String[] names = new String[4 * m];
        for (int k = 0; k < m; k++) {
            names[k] = "a_" + k;
            names[m + k] = "b_" + k;
            names[2 * m + k] = "w_" + k;
            names[3 * m + k] = "theta_" + k;
        }
        return names;
    }

    @Override
    public String name() {
        return "ComplexModes(pairs=" + m + ", " + param + ")";
    }

    @Override
    public double[] initialParameters(Random random) {
        Validate.notNull("random", random);
        double[] theta = new double[4 * m];
        for (int k = 0; k < m; k++) {
            theta[k] = amplitudeScale * random.nextGaussian();
            theta[m + k] = amplitudeScale * random.nextGaussian();
            double r = rateLo + (rateHi - rateLo) * random.nextDouble();
            theta[2 * m + k] = param.parameterForDecayRate(r);
            theta[3 * m + k] = freqLo + (freqHi - freqLo) * random.nextDouble();
        }
        return theta;
    }

    /** θ for given a_k, b_k, decay rates r_k &gt; 0 and frequencies θ_k. */
    public double[] parametersFor(double[] a, double[] b, double[] decayRates, double[] frequencies) {
        Validate.finiteArray("amplitudes a", a, 0);
        Validate.length("amplitudes a", a, m);
        Validate.finiteArray("amplitudes b", b, 0);
        Validate.length("amplitudes b", b, m);
        Validate.length("decay rates", decayRates, m);
        Validate.finiteArray("frequencies", frequencies, 0);
        Validate.length("frequencies", frequencies, m);
        double[] theta = new double[4 * m];
        for (int k = 0; k < m; k++) {
            theta[k] = a[k];
            theta[m + k] = b[k];
            theta[2 * m + k] = param.parameterForDecayRate(decayRates[k]);
            theta[3 * m + k] = frequencies[k];
        }
        return theta;
    }

    /** Decay rates r(w_k); the eigenvalue pair is −r_k ± iθ_k. */
    public double[] decayRates(double[] theta) {
        Validate.length("parameters theta", theta, 4 * m);
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = param.decayRate(theta[2 * m + k]);
        }
        return r;
    }

    /** Frequencies θ_k. */
    public double[] frequencies(double[] theta) {
        Validate.length("parameters theta", theta, 4 * m);
        return java.util.Arrays.copyOfRange(theta, 3 * m, 4 * m);
    }

    /**
     * The model kernel at θ as the kit's exponential sum Σ e^{−r_k t}(a_k cos θ_k t − b_k sin θ_k t)
     * (exact tails, derivatives and norms; the same type an {@code approx.Approximant} gives back).
     *
     * @throws IllegalArgumentException if a decay rate is ≤ 0 (an unstable model has no memory kernel)
     */
    public ExpSumKernel expSum(double[] theta) {
        Validate.length("parameters theta", theta, 4 * m);
        return ExpSumKernel.of(new double[0], new double[0], java.util.Arrays.copyOfRange(theta, 0, m),
                java.util.Arrays.copyOfRange(theta, m, 2 * m), decayRates(theta), frequencies(theta))
                .withName(name() + " at theta");
    }

    @Override
    public double[] kernel(double[] theta, double[] t) {
        Validate.length("parameters theta", theta, 4 * m);
        GridSteps.checkTimes(t);
        double[] out = new double[t.length];
        for (int k = 0; k < m; k++) {
            double a = theta[k];
            double b = theta[m + k];
            double r = param.decayRate(theta[2 * m + k]);
            double om = theta[3 * m + k];
            for (int i = 0; i < t.length; i++) {
                double e = Math.exp(-r * t[i]);
                out[i] += e * (a * Math.cos(om * t[i]) - b * Math.sin(om * t[i]));
            }
        }
        return out;
    }

    @Override
    public double lossAndGradient(double[] theta, Grid grid, double[] target, double[] gradient) {
        GridSteps.checkLossArguments(4 * m, theta, grid, target, gradient);
        double h = grid.uniformStep();
        return h > 0
                ? lossAndGradientUniform(theta, grid, h, target, gradient)
                : lossAndGradientGeneral(theta, grid, grid.nodes(), target, gradient);
    }

    /** Per-thread scratch arrays of the uniform-grid path (the model itself stays immutable and shareable). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        double[][] xs = new double[0][];
        double[][] ys = new double[0][];
        double[] v = new double[0];
        double[] vt = new double[0];

        Scratch fit(int modes, int points) {
            if (xs.length != modes || v.length != points) {
                xs = new double[modes][points];
                ys = new double[modes][points];
                v = new double[points];
                vt = new double[points];
            }
            return this;
        }
    }

    /**
     * Uniform grid t_i = t_0 + i h. The mode values X + iY = e^{λ t_i}, λ = −r + iθ, come from four
     * interleaved recurrences per mode (e^{λ t_{i+4}} = e^{λ t_i}·e^{4λh}: four independent chains
     * instead of one, so the processor overlaps them) and are kept for the gradient sums, which take
     * two modes per sweep over the grid. Same values as direct evaluation to ~1e-13 relative
     * (benchmarks/README.md has the timing).
     */
    private double lossAndGradientUniform(double[] theta, Grid grid, double h, double[] target, double[] gradient) {
        int n = grid.size();
        double t0 = grid.node(0);
        Scratch work = SCRATCH.get().fit(m, n);
        double[] v = work.v;
        double[] vt = work.vt;
        java.util.Arrays.fill(v, 0.0);
        for (int k = 0; k < m; k++) {
            double a = theta[k];
            double b = theta[m + k];
            double r = param.decayRate(theta[2 * m + k]);
            double om = theta[3 * m + k];
            double[] xs = work.xs[k];
            double[] ys = work.ys[k];
            // e^{λ t_0}, then e^{λ h}, e^{2λh}, e^{3λh}, e^{4λh} by complex products
            double e0 = Math.exp(-r * t0);
            double eh = Math.exp(-r * h);
            double z1r = eh * Math.cos(om * h);
            double z1i = eh * Math.sin(om * h);
            double z2r = z1r * z1r - z1i * z1i;
            double z2i = 2 * z1r * z1i;
            double z3r = z2r * z1r - z2i * z1i;
            double z3i = z2r * z1i + z2i * z1r;
            double z4r = z2r * z2r - z2i * z2i;
            double z4i = 2 * z2r * z2i;
            double x0 = e0 * Math.cos(om * t0);
            double y0 = e0 * Math.sin(om * t0);
            double[] hr = {1, z1r, z2r, z3r};
            double[] hi = {0, z1i, z2i, z3i};
            for (int i = 0; i < Math.min(4, n); i++) {
                xs[i] = x0 * hr[i] - y0 * hi[i];
                ys[i] = x0 * hi[i] + y0 * hr[i];
                v[i] += a * xs[i] - b * ys[i];
            }
            for (int i = 4; i < n; i++) {
                double xi = xs[i - 4] * z4r - ys[i - 4] * z4i;
                double yi = xs[i - 4] * z4i + ys[i - 4] * z4r;
                xs[i] = xi;
                ys[i] = yi;
                v[i] += a * xi - b * yi;
            }
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double res = v[i] - target[i];
            double wres = grid.weight(i) * res;
            loss += 0.5 * wres * res;
            v[i] = wres;
            vt[i] = wres * (t0 + i * h);
        }
        if (gradient == null) {
            return loss;
        }
        // two modes per sweep share the loads of v and vt; eight independent sums per point
        int k = 0;
        for (; k + 1 < m; k += 2) {
            double[] xa = work.xs[k];
            double[] ya = work.ys[k];
            double[] xb = work.xs[k + 1];
            double[] yb = work.ys[k + 1];
            double sxa = 0, sya = 0, stxa = 0, stya = 0, sxb = 0, syb = 0, stxb = 0, styb = 0;
            for (int i = 0; i < n; i++) {
                double vi = v[i];
                double vti = vt[i];
                sxa += vi * xa[i];
                sya += vi * ya[i];
                stxa += vti * xa[i];
                stya += vti * ya[i];
                sxb += vi * xb[i];
                syb += vi * yb[i];
                stxb += vti * xb[i];
                styb += vti * yb[i];
            }
            writeGradient(theta, k, sxa, sya, stxa, stya, gradient);
            writeGradient(theta, k + 1, sxb, syb, stxb, styb, gradient);
        }
        if (k < m) {
            double[] xs = work.xs[k];
            double[] ys = work.ys[k];
            double sx = 0, sy = 0, stx = 0, sty = 0;
            for (int i = 0; i < n; i++) {
                sx += v[i] * xs[i];
                sy += v[i] * ys[i];
                stx += vt[i] * xs[i];
                sty += vt[i] * ys[i];
            }
            writeGradient(theta, k, sx, sy, stx, sty, gradient);
        }
        return loss;
    }

    /** Any grid: e^{−r t}, cos and sin evaluated at every node. */
    private double lossAndGradientGeneral(double[] theta, Grid grid, double[] t, double[] target, double[] gradient) {
        int n = t.length;
        double[] v = kernel(theta, t);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double res = v[i] - target[i];
            double wres = grid.weight(i) * res;
            loss += 0.5 * wres * res;
            v[i] = wres;
        }
        if (gradient == null) {
            return loss;
        }
        for (int k = 0; k < m; k++) {
            double r = param.decayRate(theta[2 * m + k]);
            double om = theta[3 * m + k];
            double sx = 0;
            double sy = 0;
            double stx = 0;
            double sty = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(-r * t[i]);
                double vx = v[i] * e * Math.cos(om * t[i]);
                double vy = v[i] * e * Math.sin(om * t[i]);
                sx += vx;
                sy += vy;
                stx += vx * t[i];
                sty += vy * t[i];
            }
            writeGradient(theta, k, sx, sy, stx, sty, gradient);
        }
        return loss;
    }

    /**
     * With v = w·(ρ̂ − ρ), S_x = Σ v e^{−rt}cos θt, S_y = Σ v e^{−rt}sin θt and S_tx, S_ty the same
     * sums weighted by t: ∂J/∂a = S_x, ∂J/∂b = −S_y, ∂J/∂w = −r'(w)(a S_tx − b S_ty),
     * ∂J/∂θ = −(a S_ty + b S_tx).
     */
    private void writeGradient(double[] theta, int k, double sx, double sy, double stx, double sty, double[] gradient) {
        double a = theta[k];
        double b = theta[m + k];
        double w = theta[2 * m + k];
        gradient[k] = sx;
        gradient[m + k] = -sy;
        gradient[2 * m + k] = -param.decayRateDerivative(w) * (a * stx - b * sty);
        gradient[3 * m + k] = -(a * sty + b * stx);
    }

    @Override
    public String toString() {
        return name();
    }
}
