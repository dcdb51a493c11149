package org.curseofmemory.train;

import java.util.Random;
import org.curseofmemory.kernel.ExpSumKernel;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.util.Validate;

/**
 * Real diagonal modes (a diagonal linear RNN with real eigenvalues, docs/theory.md §2):
 * <pre>  ρ̂_θ(t) = Σ_{k&lt;m} a_k e^{λ_k t},  λ_k = f(w_k) = −r(w_k)  </pre>
 * with θ = (a_0, …, a_{m−1}, w_0, …, w_{m−1}) and the eigenvalue map given by a
 * {@link Reparameterization} (docs/theory.md §5). Analytic gradient of the kernel loss (docs/theory.md §4):
 * ∂J/∂a_k = Σ_i v_i e^{−r_k t_i}, ∂J/∂w_k = −r'(w_k) a_k Σ_i v_i t_i e^{−r_k t_i},
 * v_i = w_i (ρ̂(t_i) − ρ(t_i)). On a uniform grid e^{−r t_i} is advanced by the exact recurrence
 * x_{i+1} = x_i e^{−r h}.
 *
 * <p>Initialisation: a_k ~ N(0, σ²) (σ = 0.1), decay rates r_k ~ U[0.5, 1.5], w_k = r^{-1}(r_k) (drawn mode by mode:
 * a_k then r_k), so every parameterization starts from the same decay rates for a given seed. Gradient descent
 * on real modes stalls on an oscillating kernel such as Airy; real exponentials can represent it only with huge
 * cancelling amplitudes (≈1e11 for 8 modes, a fit gradient descent from small amplitudes does not find), so use
 * {@link ComplexModesModel} for it (docs/theory.md §4.4, [kit]). Immutable.
 */
public final class RealModesModel implements KernelModel {
    private final int m;
    private final Reparameterization param;
    private final double amplitudeScale;
    private final double rateLo;
    private final double rateHi;

    private RealModesModel(int m, Reparameterization param, double amplitudeScale, double rateLo, double rateHi) {
        this.m = m;
        this.param = param;
        this.amplitudeScale = amplitudeScale;
        this.rateLo = rateLo;
        this.rateHi = rateHi;
    }

    /** Largest number of modes m (2m parameters). */
    public static final int MAX_MODES = 1_000_000;

    /**
     * @param modes number of modes m in [1, {@link #MAX_MODES}]
     * @param param eigenvalue parameterization, not null
     */
    public static RealModesModel of(int modes, Reparameterization param) {
        Validate.capped("number of modes", modes, 1, MAX_MODES);
        Validate.notNull("reparameterization", param);
        RealModesModel model = new RealModesModel(modes, param, 0.1, 0.5, 1.5);
        model.checkRange();
        return model;
    }

    /** A copy with initial amplitudes a_k ~ N(0, scale²), scale ≥ 0. */
    public RealModesModel withAmplitudeScale(double scale) {
        Validate.nonNegative("amplitude scale", scale);
        return new RealModesModel(m, param, scale, rateLo, rateHi);
    }

    /** A copy with initial decay rates r_k ~ U[lo, hi], 0 &lt; lo ≤ hi (reachable by the parameterization). */
    public RealModesModel withInitialDecayRange(double lo, double hi) {
        Validate.positive("initial decay rate lo", lo);
        Validate.positive("initial decay rate hi", hi);
        Validate.ordered("initial decay range", lo, hi);
        RealModesModel model = new RealModesModel(m, param, amplitudeScale, lo, hi);
        model.checkRange();
        return model;
    }

    /** A copy with another parameterization (same initial decay rates). */
    public RealModesModel withReparameterization(Reparameterization other) {
        Validate.notNull("reparameterization", other);
        RealModesModel model = new RealModesModel(m, other, amplitudeScale, rateLo, rateHi);
        model.checkRange();
        return model;
    }

    private void checkRange() {
        param.parameterForDecayRate(rateLo);
        param.parameterForDecayRate(rateHi);
    }

    /** Number of modes m. */
    public int modes() {
        return m;
    }

    /** The eigenvalue parameterization λ = −r(w). */
    public Reparameterization reparameterization() {
        return param;
    }

    @Override
    public int parameterCount() {
        return 2 * m;
    }

    @Override
    public String[] parameterNames() {
        String[] names = new String[2 * m];
        for (int k = 0; k < m; k++) {
            names[k] = "a_" + k;
            names[m + k] = "w_" + k;
        }
        return names;
    }

    @Override
    public String name() {
        return "RealModes(m=" + m + ", " + param + ")";
    }

    @Override
    public double[] initialParameters(Random random) {
        Validate.notNull("random", random);
        double[] theta = new double[2 * m];
        for (int k = 0; k < m; k++) {
            theta[k] = amplitudeScale * random.nextGaussian();
            double r = rateLo + (rateHi - rateLo) * random.nextDouble();
            theta[m + k] = param.parameterForDecayRate(r);
        }
        return theta;
    }

    /**
     * θ for given amplitudes a_k and decay rates r_k &gt; 0 (w_k = r^{-1}(r_k)).
     */
    public double[] parametersFor(double[] amplitudes, double[] decayRates) {
        Validate.finiteArray("amplitudes", amplitudes, 0);
        Validate.length("amplitudes", amplitudes, m);
        Validate.length("decay rates", decayRates, m);
        double[] theta = new double[2 * m];
        for (int k = 0; k < m; k++) {
            theta[k] = amplitudes[k];
            theta[m + k] = param.parameterForDecayRate(decayRates[k]);
        }
        return theta;
    }

    /** Decay rates r(w_k) (eigenvalues are their negatives). */
    public double[] decayRates(double[] theta) {
        Validate.length("parameters theta", theta, 2 * m);
        double[] r = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = param.decayRate(theta[m + k]);
        }
        return r;
    }

    /** Amplitudes a_k. */
    public double[] amplitudes(double[] theta) {
        Validate.length("parameters theta", theta, 2 * m);
        return java.util.Arrays.copyOf(theta, m);
    }

    /**
     * The model kernel at θ as the kit's exponential sum Σ a_k e^{−r_k t} (exact tails, derivatives
     * and norms; the same type an {@code approx.Approximant} gives back).
     *
     * @throws IllegalArgumentException if a decay rate is ≤ 0 (an unstable model has no memory kernel)
     */
    public ExpSumKernel expSum(double[] theta) {
        return ExpSumKernel.of(amplitudes(theta), decayRates(theta)).withName(name() + " at theta");
    }

    @Override
    public double[] kernel(double[] theta, double[] t) {
        Validate.length("parameters theta", theta, 2 * m);
        GridSteps.checkTimes(t);
        double[] out = new double[t.length];
        for (int k = 0; k < m; k++) {
            double a = theta[k];
            double r = param.decayRate(theta[m + k]);
            for (int i = 0; i < t.length; i++) {
                out[i] += a * Math.exp(-r * t[i]);
            }
        }
        return out;
    }

    @Override
    public double lossAndGradient(double[] theta, Grid grid, double[] target, double[] gradient) {
        GridSteps.checkLossArguments(2 * m, theta, grid, target, gradient);
        double[] t = grid.nodes();
        int n = t.length;
        double h = grid.uniformStep();
        double[] v = new double[n];
        // pass 1: model kernel
        for (int k = 0; k < m; k++) {
            double a = theta[k];
            double r = param.decayRate(theta[m + k]);
            if (h > 0) {
                double z = Math.exp(-r * h);
                double x = Math.exp(-r * t[0]);
                for (int i = 0; i < n; i++) {
                    v[i] += a * x;
                    x *= z;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    v[i] += a * Math.exp(-r * t[i]);
                }
            }
        }
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
        // pass 2: Σ v_i x_i and Σ v_i t_i x_i per mode
        for (int k = 0; k < m; k++) {
            double a = theta[k];
            double w = theta[m + k];
            double r = param.decayRate(w);
            double s1 = 0;
            double s3 = 0;
            if (h > 0) {
                double z = Math.exp(-r * h);
                double x = Math.exp(-r * t[0]);
                for (int i = 0; i < n; i++) {
                    double vx = v[i] * x;
                    s1 += vx;
                    s3 += vx * t[i];
                    x *= z;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double vx = v[i] * Math.exp(-r * t[i]);
                    s1 += vx;
                    s3 += vx * t[i];
                }
            }
            gradient[k] = s1;
            gradient[m + k] = -param.decayRateDerivative(w) * a * s3;
        }
        return loss;
    }

    @Override
    public String toString() {
        return name();
    }
}
