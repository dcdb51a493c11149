package org.curseofmemory.optim;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.curseofmemory.util.DoubleArrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Immutable outcome of a training run: final θ, why it stopped ({@link StopReason} + detail
 * message, with the step and offending value if it diverged), the loss history against step k and
 * time τ, the number of loss-and-gradient evaluations and the wall time. Arrays handed out are
 * copies.
 *
 * <p>The history holds every recorded step whose values were finite; a divergent step is not in
 * the history (its value is in {@link #divergence()}). For a DIVERGED run {@link #parameters()}
 * are those of the last finite step.
 */
public final class TrainingResult {
    private final String trainerName;
    private final double[] theta;
    private final int steps;
    private final StopReason reason;
    private final String message;
    private final Divergence divergence;
    private final int[] stepHistory;
    private final double[] timeHistory;
    private final double[] lossHistory;
    private final double[] gradientNormHistory;
    private final double initialLoss;
    private final double referenceLoss;
    private final long gradientEvaluations;
    private final long wallNanos;

    TrainingResult(String trainerName, double[] theta, int steps, StopReason reason, String message,
                   Divergence divergence, int[] stepHistory, double[] timeHistory, double[] lossHistory,
                   double[] gradientNormHistory, double initialLoss, double referenceLoss,
                   long gradientEvaluations, long wallNanos) {
        this.trainerName = trainerName;
        this.theta = theta;
        this.steps = steps;
        this.reason = reason;
        this.message = message;
        this.divergence = divergence;
        this.stepHistory = stepHistory;
        this.timeHistory = timeHistory;
        this.lossHistory = lossHistory;
        this.gradientNormHistory = gradientNormHistory;
        this.initialLoss = initialLoss;
        this.referenceLoss = referenceLoss;
        this.gradientEvaluations = gradientEvaluations;
        this.wallNanos = wallNanos;
    }

    /** Name of the trainer that produced this result, e.g. "GradientDescent(lr=0.05)". */
    public String trainerName() {
        return trainerName;
    }

    /** Final θ (a copy): θ at the last recorded finite step. */
    public double[] parameters() {
        return theta.clone();
    }

    /** Index of the last step taken (for DIVERGED: the divergent step). */
    public int steps() {
        return steps;
    }

    /** Why the run stopped. */
    public StopReason stopReason() {
        return reason;
    }

    /** Human-readable detail, e.g. "diverged at step 12: loss=Infinity is not finite". */
    public String message() {
        return message;
    }

    /** {@code stopReason() == CONVERGED}. */
    public boolean converged() {
        return reason == StopReason.CONVERGED;
    }

    /** The divergence event, present iff {@code stopReason() == DIVERGED}. */
    public Optional<Divergence> divergence() {
        return Optional.ofNullable(divergence);
    }

    /** J(θ_0), the loss at the initial parameters (may be non-finite if step 0 diverged). */
    public double initialLoss() {
        return initialLoss;
    }

    /** J_ref used for relative losses (zero-model loss for kernel problems, else J(θ_0)). */
    public double referenceLoss() {
        return referenceLoss;
    }

    /**
     * Loss at the final parameters.
     *
     * @throws IllegalStateException if the very first step already diverged (no finite loss)
     */
    public double finalLoss() {
        requireHistory();
        return lossHistory[lossHistory.length - 1];
    }

    /** finalLoss()/referenceLoss(). */
    public double finalRelativeLoss() {
        return finalLoss() / referenceLoss;
    }

    /** Number of recorded (finite) steps. */
    public int historySize() {
        return lossHistory.length;
    }

    /** Step indices k of the history. */
    public int[] stepHistory() {
        return stepHistory.clone();
    }

    /** The step indices of the history as doubles, ready to plot against {@link #relativeLossHistory()}. */
    public double[] stepAxis() {
        return DoubleArrays.of(stepHistory);
    }

    /** Times τ_k of the history. */
    public double[] timeHistory() {
        return timeHistory.clone();
    }

    /** Losses J(θ_k) of the history. */
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    /** Relative losses J(θ_k)/J_ref of the history. */
    public double[] relativeLossHistory() {
        double[] r = lossHistory.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] /= referenceLoss;
        }
        return r;
    }

    /** Gradient norms ‖∇J(θ_k)‖ of the history. */
    public double[] gradientNormHistory() {
        return gradientNormHistory.clone();
    }

    /**
     * First recorded step k with J(θ_k)/J_ref ≤ level, e.g. the "steps to relative loss 0.1" of the
     * plateau experiment (docs/theory.md §4); empty if never reached.
     */
    public OptionalInt firstStepAtOrBelowRelativeLoss(double level) {
        double threshold = level * referenceLoss;
        for (int i = 0; i < lossHistory.length; i++) {
            if (lossHistory[i] <= threshold) {
                return OptionalInt.of(stepHistory[i]);
            }
        }
        return OptionalInt.empty();
    }

    /** Time τ of {@link #firstStepAtOrBelowRelativeLoss}; empty if never reached. */
    public Optional<Double> firstTimeAtOrBelowRelativeLoss(double level) {
        double threshold = level * referenceLoss;
        for (int i = 0; i < lossHistory.length; i++) {
            if (lossHistory[i] <= threshold) {
                return Optional.of(timeHistory[i]);
            }
        }
        return Optional.empty();
    }

    /** Number of loss-and-gradient evaluations. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Wall-clock time of the run. */
    public Duration wallTime() {
        return Duration.ofNanos(wallNanos);
    }

    /**
     * The history as a new Tablesaw table with columns "step", "time", "loss", "relative loss",
     * "gradient norm".
     */
    public Table table() {
        int[] s = stepHistory.clone();
        return Table.create(trainerName,
                IntColumn.create("step", s),
                DoubleColumn.create("time", timeHistory.clone()),
                DoubleColumn.create("loss", lossHistory.clone()),
                DoubleColumn.create("relative loss", relativeLossHistory()),
                DoubleColumn.create("gradient norm", gradientNormHistory.clone()));
    }

    private void requireHistory() {
        if (lossHistory.length == 0) {
            throw new IllegalStateException("no finite step was recorded: " + message);
        }
    }

    @Override
    public String toString() {
        String loss = lossHistory.length == 0 ? "none" : String.format(java.util.Locale.ROOT, "%.4e (relative %.4e)",
                finalLoss(), finalRelativeLoss());
        return "TrainingResult[" + trainerName + ": " + reason + " after " + steps + " steps, final loss " + loss
                + ", " + gradientEvaluations + " gradient evaluations; " + message + "]";
    }
}
