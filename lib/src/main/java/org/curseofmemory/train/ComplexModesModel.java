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
 * On a uniform grid the mode values x + iy = e^{(−r + iθ)t} come from exact complex products
 * (no transcendental call per grid point): the grid is read as blocks of {@value #LANES} points, and
 * e^{λ t_{bL+j}} = e^{λ t_{bL}} · e^{λ j h}.
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

    /**
     * Points per block of the uniform-grid path. The grid t_i = t_0 + i h is read as a matrix of
     * blocks × LANES (i = b·LANES + j). Every inner loop runs over the lanes j of small arrays that
     * all start at index 0, with coefficients fixed for the block: independent operations on
     * consecutive elements, which HotSpot compiles to SIMD instructions (JDK 17's auto-vectoriser
     * does not vectorise a loop whose arrays are indexed with different offsets, hence the copies
     * of each block into lane arrays).
     */
    static final int LANES = 64;

    /**
     * Blocks per pass: the lane loops work on four blocks at once, so each lane of ρ̂ and of a
     * gradient sum is loaded and stored once per four blocks instead of once per block (loads and
     * stores, not arithmetic, bounded the one-block loops). The loops below are written out for
     * exactly four blocks.
     */
    static final int BLOCKS = 4;

    /** Points per pass; the uniform path pads the grid to a multiple of it with zero weights. */
    static final int GROUP = BLOCKS * LANES;

    /** Per-thread scratch arrays of the uniform-grid path (the model itself stays immutable and shareable). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        /** The grid the cached nodes and weights belong to (a Grid is immutable). */
        Grid grid;
        /** Nodes and weights, zero-padded to a multiple of GROUP. */
        double[] t = new double[0];
        double[] w = new double[0];
        /** Per mode: e^{λ j h} for j &lt; LANES (real, imaginary part). */
        double[][] powRe = new double[0][];
        double[][] powIm = new double[0][];
        /** Per mode: lane sums U_j = −Σ_b S_b v_{bL+j} and −Σ_b S_b (vt)_{bL+j} (real, imaginary part). */
        double[][] uRe = new double[0][];
        double[][] uIm = new double[0][];
        double[][] utRe = new double[0][];
        double[][] utIm = new double[0][];
        /** Per mode: the block step e^{λLh} and the start value e^{λ t} of the next pass. */
        double[] stepRe = new double[0];
        double[] stepIm = new double[0];
        double[] startRe = new double[0];
        double[] startIm = new double[0];
        /** Per block of the pass and mode: the block's start value S_b = e^{λ t_{bL}}. */
        double[][] sRe = new double[BLOCKS][0];
        double[][] sIm = new double[BLOCKS][0];
        /** Per block of the pass: the misfit ρ − ρ̂, the weighted misfit w (ρ − ρ̂) = −v and its product with t. */
        final double[][] misfit = new double[BLOCKS][LANES];
        final double[][] wm = new double[BLOCKS][LANES];
        final double[][] wmt = new double[BLOCKS][LANES];
        /** One block's weights and nodes; the loss lanes. */
        final double[] wb = new double[LANES];
        final double[] tb = new double[LANES];
        final double[] lossLanes = new double[LANES];

        Scratch fit(int modes, Grid g) {
            if (grid != g) {
                int padded = (g.size() + GROUP - 1) / GROUP * GROUP;
                grid = g;
                t = java.util.Arrays.copyOf(g.nodes(), padded);
                w = java.util.Arrays.copyOf(g.weights(), padded);
            }
            if (powRe.length != modes) {
                powRe = new double[modes][LANES];
                powIm = new double[modes][LANES];
                uRe = new double[modes][LANES];
                uIm = new double[modes][LANES];
                utRe = new double[modes][LANES];
                utIm = new double[modes][LANES];
                stepRe = new double[modes];
                stepIm = new double[modes];
                startRe = new double[modes];
                startIm = new double[modes];
                sRe = new double[BLOCKS][modes];
                sIm = new double[BLOCKS][modes];
            }
            return this;
        }
    }

    /**
     * Uniform grid t_i = t_0 + i h, read as blocks of L = {@value #LANES} points: i = bL + j. With
     * λ = −r + iθ, P_j = e^{λ j h} (j &lt; L) and S_b = e^{λ t_{bL}} (both by complex products from
     * e^{λh} and e^{λ t_0}), the mode value is z_i = S_b P_j, so with c = a + ib
     * <pre>  ρ̂(t_i) = Σ_k Re(c_k S_{k,b} P_{k,j})     Σ_i v_i z_i = Σ_j P_j U_j,  U_j = Σ_b S_b v_{bL+j}  </pre>
     * (and the same with v·t). One pass over the blocks, {@value #BLOCKS} at a time, computes the
     * misfit ρ − ρ̂ (= −v/w), the loss and the U_j (kept with the sign of ρ − ρ̂, hence negated at
     * the end); every inner loop runs over the L lanes with coefficients fixed for the pass, so it
     * vectorises, and the lane sums are added up once at the end. Same values as direct evaluation
     * to ~1e-13 relative (benchmarks/README.md has the timing).
     */
    private double lossAndGradientUniform(double[] theta, Grid grid, double h, double[] target, double[] gradient) {
        int n = grid.size();
        Scratch work = SCRATCH.get().fit(m, grid);
        double t0 = work.t[0];
        double[] stepRe = work.stepRe;
        double[] stepIm = work.stepIm;
        double[] startRe = work.startRe;
        double[] startIm = work.startIm;
        for (int k = 0; k < m; k++) {
            double r = param.decayRate(theta[2 * m + k]);
            double om = theta[3 * m + k];
            double eh = Math.exp(-r * h);
            powers(eh * Math.cos(om * h), eh * Math.sin(om * h), work.powRe[k], work.powIm[k], stepRe, stepIm, k);
            double e0 = Math.exp(-r * t0);
            startRe[k] = e0 * Math.cos(om * t0);
            startIm[k] = e0 * Math.sin(om * t0);
            java.util.Arrays.fill(work.uRe[k], 0.0);
            java.util.Arrays.fill(work.uIm[k], 0.0);
            java.util.Arrays.fill(work.utRe[k], 0.0);
            java.util.Arrays.fill(work.utIm[k], 0.0);
        }
        java.util.Arrays.fill(work.lossLanes, 0.0);
        for (int s = 0; s < n; s += GROUP) {
            blockStarts(work);
            misfits(theta, target, n, s, work);
            weightedMisfits(s, work);
            if (gradient != null) {
                gradientLaneSums(work);
            }
        }
        double loss = 0;
        for (int j = 0; j < LANES; j++) {
            loss += work.lossLanes[j];
        }
        loss *= 0.5;
        if (gradient == null) {
            return loss;
        }
        for (int k = 0; k < m; k++) {
            double[] pr = work.powRe[k];
            double[] pi = work.powIm[k];
            double[] uRe = work.uRe[k];
            double[] uIm = work.uIm[k];
            double[] utRe = work.utRe[k];
            double[] utIm = work.utIm[k];
            double sx = 0, sy = 0, stx = 0, sty = 0;
            for (int j = 0; j < LANES; j++) {
                sx += pr[j] * uRe[j] - pi[j] * uIm[j];
                sy += pr[j] * uIm[j] + pi[j] * uRe[j];
                stx += pr[j] * utRe[j] - pi[j] * utIm[j];
                sty += pr[j] * utIm[j] + pi[j] * utRe[j];
            }
            // the lane sums hold −v: the sums of the gradient formulas are their negatives
            writeGradient(theta, k, -sx, -sy, -stx, -sty, gradient);
        }
        return loss;
    }

    /**
     * P_j = z^j for j &lt; LANES into (pr, pi), and z^LANES into (stepRe[k], stepIm[k]). By doubling,
     * P_{len+j} = P_j z^len: the products of one doubling are independent, where P_j = P_{j−1} z
     * would be a chain of LANES dependent multiplications.
     */
    private static void powers(double zr, double zi, double[] pr, double[] pi, double[] stepRe, double[] stepIm,
                               int k) {
        pr[0] = 1;
        pi[0] = 0;
        double qr = zr; // z^len
        double qi = zi;
        for (int len = 1; len < LANES; len *= 2) {
            for (int j = 0; j < len; j++) {
                pr[len + j] = pr[j] * qr - pi[j] * qi;
                pi[len + j] = pr[j] * qi + pi[j] * qr;
            }
            double sq = qr * qr - qi * qi;
            qi = 2 * qr * qi;
            qr = sq;
        }
        stepRe[k] = qr;
        stepIm[k] = qi;
    }

    /** The start values S_b of the pass's blocks from the running start value, which moves on by BLOCKS blocks. */
    private void blockStarts(Scratch work) {
        for (int k = 0; k < m; k++) {
            double sr = work.startRe[k];
            double si = work.startIm[k];
            for (int g = 0; g < BLOCKS; g++) {
                work.sRe[g][k] = sr;
                work.sIm[g][k] = si;
                double next = sr * work.stepRe[k] - si * work.stepIm[k];
                si = sr * work.stepIm[k] + si * work.stepRe[k];
                sr = next;
            }
            work.startRe[k] = sr;
            work.startIm[k] = si;
        }
    }

    /**
     * The misfit ρ − ρ̂ on the pass's four blocks, which start at point s: the target (0 past the
     * last node), minus Σ_k Re(c_k S_{k,b} P_{k,j}) one mode at a time, P_j loaded once for all four.
     */
    private void misfits(double[] theta, double[] target, int n, int s, Scratch work) {
        for (int g = 0; g < BLOCKS; g++) {
            int from = Math.min(s + g * LANES, n);
            int len = Math.min(LANES, n - from);
            System.arraycopy(target, from, work.misfit[g], 0, len);
            java.util.Arrays.fill(work.misfit[g], len, LANES, 0.0);
        }
        double[] d0 = work.misfit[0];
        double[] d1 = work.misfit[1];
        double[] d2 = work.misfit[2];
        double[] d3 = work.misfit[3];
        for (int k = 0; k < m; k++) {
            double a = theta[k];
            double b = theta[m + k];
            // c S_b = (a + ib)(S_r + i S_i) for the four blocks
            double c0r = a * work.sRe[0][k] - b * work.sIm[0][k];
            double c0i = a * work.sIm[0][k] + b * work.sRe[0][k];
            double c1r = a * work.sRe[1][k] - b * work.sIm[1][k];
            double c1i = a * work.sIm[1][k] + b * work.sRe[1][k];
            double c2r = a * work.sRe[2][k] - b * work.sIm[2][k];
            double c2i = a * work.sIm[2][k] + b * work.sRe[2][k];
            double c3r = a * work.sRe[3][k] - b * work.sIm[3][k];
            double c3i = a * work.sIm[3][k] + b * work.sRe[3][k];
            double[] pr = work.powRe[k];
            double[] pi = work.powIm[k];
            for (int j = 0; j < LANES; j++) {
                double p = pr[j];
                double q = pi[j];
                d0[j] -= c0r * p - c0i * q;
                d1[j] -= c1r * p - c1i * q;
                d2[j] -= c2r * p - c2i * q;
                d3[j] -= c3r * p - c3i * q;
            }
        }
    }

    /**
     * The weighted misfit w (ρ − ρ̂) (= −v), its product with t and the loss lanes w (ρ − ρ̂)² on the
     * pass's blocks, which start at point s (past the last node the weights are 0).
     */
    private static void weightedMisfits(int s, Scratch work) {
        double[] wb = work.wb;
        double[] tb = work.tb;
        double[] lossLanes = work.lossLanes;
        for (int g = 0; g < BLOCKS; g++) {
            System.arraycopy(work.w, s + g * LANES, wb, 0, LANES);
            System.arraycopy(work.t, s + g * LANES, tb, 0, LANES);
            double[] d = work.misfit[g];
            double[] wm = work.wm[g];
            double[] wmt = work.wmt[g];
            for (int j = 0; j < LANES; j++) {
                double wd = wb[j] * d[j];
                lossLanes[j] += wd * d[j];
                wm[j] = wd;
                wmt[j] = wd * tb[j];
            }
        }
    }

    /**
     * Gradient lane sums U_j += S_b w_j (ρ − ρ̂)_{bL+j} (= −S_b v_{bL+j}) and the same times t, over
     * the pass's four blocks, mode by mode. Two loops with two sums each: HotSpot leaves one loop
     * with all four sums unvectorised (its body is too large to unroll), and then it runs no faster
     * than one block at a time.
     */
    private void gradientLaneSums(Scratch work) {
        for (int k = 0; k < m; k++) {
            laneSums(work.uRe[k], work.uIm[k], work.wm, work.sRe, work.sIm, k);
            laneSums(work.utRe[k], work.utIm[k], work.wmt, work.sRe, work.sIm, k);
        }
    }

    /** re_j += Σ_g Re(S_{g,k}) x_{g,j}, im_j += Σ_g Im(S_{g,k}) x_{g,j} over the four blocks g of the pass. */
    private static void laneSums(double[] re, double[] im, double[][] x, double[][] sRe, double[][] sIm, int k) {
        double[] x0 = x[0];
        double[] x1 = x[1];
        double[] x2 = x[2];
        double[] x3 = x[3];
        double r0 = sRe[0][k], r1 = sRe[1][k], r2 = sRe[2][k], r3 = sRe[3][k];
        double i0 = sIm[0][k], i1 = sIm[1][k], i2 = sIm[2][k], i3 = sIm[3][k];
        for (int j = 0; j < LANES; j++) {
            re[j] += r0 * x0[j] + r1 * x1[j] + r2 * x2[j] + r3 * x3[j];
            im[j] += i0 * x0[j] + i1 * x1[j] + i2 * x2[j] + i3 * x3[j];
        }
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
