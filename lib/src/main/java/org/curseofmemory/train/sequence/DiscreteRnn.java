package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.linalg.Matrices;
import org.curseofmemory.linalg.MatrixExponential;
import org.curseofmemory.train.ParametricModel;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;

/**
 * A continuous-time RNN dh/dt = σ(W h + U x), ŷ = cᵀh, h(0) = 0, sampled every Δt with the input
 * held constant on each interval (docs/theory.md §2 for σ = identity; §5 for σ = tanh), as a
 * {@link ParametricModel} on the flat parameter vector
 * <pre>  θ = (W row-major (m×m), U row-major (m×d), c (m)),   p = m² + m d + m.  </pre>
 *
 * <p><b>Sequences.</b> An input sequence is a flat array x of length K·d (x_k ∈ ℝ^d at offset k·d,
 * k = 0..K−1). The output sequence has length K: output j is ŷ_{j+1} = cᵀh_{j+1}, the value at time
 * (j+1)Δt, after the inputs x_0..x_j have been taken in. Updates (see {@link Discretisation}):
 * <pre>
 *   EULER:            h_{k+1} = h_k + Δt σ(W h_k + U x_k)
 *   ZERO_ORDER_HOLD:  h_{k+1} = e^{WΔt} h_k + (∫₀^{Δt} e^{Ws} ds) U x_k      (linear only, exact)
 * </pre>
 * With σ = identity the model is a convolution with the model kernel ρ̂(s) = cᵀe^{Ws}U
 * (docs/theory.md §2), see {@link #kernel}.
 *
 * <p>The nonlinear choice dh/dt = tanh(W h + U x) is the one whose σ = identity case is exactly the
 * papers' linear RNN; it is stepped with forward Euler.
 *
 * <p>Immutable; configured with {@code withX(...)}. θ is always passed in, never stored.
 */
public final class DiscreteRnn implements ParametricModel {
    /** Initial W = −I + ({@value #INIT_SPREAD}/√m) G with G i.i.d. N(0,1): eigenvalues near −1. */
    public static final double INIT_SPREAD = 0.5;

    /** Largest hidden width m (the model has m² + m·d + m parameters). */
    public static final int MAX_WIDTH = 1000;

    /** Largest input dimension d. */
    public static final int MAX_INPUT_DIMENSION = 1000;

    /** Largest number of lags of {@link #impulseResponse(double[], int)}. */
    public static final int MAX_LAGS = 10_000_000;

    private final int width;
    private final int inputDimension;
    private final double dt;
    private final Activation activation;
    private final Discretisation discretisation;

    private DiscreteRnn(int width, int inputDimension, double dt, Activation activation,
                        Discretisation discretisation) {
        this.width = width;
        this.inputDimension = inputDimension;
        this.dt = dt;
        this.activation = activation;
        this.discretisation = discretisation;
        if (activation != Activation.IDENTITY && discretisation == Discretisation.ZERO_ORDER_HOLD) {
            throw new KitArgumentException("discretisation ZERO_ORDER_HOLD is exact only for the linear RNN, "
                    + "but activation=" + activation + "; use EULER");
        }
    }

    /**
     * The linear RNN dh/dt = W h + U x, ŷ = cᵀh with scalar input (d = 1), stepped exactly by
     * zero-order hold (docs/theory.md §2).
     *
     * @param width hidden width m in [1, {@link #MAX_WIDTH}]
     * @param dt    sample interval Δt &gt; 0
     */
    public static DiscreteRnn linear(int width, double dt) {
        Validate.capped("hidden width m", width, 1, MAX_WIDTH);
        Validate.positive("sample interval dt", dt);
        return new DiscreteRnn(width, 1, dt, Activation.IDENTITY, Discretisation.ZERO_ORDER_HOLD);
    }

    /**
     * The tanh RNN dh/dt = tanh(W h + U x), ŷ = cᵀh with scalar input (d = 1), forward Euler
     * h_{k+1} = h_k + Δt tanh(W h_k + U x_k) (docs/theory.md §5).
     *
     * @param width hidden width m in [1, {@link #MAX_WIDTH}]
     * @param dt    sample interval Δt &gt; 0
     */
    public static DiscreteRnn tanh(int width, double dt) {
        Validate.capped("hidden width m", width, 1, MAX_WIDTH);
        Validate.positive("sample interval dt", dt);
        return new DiscreteRnn(width, 1, dt, Activation.TANH, Discretisation.EULER);
    }

    /** @param d input dimension d in [1, {@link #MAX_INPUT_DIMENSION}] */
    public DiscreteRnn withInputDimension(int d) {
        Validate.capped("input dimension d", d, 1, MAX_INPUT_DIMENSION);
        return new DiscreteRnn(width, d, dt, activation, discretisation);
    }

    /** @param activation σ, not null (TANH requires EULER) */
    public DiscreteRnn withActivation(Activation activation) {
        Validate.notNull("activation", activation);
        return new DiscreteRnn(width, inputDimension, dt, activation, discretisation);
    }

    /** @param discretisation the step rule, not null (ZERO_ORDER_HOLD requires IDENTITY) */
    public DiscreteRnn withDiscretisation(Discretisation discretisation) {
        Validate.notNull("discretisation", discretisation);
        return new DiscreteRnn(width, inputDimension, dt, activation, discretisation);
    }

    /** @param dt sample interval Δt &gt; 0 */
    public DiscreteRnn withDt(double dt) {
        Validate.positive("sample interval dt", dt);
        return new DiscreteRnn(width, inputDimension, dt, activation, discretisation);
    }

    /** Hidden width m. */
    public int width() {
        return width;
    }

    /** Input dimension d. */
    public int inputDimension() {
        return inputDimension;
    }

    /** Sample interval Δt. */
    public double dt() {
        return dt;
    }

    /** The activation σ in dh/dt = σ(W h + U x). */
    public Activation activation() {
        return activation;
    }

    /** The step rule over one sample interval. */
    public Discretisation discretisation() {
        return discretisation;
    }

    /** Whether σ is the identity, i.e. the model is the linear RNN of docs/theory.md §2. */
    public boolean isLinear() {
        return activation == Activation.IDENTITY;
    }

    @Override
    public int parameterCount() {
        return width * width + width * inputDimension + width;
    }

    @Override
    public String[] parameterNames() {
        String[] names = new String[parameterCount()];
        int k = 0;
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                names[k++] = "W[" + i + "][" + j + "]";
            }
        }
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < inputDimension; j++) {
                names[k++] = "U[" + i + "][" + j + "]";
            }
        }
        for (int i = 0; i < width; i++) {
            names[k++] = "c[" + i + "]";
        }
        return names;
    }

    @Override
    public String name() {
        return (isLinear() ? "linear" : "tanh") + " RNN(m=" + width + ", d=" + inputDimension + ", "
                + discretisation + ", dt=" + dt + ")";
    }

    /**
     * Random θ: W = −I + ({@value #INIT_SPREAD}/√m) G, U_ij ~ N(0, 1), c_i ~ N(0, 1/m), drawn in θ
     * order (W row-major, then U, then c) from {@code random}.
     */
    @Override
    public double[] initialParameters(Random random) {
        Validate.notNull("random", random);
        double[] theta = new double[parameterCount()];
        double spread = INIT_SPREAD / Math.sqrt(width);
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                theta[i * width + j] = (i == j ? -1.0 : 0.0) + spread * random.nextGaussian();
            }
        }
        int u = uOffset();
        for (int k = 0; k < width * inputDimension; k++) {
            theta[u + k] = random.nextGaussian();
        }
        int c = cOffset();
        double cScale = 1.0 / Math.sqrt(width);
        for (int k = 0; k < width; k++) {
            theta[c + k] = cScale * random.nextGaussian();
        }
        return theta;
    }

    /**
     * Packs (W, U, c) into θ.
     *
     * @param w recurrent matrix m×m
     * @param u input matrix m×d
     * @param c readout, length m
     */
    public double[] parameters(DMatrixRMaj w, DMatrixRMaj u, double[] c) {
        Validate.notNull("recurrent matrix W", w);
        Validate.notNull("input matrix U", u);
        if (w.numRows != width || w.numCols != width) {
            throw new KitArgumentException("recurrent matrix W is " + w.numRows + "x" + w.numCols
                    + " but must be " + width + "x" + width);
        }
        if (u.numRows != width || u.numCols != inputDimension) {
            throw new KitArgumentException("input matrix U is " + u.numRows + "x" + u.numCols
                    + " but must be " + width + "x" + inputDimension);
        }
        Validate.length("readout c", c, width);
        double[] theta = new double[parameterCount()];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                theta[i * width + j] = w.get(i, j);
            }
            for (int j = 0; j < inputDimension; j++) {
                theta[uOffset() + i * inputDimension + j] = u.get(i, j);
            }
            theta[cOffset() + i] = c[i];
        }
        return Validate.finiteArray("parameters theta", theta, 1);
    }

    /** W from θ as a new EJML matrix (escape hatch). */
    public DMatrixRMaj recurrentMatrix(double[] theta) {
        checkTheta(theta);
        DMatrixRMaj w = new DMatrixRMaj(width, width);
        System.arraycopy(theta, 0, w.data, 0, width * width);
        return w;
    }

    /** U from θ as a new EJML matrix (escape hatch). */
    public DMatrixRMaj inputMatrix(double[] theta) {
        checkTheta(theta);
        DMatrixRMaj u = new DMatrixRMaj(width, inputDimension);
        System.arraycopy(theta, uOffset(), u.data, 0, width * inputDimension);
        return u;
    }

    /** c from θ (a copy). */
    public double[] readout(double[] theta) {
        checkTheta(theta);
        double[] c = new double[width];
        System.arraycopy(theta, cOffset(), c, 0, width);
        return c;
    }

    /**
     * The output sequence ŷ_1..ŷ_K for one input sequence (see the class comment for the indexing).
     *
     * @param theta parameters, length p, finite
     * @param input flat input x_0..x_{K−1}, length K·d with K ≥ 1, finite
     * @return a new array of length K
     */
    public double[] outputs(double[] theta, double[] input) {
        checkTheta(theta);
        checkInput(input);
        Prepared p = prepare(theta);
        int steps = input.length / inputDimension;
        double[] out = new double[steps];
        double[] h = new double[width];
        double[] next = new double[width];
        for (int k = 0; k < steps; k++) {
            p.step(h, input, k, next, null, 0);
            double[] swap = h;
            h = next;
            next = swap;
            out[k] = Matrices.dot(p.c, h);
        }
        return out;
    }

    /**
     * The discrete impulse response ĝ_l, l = 1..lags: the output at time lΔt to the input
     * x_0 = 1 (then 0), so that ŷ_{k} = Σ_l ĝ_l x_{k−l} for the linear model. For ZERO_ORDER_HOLD,
     * ĝ_l = ∫_{(l−1)Δt}^{lΔt} ρ̂(s) ds exactly; for EULER, ĝ_l = Δt cᵀ(I + ΔtW)^{l−1}U (docs/theory.md §2).
     *
     * @param theta parameters
     * @param lags  number of lags in [1, {@link #MAX_LAGS}]
     * @throws IllegalArgumentException for a nonlinear model or d &gt; 1
     */
    public double[] impulseResponse(double[] theta, int lags) {
        requireScalarLinear("impulse response");
        Validate.capped("lags", lags, 1, MAX_LAGS);
        double[] impulse = new double[lags];
        impulse[0] = 1.0;
        return outputs(theta, impulse);
    }

    /**
     * The continuous-time model kernel ρ̂(t) = cᵀe^{Wt}U of the linear RNN (docs/theory.md §2) at the
     * given times.
     *
     * @param theta parameters
     * @param t     non-negative, non-decreasing times
     * @return a new array of ρ̂(t_j)
     * @throws IllegalArgumentException for a nonlinear model or d &gt; 1
     */
    public double[] kernel(double[] theta, double[] t) {
        requireScalarLinear("kernel");
        checkTheta(theta);
        Validate.finiteArray("times t", t, 1);
        Validate.increasing("times t", "t", t, false);
        int m = width;
        double[] w = new double[m * m];
        System.arraycopy(theta, 0, w, 0, m * m);
        double[] v = new double[m];
        System.arraycopy(theta, uOffset(), v, 0, m);
        double[] c = readout(theta);
        double[] out = new double[t.length];
        double[] step = null;
        double lastGap = Double.NaN;
        double previous = 0;
        double[] tmp = new double[m];
        for (int j = 0; j < t.length; j++) {
            double gap = t[j] - previous;
            if (gap > 0) {
                if (gap != lastGap) {
                    double[] scaled = new double[m * m];
                    for (int i = 0; i < scaled.length; i++) {
                        scaled[i] = w[i] * gap;
                    }
                    step = MatrixExponential.exp(scaled, m, scaled);
                    lastGap = gap;
                }
                Matrices.multiplyVector(step, v, m, tmp);
                System.arraycopy(tmp, 0, v, 0, m);
            }
            previous = t[j];
            out[j] = Matrices.dot(c, v);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Internal: forward pass and back-propagation through time.
    // ------------------------------------------------------------------------------------------

    int uOffset() {
        return width * width;
    }

    int cOffset() {
        return width * width + width * inputDimension;
    }

    void checkTheta(double[] theta) {
        Validate.length("parameters theta", theta, parameterCount());
        Validate.finiteArray("parameters theta", theta, parameterCount());
    }

    void checkInput(double[] input) {
        Validate.finiteArray("input sequence", input, 1);
        if (input.length % inputDimension != 0) {
            throw new KitArgumentException("input sequence has length " + input.length
                    + " but must be a multiple of the input dimension d=" + inputDimension);
        }
    }

    private void requireScalarLinear(String what) {
        if (!isLinear()) {
            throw new KitArgumentException(what + " is defined only for the linear RNN, but activation="
                    + activation);
        }
        if (inputDimension != 1) {
            throw new KitArgumentException(what + " is defined here only for scalar input, but input dimension d="
                    + inputDimension);
        }
    }

    /** θ unpacked, plus e^{WΔt} and B for ZERO_ORDER_HOLD. */
    Prepared prepare(double[] theta) {
        return new Prepared(theta);
    }

    final class Prepared {
        final double[] w;
        final double[] u;
        final double[] c;
        /** Transition matrices used in the recursion: (A, B) for ZOH, (W, U) for Euler. */
        final double[] a;
        final double[] b;
        private final double[] augmented;

        Prepared(double[] theta) {
            int m = width;
            int d = inputDimension;
            w = new double[m * m];
            u = new double[m * d];
            c = new double[m];
            System.arraycopy(theta, 0, w, 0, m * m);
            System.arraycopy(theta, uOffset(), u, 0, m * d);
            System.arraycopy(theta, cOffset(), c, 0, m);
            if (discretisation == Discretisation.ZERO_ORDER_HOLD) {
                int n = m + d;
                augmented = new double[n * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        augmented[i * n + j] = w[i * m + j] * dt;
                    }
                    for (int j = 0; j < d; j++) {
                        augmented[i * n + m + j] = u[i * d + j] * dt;
                    }
                }
                double[] e = MatrixExponential.exp(augmented, n, new double[n * n]);
                a = new double[m * m];
                b = new double[m * d];
                for (int i = 0; i < m; i++) {
                    System.arraycopy(e, i * n, a, i * m, m);
                    System.arraycopy(e, i * n + m, b, i * d, d);
                }
            } else {
                augmented = null;
                a = w;
                b = u;
            }
        }

        /**
         * One step h → next from input x_k (at offset k·d of {@code input}); if {@code slope} is
         * non-null, stores σ'(z_k) at {@code slope[slopeOffset..]} (Euler only).
         */
        void step(double[] h, double[] input, int k, double[] next, double[] slope, int slopeOffset) {
            int m = width;
            int d = inputDimension;
            int xo = k * d;
            for (int i = 0; i < m; i++) {
                double z = 0;
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    z += a[row + j] * h[j];
                }
                int urow = i * d;
                for (int j = 0; j < d; j++) {
                    z += b[urow + j] * input[xo + j];
                }
                if (discretisation == Discretisation.ZERO_ORDER_HOLD) {
                    next[i] = z;
                } else if (activation == Activation.IDENTITY) {
                    next[i] = h[i] + dt * z;
                } else {
                    next[i] = h[i] + dt * activation.value(z);
                    if (slope != null) {
                        slope[slopeOffset + i] = activation.derivative(z);
                    }
                }
            }
        }

        /**
         * Forward pass and BPTT for one sequence. Adds Σ_{j ≥ washout} (ŷ_j − y_j)² to the return
         * value and, if {@code raw != null}, adds scale · ∂/∂(A, B, c) of ½ Σ (ŷ_j − y_j)² to
         * {@code raw} (θ layout; for ZOH the first two blocks hold the gradients with respect to
         * A = e^{WΔt} and B, mapped to W, U by {@link #finishGradient}).
         */
        double accumulate(double[] input, double[] target, int washout, double scale, double[] raw, Workspace ws) {
            int m = width;
            int d = inputDimension;
            int steps = target.length;
            ws.ensure(steps, m);
            double[] states = ws.states;
            double[] slopes = ws.slopes;
            boolean nonlinear = activation != Activation.IDENTITY;
            java.util.Arrays.fill(states, 0, m, 0.0);
            double sum = 0;
            double[] h = ws.h;
            double[] next = ws.next;
            java.util.Arrays.fill(h, 0.0);
            double[] errors = ws.errors;
            for (int k = 0; k < steps; k++) {
                step(h, input, k, next, nonlinear ? slopes : null, k * m);
                System.arraycopy(next, 0, states, (k + 1) * m, m);
                double[] swap = h;
                h = next;
                next = swap;
                if (k >= washout) {
                    double e = Matrices.dot(c, h) - target[k];
                    sum += e * e;
                    errors[k] = e * scale;
                } else {
                    errors[k] = 0;
                }
            }
            ws.h = h;
            ws.next = next;
            if (raw == null) {
                return sum;
            }
            int uo = uOffset();
            int co = cOffset();
            double[] delta = ws.delta;
            double[] s = ws.s;
            java.util.Arrays.fill(delta, 0.0);
            for (int k = steps - 1; k >= 0; k--) {
                int hk1 = (k + 1) * m;
                double e = errors[k];
                if (e != 0) {
                    for (int i = 0; i < m; i++) {
                        raw[co + i] += e * states[hk1 + i];
                        delta[i] += c[i] * e;
                    }
                }
                // delta = ∂L/∂h_{k+1}; propagate through h_{k+1} = F(h_k, x_k).
                int hk = k * m;
                int xo = k * d;
                if (discretisation == Discretisation.ZERO_ORDER_HOLD) {
                    for (int i = 0; i < m; i++) {
                        double di = delta[i];
                        if (di == 0) {
                            continue;
                        }
                        int row = i * m;
                        for (int j = 0; j < m; j++) {
                            raw[row + j] += di * states[hk + j];
                        }
                        int urow = uo + i * d;
                        for (int j = 0; j < d; j++) {
                            raw[urow + j] += di * input[xo + j];
                        }
                    }
                    // delta ← Aᵀ delta
                    for (int j = 0; j < m; j++) {
                        s[j] = 0;
                    }
                    for (int i = 0; i < m; i++) {
                        double di = delta[i];
                        int row = i * m;
                        for (int j = 0; j < m; j++) {
                            s[j] += a[row + j] * di;
                        }
                    }
                    System.arraycopy(s, 0, delta, 0, m);
                } else {
                    for (int i = 0; i < m; i++) {
                        s[i] = dt * delta[i] * (nonlinear ? slopes[k * m + i] : 1.0);
                    }
                    for (int i = 0; i < m; i++) {
                        double si = s[i];
                        if (si == 0) {
                            continue;
                        }
                        int row = i * m;
                        for (int j = 0; j < m; j++) {
                            raw[row + j] += si * states[hk + j];
                        }
                        int urow = uo + i * d;
                        for (int j = 0; j < d; j++) {
                            raw[urow + j] += si * input[xo + j];
                        }
                    }
                    // delta ← delta + Wᵀ s
                    for (int i = 0; i < m; i++) {
                        double si = s[i];
                        int row = i * m;
                        for (int j = 0; j < m; j++) {
                            delta[j] += w[row + j] * si;
                        }
                    }
                }
            }
            return sum;
        }

        /** Maps the raw gradient (w.r.t. A, B, c) to the gradient w.r.t. θ = (W, U, c), in place. */
        void finishGradient(double[] raw) {
            if (discretisation != Discretisation.ZERO_ORDER_HOLD) {
                return;
            }
            int m = width;
            int d = inputDimension;
            int n = m + d;
            double[] g = new double[n * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    g[i * n + j] = raw[i * m + j];
                }
                for (int j = 0; j < d; j++) {
                    g[i * n + m + j] = raw[uOffset() + i * d + j];
                }
            }
            double[] dm = MatrixExponential.frechetAdjoint(augmented, g, n, g);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    raw[i * m + j] = dt * dm[i * n + j];
                }
                for (int j = 0; j < d; j++) {
                    raw[uOffset() + i * d + j] = dt * dm[i * n + m + j];
                }
            }
        }
    }

    /** Reusable buffers for {@link Prepared#accumulate}. */
    static final class Workspace {
        double[] states = new double[0];
        double[] slopes = new double[0];
        double[] errors = new double[0];
        double[] h = new double[0];
        double[] next = new double[0];
        double[] delta = new double[0];
        double[] s = new double[0];

        void ensure(int steps, int m) {
            if (states.length < (steps + 1) * m) {
                states = new double[(steps + 1) * m];
                slopes = new double[steps * m];
            }
            if (errors.length < steps) {
                errors = new double[steps];
            }
            if (h.length != m) {
                h = new double[m];
                next = new double[m];
                delta = new double[m];
                s = new double[m];
            }
        }
    }



    @Override
    public String toString() {
        return name();
    }
}
