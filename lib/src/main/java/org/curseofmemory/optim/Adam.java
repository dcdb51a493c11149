package org.curseofmemory.optim;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Adam (Kingma &amp; Ba): m_k = β₁m_{k−1} + (1−β₁)g_k, v_k = β₂v_{k−1} + (1−β₂)g_k²,
 * θ_{k+1} = θ_k − η m̂_k/(√v̂_k + ε) with bias corrections m̂ = m/(1−β₁^k), v̂ = v/(1−β₂^k).
 * Time is reported as τ = kη. docs/theory.md §4 [kit]: Adam roughly halves the growth rate of plateau
 * length with memory, so theorem demonstrations use plain GD or gradient flow. Defaults
 * β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. Immutable.
 */
public final class Adam extends AbstractTrainer<Adam> {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;

    private Adam(double lr, double beta1, double beta2, double eps, Settings settings) {
        super(settings);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /** @param learningRate η &gt; 0 */
    public static Adam of(double learningRate) {
        Validate.positive("learning rate", learningRate);
        return new Adam(learningRate, 0.9, 0.999, 1e-8, Settings.DEFAULT);
    }

    /** A copy with moment decay rates β₁, β₂ in [0, 1). */
    public Adam withBetas(double beta1, double beta2) {
        checkBeta("beta1", beta1);
        checkBeta("beta2", beta2);
        return new Adam(lr, beta1, beta2, eps, settings());
    }

    /** A copy with ε &gt; 0. */
    public Adam withEpsilon(double epsilon) {
        Validate.positive("Adam epsilon", epsilon);
        return new Adam(lr, beta1, beta2, epsilon, settings());
    }

    /** A copy with learning rate η &gt; 0. */
    public Adam withLearningRate(double eta) {
        Validate.positive("learning rate", eta);
        return new Adam(eta, beta1, beta2, eps, settings());
    }

    private static void checkBeta(String what, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new KitArgumentException("Adam " + what + "=" + beta + " must be in [0, 1)");
        }
    }

    /** Learning rate η. */
    public double learningRate() {
        return lr;
    }

    /** First-moment decay β₁. */
    public double beta1() {
        return beta1;
    }

    /** Second-moment decay β₂. */
    public double beta2() {
        return beta2;
    }

    /** ε in the denominator √v̂ + ε. */
    public double epsilon() {
        return eps;
    }

    @Override
    protected Adam copy(Settings settings) {
        return new Adam(lr, beta1, beta2, eps, settings);
    }

    @Override
    public String name() {
        return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + batchSuffix() + ")";
    }

    @Override
    protected TrainingResult run(LossFunction f, double[] theta, TrainingMonitor monitor) {
        int p = theta.length;
        double[] m1 = new double[p];
        double[] m2 = new double[p];
        double[] powers = {1, 1}; // β₁^k, β₂^k
        return discreteLoop(f, theta, monitor, lr, (k, g) -> {
            powers[0] *= beta1;
            powers[1] *= beta2;
            for (int i = 0; i < p; i++) {
                m1[i] = beta1 * m1[i] + (1 - beta1) * g[i];
                m2[i] = beta2 * m2[i] + (1 - beta2) * g[i] * g[i];
                double mh = m1[i] / (1 - powers[0]);
                double vh = m2[i] / (1 - powers[1]);
                theta[i] -= lr * mh / (Math.sqrt(vh) + eps);
            }
        });
    }
}
