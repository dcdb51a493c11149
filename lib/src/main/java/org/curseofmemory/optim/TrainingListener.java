package org.curseofmemory.optim;

/**
 * Step handler of a training run (Hipparchus-style): called once per recorded step, in order,
 * from the thread that runs the trainer. Return {@code true} from {@link #onStep} to request a
 * stop; the run then ends with {@link StopReason#STOPPED_BY_LISTENER} (unless a stronger reason,
 * convergence, applies at the same step).
 *
 * <p>Listeners may keep state (e.g. {@link LossRecorder}); {@link #onStart()} is called before the
 * first step so that a listener can be reused for several runs. Do not share one stateful listener
 * between runs executing in parallel.
 */
@FunctionalInterface
public interface TrainingListener {

    /** Called once before step 0. Default: nothing. */
    default void onStart() {
    }

    /**
     * Called after each step.
     *
     * @param step the step just taken (the θ view is valid only during the call)
     * @return {@code true} to request a stop
     */
    boolean onStep(TrainingStep step);

    /** Called once with the final result. Default: nothing. */
    default void onFinish(TrainingResult result) {
    }
}
