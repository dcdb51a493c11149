package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.optim.LossFunction;
import org.curseofmemory.optim.OptimizationProblem;
import org.curseofmemory.util.Validate;

/**
 * A sequence-data problem for the trainers of {@code org.curseofmemory.optim}: a {@link DataLoss}
 * (model + sequences + washout) and θ_0 drawn by the model from {@code new Random(seed)}. J_ref is
 * the loss of the zero model on all sequences, so relative losses are L/L_ref. With
 * {@code GradientDescent.of(η).withBatchSize(B).withSeed(s)} this is mini-batch gradient descent
 * on data; {@code experiment.PlateauSweep} sweeps it over memory and seeds like a kernel problem.
 * Immutable.
 */
public final class SequenceProblem implements OptimizationProblem {
    private final DataLoss loss;
    private final long seed;
    private final double[] initial;

    private SequenceProblem(DataLoss loss, long seed) {
        this.loss = loss;
        this.seed = seed;
        this.initial = loss.model().initialParameters(new Random(seed));
    }

    /**
     * The problem of minimising {@code loss} from θ_0 drawn with {@code new Random(seed)}.
     *
     * @throws IllegalArgumentException if the targets are zero (nothing to fit)
     */
    public static SequenceProblem of(DataLoss loss, long seed) {
        Validate.notNull("data loss", loss);
        if (!(loss.referenceLoss() > 0)) {
            throw new KitArgumentException("the targets are zero (reference loss=" + loss.referenceLoss()
                    + "): nothing to fit");
        }
        return new SequenceProblem(loss, seed);
    }

    @Override
    public SequenceProblem withSeed(long newSeed) {
        return new SequenceProblem(loss, newSeed);
    }

    /** The data loss. */
    public DataLoss dataLoss() {
        return loss;
    }

    /** The seed of θ_0. */
    public long seed() {
        return seed;
    }

    @Override
    public LossFunction lossFunction() {
        return loss;
    }

    @Override
    public double[] initialParameters() {
        return initial.clone();
    }

    @Override
    public double referenceLoss() {
        return loss.referenceLoss();
    }

    @Override
    public String toString() {
        return "SequenceProblem[" + loss.model().name() + " on " + loss.data() + ", washout " + loss.washout()
                + ", seed " + seed + "]";
    }
}
