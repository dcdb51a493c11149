package org.curseofmemory.train;

/**
 * Why a training run stopped. Every {@link TrainingResult} carries exactly one reason plus a
 * human-readable detail message (Hipparchus-style solver result, DESIGN.md).
 */
public enum StopReason {
    /** The target loss or target relative loss was reached. */
    CONVERGED,
    /** The step budget (maximum number of steps) was used up. */
    MAX_STEPS,
    /** The flow-time horizon τ_max was reached (gradient flow). */
    MAX_TIME,
    /**
     * The run blew up: a non-finite loss, gradient or parameter, or a loss larger than
     * {@code factor × initial loss}; see {@link DivergenceCriterion}. The result names the step and
     * the offending value.
     */
    DIVERGED,
    /** The gradient norm fell below the stall tolerance while the loss was still above target. */
    STALLED,
    /** A {@link TrainingListener} asked to stop. */
    STOPPED_BY_LISTENER
}
