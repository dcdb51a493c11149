package org.curseofmemory.optim;

/**
 * Why an iterative solver stopped: the one stop vocabulary of the kit, shared by the trainers
 * (every {@link TrainingResult} carries exactly one reason plus a human-readable detail message,
 * in the style of Hipparchus' solver results) and the approximation solvers of
 * {@code org.curseofmemory.approx} (an {@code Approximant} says why its β search or rate
 * optimisation stopped).
 */
public enum StopReason {
    /** The target loss, target relative loss or search tolerance was reached. */
    CONVERGED,
    /** Nothing to iterate: one (or a fixed number of reweighted) linear least-squares solves. */
    LINEAR_SOLVE,
    /** The step or iteration budget was used up. */
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
