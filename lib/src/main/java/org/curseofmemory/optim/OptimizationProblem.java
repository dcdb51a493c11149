package org.curseofmemory.optim;

/**
 * What a {@link Trainer} minimises (Hipparchus-style problem object): a loss, a starting point θ_0
 * and the reference loss J_ref that makes relative losses J/J_ref. Implementations are immutable;
 * {@link #withSeed(long)} gives the same problem started from θ_0 drawn with {@code new Random(seed)},
 * which is how sweeps repeat a run over seeds. Implementations: the kernel problem
 * {@code org.curseofmemory.train.TrainingProblem} and the sequence-data problem
 * {@code org.curseofmemory.train.sequence.SequenceProblem}.
 */
public interface OptimizationProblem {

    /** The loss J(θ). */
    LossFunction lossFunction();

    /** θ_0 (a copy). */
    double[] initialParameters();

    /** J_ref &gt; 0 (the loss of the zero model). */
    double referenceLoss();

    /** The same problem started from θ_0 drawn with {@code new Random(seed)}. */
    OptimizationProblem withSeed(long seed);
}
