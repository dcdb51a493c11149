package org.curseofmemory.optim;

import org.curseofmemory.util.Validate;

/**
 * Plain gradient descent θ_{k+1} = θ_k − η ∇J(θ_k), the forward-Euler discretisation of the
 * gradient flow dθ/dτ = −∇J(θ) with τ_k = kη, the dynamics analysed by Li, Han, E &amp; Li 2021
 * (docs/theory.md §4: the plateau experiments use plain GD
 * or gradient flow because adaptive methods partly hide the curse of memory). Step k records
 * J(θ_k) at time τ = kη; one gradient evaluation per step. Immutable.
 *
 * <pre>{@code
 * TrainingResult r = GradientDescent.of(0.05).withMaxSteps(20000)
 *         .withTargetRelativeLoss(0.1).train(problem);
 * }</pre>
 */
public final class GradientDescent extends AbstractTrainer<GradientDescent> {
    private final double learningRate;

    private GradientDescent(double learningRate, Settings settings) {
        super(settings);
        this.learningRate = learningRate;
    }

    /**
     * Gradient descent with learning rate η and default {@link StoppingCriteria}.
     *
     * @param learningRate η &gt; 0
     */
    public static GradientDescent of(double learningRate) {
        Validate.positive("learning rate", learningRate);
        return new GradientDescent(learningRate, Settings.DEFAULT);
    }

    /** A copy with learning rate η &gt; 0. */
    public GradientDescent withLearningRate(double eta) {
        Validate.positive("learning rate", eta);
        return new GradientDescent(eta, settings());
    }

    /** η. */
    public double learningRate() {
        return learningRate;
    }

    @Override
    protected GradientDescent copy(Settings settings) {
        return new GradientDescent(learningRate, settings);
    }

    @Override
    public String name() {
        return "GradientDescent(lr=" + learningRate + batchSuffix() + ")";
    }

    @Override
    protected TrainingResult run(LossFunction f, double[] theta, TrainingMonitor monitor) {
        return discreteLoop(f, theta, monitor, learningRate, (k, g) -> {
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * g[i];
            }
        });
    }
}
