package org.curseofmemory.optim;

/**
 * A differentiable loss θ ↦ J(θ) on a flat parameter vector θ ∈ ℝ^p, the common currency of the
 * trainers ({@link GradientDescent}, {@link GradientFlow}, {@link Adam}). The kernel loss of a
 * {@code train.TrainingProblem} (docs/theory.md §4) is one; a loss on input/output data is another.
 *
 * <p>Implementations must be safe to call from one thread at a time per instance and must not keep
 * references to the arrays they are given.
 */
public interface LossFunction {

    /** Number p of parameters. */
    int dimension();

    /**
     * J(θ) and, if {@code gradient != null}, ∇J(θ) written into {@code gradient} (length p).
     * A non-finite value is returned as is (never hidden); the trainers turn it into
     * {@link StopReason#DIVERGED}.
     *
     * @param theta    parameters, length p (not modified)
     * @param gradient output for ∇J(θ), length p, or {@code null} for the value only
     * @return J(θ)
     */
    double valueAndGradient(double[] theta, double[] gradient);

    /** J(θ) only. */
    default double value(double[] theta) {
        return valueAndGradient(theta, null);
    }
}
