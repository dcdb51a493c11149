package org.curseofmemory.train;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.linalg.Matrices;
import org.curseofmemory.linalg.MatrixExponential;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;

/**
 * A general linear RNN dh/dt = W h + U x, ŷ = cᵀh with width m and scalar input (docs/theory.md §2),
 * trained through its kernel
 * <pre>  ρ̂_θ(t) = cᵀ e^{Wt} U,  θ = (W row-major (m²), U (m), c (m))  </pre>
 * (parameter names {@code W_j_k, U_j, c_j}). W is not constrained: if it leaves the Hurwitz set the
 * kernel grows and training reports DIVERGED.
 *
 * <p>[kit] Exact gradient: on the nodes, h_i = e^{WΔ_i} h_{i−1} (h_{−1} = U, Δ_i = t_i − t_{i−1},
 * t_{−1} = 0) is an exact discretisation, ρ̂(t_i) = cᵀh_i. With v_i = w_i (ρ̂(t_i) − ρ(t_i)) and
 * the adjoint λ_i = v_i c + A_{i+1}ᵀ λ_{i+1}: ∂J/∂c = Σ v_i h_i, ∂J/∂U = A_0ᵀ λ_0,
 * ∂J/∂A_i = λ_i h_{i−1}ᵀ, and through A = e^{WΔ}: ∂J/∂W = Σ Δ · L(WᵀΔ, ∂J/∂A) with L the Fréchet
 * derivative of exp (computed by the block-matrix exponential). Intervals of equal length share
 * one A and one Fréchet derivative, so a uniform grid costs O(n m²) plus two small exponentials.
 *
 * <p>Initialisation: W = −diag(r) + off-diagonal N(0, σ_W²) with r ~ U[0.5, 1.5] (as for the mode
 * models) and σ_W = 0.1; U ~ N(0, 1); c ~ N(0, 0.1²). Immutable.
 */
public final class LinearRnnModel implements KernelModel {
    private final int m;
    private final double rateLo;
    private final double rateHi;
    private final double couplingScale;
    private final double inputScale;
    private final double readoutScale;

    private LinearRnnModel(int m, double rateLo, double rateHi, double couplingScale, double inputScale,
                           double readoutScale) {
        this.m = m;
        this.rateLo = rateLo;
        this.rateHi = rateHi;
        this.couplingScale = couplingScale;
        this.inputScale = inputScale;
        this.readoutScale = readoutScale;
    }

    /** Largest width m: the model has m² + 2m parameters (about 10⁶ at m = 1000). */
    public static final int MAX_WIDTH = 1000;

    /** @param width hidden width m in [1, {@link #MAX_WIDTH}] */
    public static LinearRnnModel of(int width) {
        Validate.capped("RNN width m", width, 1, MAX_WIDTH);
        return new LinearRnnModel(width, 0.5, 1.5, 0.1, 1.0, 0.1);
    }

    /** A copy with initial diagonal decay rates r ~ U[lo, hi], 0 &lt; lo ≤ hi. */
    public LinearRnnModel withInitialDecayRange(double lo, double hi) {
        Validate.positive("initial decay rate lo", lo);
        Validate.positive("initial decay rate hi", hi);
        Validate.ordered("initial decay range", lo, hi);
        return new LinearRnnModel(m, lo, hi, couplingScale, inputScale, readoutScale);
    }

    /** A copy with initial scales: off-diagonal W ~ N(0, σ_W²), U ~ N(0, σ_U²), c ~ N(0, σ_c²); all ≥ 0. */
    public LinearRnnModel withInitialScales(double sigmaW, double sigmaU, double sigmaC) {
        Validate.nonNegative("coupling scale sigmaW", sigmaW);
        Validate.nonNegative("input scale sigmaU", sigmaU);
        Validate.nonNegative("readout scale sigmaC", sigmaC);
        return new LinearRnnModel(m, rateLo, rateHi, sigmaW, sigmaU, sigmaC);
    }

    /** Width m. */
    public int width() {
        return m;
    }

    @Override
    public int parameterCount() {
        return m * m + 2 * m;
    }

    @Override
    public String[] parameterNames() {
        String[] names = new String[parameterCount()];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                names[j * m + k] = "W_" + j + "_" + k;
            }
            names[m * m + j] = "U_" + j;
            names[m * m + m + j] = "c_" + j;
        }
        return names;
    }

    @Override
    public String name() {
        return "LinearRnn(m=" + m + ")";
    }

    @Override
    public double[] initialParameters(Random random) {
        Validate.notNull("random", random);
        double[] theta = new double[parameterCount()];
        for (int j = 0; j < m; j++) {
            theta[j * m + j] = -(rateLo + (rateHi - rateLo) * random.nextDouble());
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                if (j != k) {
                    theta[j * m + k] = couplingScale * random.nextGaussian();
                }
            }
        }
        for (int j = 0; j < m; j++) {
            theta[m * m + j] = inputScale * random.nextGaussian();
        }
        for (int j = 0; j < m; j++) {
            theta[m * m + m + j] = readoutScale * random.nextGaussian();
        }
        return theta;
    }

    /** θ from W (m×m, as rows), U and c. */
    public double[] parametersFor(double[][] w, double[] u, double[] c) {
        Validate.notNull("W", w);
        if (w.length != m) {
            throw new KitArgumentException("W has " + w.length + " rows but must have " + m);
        }
        double[] theta = new double[parameterCount()];
        for (int j = 0; j < m; j++) {
            Validate.finiteArray("W row " + j, w[j], 0);
            Validate.length("W row " + j, w[j], m);
            System.arraycopy(w[j], 0, theta, j * m, m);
        }
        Validate.finiteArray("U", u, 0);
        Validate.length("U", u, m);
        Validate.finiteArray("c", c, 0);
        Validate.length("c", c, m);
        System.arraycopy(u, 0, theta, m * m, m);
        System.arraycopy(c, 0, theta, m * m + m, m);
        return theta;
    }

    /** W as a new m×m array. */
    public double[][] recurrentMatrix(double[] theta) {
        Validate.length("parameters theta", theta, parameterCount());
        double[][] w = new double[m][m];
        for (int j = 0; j < m; j++) {
            System.arraycopy(theta, j * m, w[j], 0, m);
        }
        return w;
    }

    @Override
    public double[] kernel(double[] theta, double[] t) {
        Validate.length("parameters theta", theta, parameterCount());
        GridSteps.checkTimes(t);
        Propagation p = new Propagation(theta, t);
        double[] out = new double[t.length];
        int off = m * m + m;
        for (int i = 0; i < t.length; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += theta[off + j] * p.states[i * m + j];
            }
            out[i] = s;
        }
        return out;
    }

    @Override
    public double lossAndGradient(double[] theta, Grid grid, double[] target, double[] gradient) {
        GridSteps.checkLossArguments(parameterCount(), theta, grid, target, gradient);
        double[] t = grid.nodes();
        int n = t.length;
        Propagation p = new Propagation(theta, t);
        double[] h = p.states;
        int offU = m * m;
        int offC = m * m + m;
        double[] v = new double[n];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += theta[offC + j] * h[i * m + j];
            }
            double res = s - target[i];
            double wres = grid.weight(i) * res;
            loss += 0.5 * wres * res;
            v[i] = wres;
        }
        if (gradient == null) {
            return loss;
        }
        java.util.Arrays.fill(gradient, 0.0);
        // dJ/dc
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                gradient[offC + j] += v[i] * h[i * m + j];
            }
        }
        // adjoint sweep
        int groups = p.groupDelta.length;
        double[][] gA = new double[groups][m * m];
        double[] lam = new double[m];
        double[] tmp = new double[m];
        for (int i = n - 1; i >= 0; i--) {
            if (i < n - 1) {
                double[] a = p.groupA[p.groupOf[i + 1]];
                for (int k = 0; k < m; k++) {
                    double s = 0;
                    for (int j = 0; j < m; j++) {
                        s += a[j * m + k] * lam[j];
                    }
                    tmp[k] = s;
                }
                System.arraycopy(tmp, 0, lam, 0, m);
            }
            for (int j = 0; j < m; j++) {
                lam[j] += v[i] * theta[offC + j];
            }
            double[] g = gA[p.groupOf[i]];
            for (int j = 0; j < m; j++) {
                double lj = lam[j];
                for (int k = 0; k < m; k++) {
                    double prev = i == 0 ? theta[offU + k] : h[(i - 1) * m + k];
                    g[j * m + k] += lj * prev;
                }
            }
        }
        double[] a0 = p.groupA[p.groupOf[0]];
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += a0[j * m + k] * lam[j];
            }
            gradient[offU + k] = s;
        }
        double[] wT = Matrices.transpose(theta, m, new double[m * m]);
        for (int g = 0; g < groups; g++) {
            double d = p.groupDelta[g];
            if (d == 0) {
                continue;
            }
            double[] x = new double[m * m];
            for (int q = 0; q < x.length; q++) {
                x[q] = wT[q] * d;
            }
            double[] l = MatrixExponential.frechet(x, gA[g], m, new double[m * m]);
            for (int q = 0; q < m * m; q++) {
                gradient[q] += d * l[q];
            }
        }
        return loss;
    }

    /**
     * e^X, or an all-NaN matrix if X is not finite or e^X overflows: the loss then becomes NaN and
     * the trainer's divergence test stops the run with DIVERGED.
     */
    private static double[] expOrNaN(double[] x, int n) {
        try {
            return MatrixExponential.exp(x, n, new double[n * n]);
        } catch (ArithmeticException | IllegalArgumentException overflowOrNonFinite) {
            double[] bad = new double[n * n];
            java.util.Arrays.fill(bad, Double.NaN);
            return bad;
        }
    }

    /** Exact propagation h_i = e^{WΔ_i} h_{i−1} with intervals of (nearly) equal length grouped. */
    private final class Propagation {
        final double[] states;
        final int[] groupOf;
        final double[] groupDelta;
        final double[][] groupA;

        Propagation(double[] theta, double[] t) {
            int n = t.length;
            states = new double[n * m];
            groupOf = new int[n];
            double[] deltas = new double[n];
            double[][] as = new double[n][];
            int groups = 0;
            double[] w = java.util.Arrays.copyOf(theta, m * m);
            double prevT = 0;
            for (int i = 0; i < n; i++) {
                double d = t[i] - prevT;
                prevT = t[i];
                boolean same = groups > 0
                        && Math.abs(d - deltas[groups - 1]) <= GridSteps.UNIFORM_TOLERANCE * deltas[groups - 1];
                if (groups > 0 && d == 0 && deltas[groups - 1] == 0) {
                    same = true;
                }
                if (!same) {
                    deltas[groups] = d;
                    double[] x = new double[m * m];
                    for (int q = 0; q < x.length; q++) {
                        x[q] = w[q] * d;
                    }
                    as[groups] = d == 0 ? Matrices.identity(m) : expOrNaN(x, m);
                    groups++;
                }
                groupOf[i] = groups - 1;
                double[] a = as[groups - 1];
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < m; k++) {
                        double prev = i == 0 ? theta[m * m + k] : states[(i - 1) * m + k];
                        s += a[j * m + k] * prev;
                    }
                    states[i * m + j] = s;
                }
            }
            groupDelta = java.util.Arrays.copyOf(deltas, groups);
            groupA = java.util.Arrays.copyOf(as, groups);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
