package org.curseofmemory.optim;

import org.curseofmemory.util.Validate;

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
     * Minimises a problem's loss from its θ_0, with relative losses J/J_ref: a kernel problem
     * ({@code train.TrainingProblem}, loss ½ Σ w_i (ρ̂_θ(t_i) − ρ(t_i))²) or a sequence-data problem
     * ({@code train.sequence.SequenceProblem}).
     */
    default TrainingResult train(OptimizationProblem problem) {
        Validate.notNull("training problem", problem);
        return minimize(problem.lossFunction(), problem.initialParameters(), problem.referenceLoss());
    }
}
