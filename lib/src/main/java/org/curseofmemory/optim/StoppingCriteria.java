package org.curseofmemory.optim;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * When a training run stops (immutable, configured with {@code withX}): after at most
 * {@code maxSteps} steps or flow time {@code maxTime} ({@link StopReason#MAX_STEPS},
 * {@link StopReason#MAX_TIME}); when J ≤ targetLoss or J/J_ref ≤ targetRelativeLoss
 * ({@link StopReason#CONVERGED}); when ‖∇J‖ &lt; gradientTolerance above target
 * ({@link StopReason#STALLED}); on divergence ({@link DivergenceCriterion}).
 *
 * <p>Defaults: maxSteps 10 000, maxTime ∞, targets 0 (off), gradient tolerance 0 (off),
 * divergence factor 10⁶.
 */
public final class StoppingCriteria {
    private final int maxSteps;
    private final double maxTime;
    private final double targetLoss;
    private final double targetRelativeLoss;
    private final double gradientTolerance;
    private final DivergenceCriterion divergence;

    private StoppingCriteria(int maxSteps, double maxTime, double targetLoss, double targetRelativeLoss,
                             double gradientTolerance, DivergenceCriterion divergence) {
        this.maxSteps = maxSteps;
        this.maxTime = maxTime;
        this.targetLoss = targetLoss;
        this.targetRelativeLoss = targetRelativeLoss;
        this.gradientTolerance = gradientTolerance;
        this.divergence = divergence;
    }

    /** The defaults listed in the class comment. */
    public static StoppingCriteria defaults() {
        return new StoppingCriteria(10_000, Double.POSITIVE_INFINITY, 0, 0, 0, DivergenceCriterion.standard());
    }

    /** @param maxSteps maximum number of steps (updates), ≥ 1 */
    public StoppingCriteria withMaxSteps(int maxSteps) {
        Validate.atLeast("maxSteps", maxSteps, 1);
        return new StoppingCriteria(maxSteps, maxTime, targetLoss, targetRelativeLoss, gradientTolerance, divergence);
    }

    /** @param maxTime flow-time horizon τ_max &gt; 0 (may be +∞) */
    public StoppingCriteria withMaxTime(double maxTime) {
        if (!(maxTime > 0)) {
            throw new KitArgumentException("maxTime=" + maxTime + " must be > 0");
        }
        return new StoppingCriteria(maxSteps, maxTime, targetLoss, targetRelativeLoss, gradientTolerance, divergence);
    }

    /** @param targetLoss stop with CONVERGED once J ≤ targetLoss (≥ 0; 0 = off) */
    public StoppingCriteria withTargetLoss(double targetLoss) {
        Validate.nonNegative("targetLoss", targetLoss);
        return new StoppingCriteria(maxSteps, maxTime, targetLoss, targetRelativeLoss, gradientTolerance, divergence);
    }

    /** @param targetRelativeLoss stop with CONVERGED once J/J_ref ≤ this (in [0, 1]; 0 = off) */
    public StoppingCriteria withTargetRelativeLoss(double targetRelativeLoss) {
        Validate.inRange("targetRelativeLoss", targetRelativeLoss, 0.0, 1.0);
        return new StoppingCriteria(maxSteps, maxTime, targetLoss, targetRelativeLoss, gradientTolerance, divergence);
    }

    /** @param gradientTolerance stop with STALLED once ‖∇J‖ &lt; this (≥ 0; 0 = off) */
    public StoppingCriteria withGradientTolerance(double gradientTolerance) {
        Validate.nonNegative("gradientTolerance", gradientTolerance);
        return new StoppingCriteria(maxSteps, maxTime, targetLoss, targetRelativeLoss, gradientTolerance, divergence);
    }

    /** @param divergence the divergence test, not null */
    public StoppingCriteria withDivergence(DivergenceCriterion divergence) {
        Validate.notNull("divergence criterion", divergence);
        return new StoppingCriteria(maxSteps, maxTime, targetLoss, targetRelativeLoss, gradientTolerance, divergence);
    }

    /** @param factor loss blow-up factor &gt; 1, see {@link DivergenceCriterion#withFactor} */
    public StoppingCriteria withDivergenceFactor(double factor) {
        return withDivergence(DivergenceCriterion.withFactor(factor));
    }

    /** Maximum number of steps. */
    public int maxSteps() {
        return maxSteps;
    }

    /** Flow-time horizon τ_max (+∞ if none). */
    public double maxTime() {
        return maxTime;
    }

    /** Target loss (0 = off). */
    public double targetLoss() {
        return targetLoss;
    }

    /** Target relative loss J/J_ref (0 = off). */
    public double targetRelativeLoss() {
        return targetRelativeLoss;
    }

    /** Stall tolerance on ‖∇J‖ (0 = off). */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /** The divergence test. */
    public DivergenceCriterion divergence() {
        return divergence;
    }

    @Override
    public String toString() {
        return "StoppingCriteria[maxSteps=" + maxSteps + ", maxTime=" + maxTime + ", targetLoss=" + targetLoss
                + ", targetRelativeLoss=" + targetRelativeLoss + ", gradientTolerance=" + gradientTolerance
                + ", divergenceFactor=" + divergence.factor() + "]";
    }
}
