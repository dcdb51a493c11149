package org.curseofmemory.optim;

/**
 * A loss that is a mean over samples (e.g. training sequences), so that a trainer can step on
 * mini-batches: L_B(θ) over a subset B of the samples. The full loss
 * {@link #valueAndGradient(double[], double[])} is the loss over all samples. The discrete trainers
 * ({@link GradientDescent}, {@link Adam}) use mini-batches when configured with
 * {@link AbstractTrainer#withBatchSize(int)}.
 */
public interface BatchLoss extends LossFunction {

    /** Number n of samples the loss averages over. */
    int sampleCount();

    /**
     * The mini-batch loss L_B(θ) over the samples {@code batch} (indices in [0, n − 1], at least
     * one, repeats allowed) and, if {@code gradient != null}, its gradient.
     */
    double valueAndGradient(double[] theta, double[] gradient, int[] batch);
}
