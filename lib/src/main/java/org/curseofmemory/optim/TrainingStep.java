package org.curseofmemory.optim;

import org.curseofmemory.util.Validate;

/**
 * What a {@link TrainingListener} sees after each step: the step index k, the time τ (flow time
 * for {@link GradientFlow}, k·η for the discrete trainers), the loss J(θ_k), the relative loss
 * J(θ_k)/J_ref, the gradient norm ‖∇J(θ_k)‖ and a read-only view of θ_k.
 *
 * <p>The θ view is live: it is valid only during the listener call. Use {@link #parameters()} to
 * keep a copy.
 */
public final class TrainingStep {
    private final int step;
    private final double time;
    private final double loss;
    private final double relativeLoss;
    private final double gradientNorm;
    private final double[] theta;

    TrainingStep(int step, double time, double loss, double relativeLoss, double gradientNorm, double[] theta) {
        this.step = step;
        this.time = time;
        this.loss = loss;
        this.relativeLoss = relativeLoss;
        this.gradientNorm = gradientNorm;
        this.theta = theta;
    }

    /** Step index k (0 = the initial parameters). */
    public int step() {
        return step;
    }

    /** Time τ: flow time for gradient flow, k·η for gradient descent and Adam. */
    public double time() {
        return time;
    }

    /** J(θ_k). */
    public double loss() {
        return loss;
    }

    /** J(θ_k)/J_ref (J_ref = loss of the zero model for kernel problems, else the initial loss). */
    public double relativeLoss() {
        return relativeLoss;
    }

    /** Euclidean norm ‖∇J(θ_k)‖. */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** Number p of parameters. */
    public int parameterCount() {
        return theta.length;
    }

    /** θ_k[i]. */
    public double parameter(int i) {
        Validate.inRange("parameter index i", i, 0, theta.length - 1);
        return theta[i];
    }

    /** A copy of θ_k. */
    public double[] parameters() {
        return theta.clone();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "step %d  τ=%.4g  loss=%.4e  rel=%.4e  |∇J|=%.3e",
                step, time, loss, relativeLoss, gradientNorm);
    }
}
