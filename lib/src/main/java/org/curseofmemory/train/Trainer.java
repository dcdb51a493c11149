package org.curseofmemory.train;

/**
 * An immutable, configured optimiser (Hipparchus-style): {@code withX(...)} returns a new
 * trainer; {@link #train(TrainingProblem)} runs it and returns an immutable
 * {@link TrainingResult}. Implementations: {@link GradientDescent}, {@link GradientFlow},
 * {@link Adam}. A trainer is safe to share between threads as long as its listeners are not
 * stateful (use a fresh {@link LossRecorder} per run).
 */
public interface Trainer {

    /** A short description including the hyper-parameters, e.g. "GradientDescent(lr=0.05)". */
    String name();

    /** The stopping criteria in force. */
    StoppingCriteria stoppingCriteria();

    /** A copy with other stopping criteria. */
    Trainer withStoppingCriteria(StoppingCriteria criteria);

    /** A copy with one more listener (called after the existing ones). */
    Trainer withListener(TrainingListener listener);

    /** A copy without listeners. */
    Trainer withoutListeners();

    /**
     * Minimises J(θ) starting from θ_0, with relative losses J/J_ref.
     *
     * @param loss          the loss
     * @param initial       θ_0 (copied; length {@code loss.dimension()})
     * @param referenceLoss J_ref &gt; 0
     */
    TrainingResult minimize(LossFunction loss, double[] initial, double referenceLoss);

    /** Minimises J(θ) from θ_0 with relative losses J/J(θ_0). */
    TrainingResult minimize(LossFunction loss, double[] initial);

    /**
     * Trains a kernel model on the kernel loss J(θ) = ½ Σ w_i (ρ̂_θ(t_i) − ρ(t_i))² (REFERENCE §4),
     * from the problem's initial θ, with J_ref = ½ Σ w_i ρ(t_i)².
     */
    default TrainingResult train(TrainingProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("training problem must not be null");
        }
        return minimize(problem.lossFunction(), problem.initialParameters(), problem.referenceLoss());
    }
}
