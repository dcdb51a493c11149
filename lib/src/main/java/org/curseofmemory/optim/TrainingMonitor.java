package org.curseofmemory.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * The bookkeeping shared by every trainer loop: after each step the trainer calls
 * {@link #observe}; the monitor records the history, runs the divergence test, calls the
 * listeners and applies the {@link StoppingCriteria}; at the end {@link #finish()} returns the
 * immutable {@link TrainingResult}. Public so that other trainers (e.g. on data) reuse exactly the
 * same stop logic. One monitor serves one run; it is not thread-safe.
 *
 * <p>Order of the tests at step k: divergence (the step is then not recorded and listeners are not
 * called), then the listeners, then CONVERGED, STOPPED_BY_LISTENER, STALLED, MAX_STEPS, MAX_TIME.
 */
public final class TrainingMonitor {
    private final String trainerName;
    private final StoppingCriteria criteria;
    private final List<TrainingListener> listeners;
    private final double givenReference;
    private final long startNanos;

    private double referenceLoss = Double.NaN;
    private double initialLoss = Double.NaN;
    private int[] steps = new int[64];
    private double[] times = new double[64];
    private double[] losses = new double[64];
    private double[] gradNorms = new double[64];
    private int size;
    private double[] lastGoodTheta;
    private int lastStep = -1;
    private long gradientEvaluations;
    private StopReason reason;
    private String message;
    private Divergence divergence;
    private TrainingResult result;

    /**
     * A monitor whose relative loss is J/J(θ_0).
     *
     * @param trainerName name used in the result
     * @param criteria    stopping criteria
     * @param listeners   listeners, called in order
     */
    public TrainingMonitor(String trainerName, StoppingCriteria criteria, List<TrainingListener> listeners) {
        this(trainerName, criteria, listeners, Double.NaN, false);
    }

    /**
     * A monitor whose relative loss is J/J_ref.
     *
     * @param referenceLoss J_ref &gt; 0, e.g. ½ Σ w_i ρ(t_i)² (the loss of the zero model)
     */
    public TrainingMonitor(String trainerName, StoppingCriteria criteria, List<TrainingListener> listeners,
                           double referenceLoss) {
        this(trainerName, criteria, listeners, Validate.positive("reference loss", referenceLoss), true);
    }

    private TrainingMonitor(String trainerName, StoppingCriteria criteria, List<TrainingListener> listeners,
                            double reference, boolean hasReference) {
        this.trainerName = Validate.notNull("trainer name", trainerName);
        this.criteria = Validate.notNull("stopping criteria", criteria);
        Validate.notNull("listeners", listeners);
        for (TrainingListener l : listeners) {
            Validate.notNull("listener", l);
        }
        this.listeners = List.copyOf(listeners);
        this.givenReference = hasReference ? reference : Double.NaN;
        this.startNanos = System.nanoTime();
        for (TrainingListener l : this.listeners) {
            l.onStart();
        }
    }

    /** Adds n to the count of loss-and-gradient evaluations reported in the result. */
    public void addGradientEvaluations(int n) {
        gradientEvaluations += n;
    }

    /**
     * Records step k and decides whether to stop.
     *
     * @param step         step index k (0 = initial parameters), increasing
     * @param time         time τ_k
     * @param loss         J(θ_k)
     * @param gradientNorm ‖∇J(θ_k)‖
     * @param theta        θ_k, not null, the same length at every step (copied if the step is accepted)
     * @return {@code true} if the run must stop now
     */
    public boolean observe(int step, double time, double loss, double gradientNorm, double[] theta) {
        if (reason != null) {
            throw new IllegalStateException("training already stopped (" + reason + "): " + message);
        }
        Validate.notNull("parameters theta", theta);
        if (lastGoodTheta != null && theta.length != lastGoodTheta.length) {
            throw new KitArgumentException("parameters theta has length " + theta.length + " but must have length "
                    + lastGoodTheta.length + " (the length observed at the first step)");
        }
        lastStep = step;
        if (size == 0) {
            initialLoss = loss;
        }
        Optional<Divergence> d = criteria.divergence().check(step, loss, initialLoss, gradientNorm, theta);
        if (d.isPresent()) {
            divergence = d.get();
            if (lastGoodTheta == null) {
                lastGoodTheta = theta.clone();
            }
            reason = StopReason.DIVERGED;
            message = divergence.message();
            return true;
        }
        if (size == 0) {
            referenceLoss = Double.isNaN(givenReference) ? (loss > 0 ? loss : 1.0) : givenReference;
        }
        double rel = loss / referenceLoss;
        append(step, time, loss, gradientNorm);
        if (lastGoodTheta == null) {
            lastGoodTheta = theta.clone();
        } else {
            System.arraycopy(theta, 0, lastGoodTheta, 0, theta.length);
        }
        boolean listenerStop = false;
        if (!listeners.isEmpty()) {
            TrainingStep view = new TrainingStep(step, time, loss, rel, gradientNorm, theta);
            for (TrainingListener l : listeners) {
                listenerStop |= l.onStep(view);
            }
        }
        if (loss <= criteria.targetLoss()) {
            return stop(StopReason.CONVERGED, "converged at step " + step + ": loss=" + loss
                    + " <= target loss " + criteria.targetLoss());
        }
        if (rel <= criteria.targetRelativeLoss()) {
            return stop(StopReason.CONVERGED, "converged at step " + step + ": relative loss=" + rel
                    + " <= target relative loss " + criteria.targetRelativeLoss());
        }
        if (listenerStop) {
            return stop(StopReason.STOPPED_BY_LISTENER, "stopped by a listener at step " + step
                    + " with loss=" + loss + ", relative loss=" + rel);
        }
        if (gradientNorm < criteria.gradientTolerance()) {
            return stop(StopReason.STALLED, "stalled at step " + step + ": gradient norm=" + gradientNorm
                    + " < tolerance " + criteria.gradientTolerance() + " with relative loss=" + rel);
        }
        if (step >= criteria.maxSteps()) {
            return stop(StopReason.MAX_STEPS, "reached maxSteps=" + criteria.maxSteps() + " with loss=" + loss
                    + ", relative loss=" + rel);
        }
        if (time >= criteria.maxTime()) {
            return stop(StopReason.MAX_TIME, "reached maxTime=" + criteria.maxTime() + " at step " + step
                    + " with loss=" + loss + ", relative loss=" + rel);
        }
        return false;
    }

    /**
     * Stops the run for a reason found by the trainer itself (e.g. an ODE step size underflow).
     *
     * @return {@code true}
     */
    public boolean stop(StopReason why, String detail) {
        Validate.notNull("stop reason", why);
        Validate.notNull("stop message", detail);
        if (reason == null) {
            reason = why;
            message = detail;
        }
        return true;
    }

    /** Whether a stop has been decided. */
    public boolean stopped() {
        return reason != null;
    }

    /** The stopping criteria in force. */
    public StoppingCriteria criteria() {
        return criteria;
    }

    /**
     * The immutable result; calls the listeners' {@code onFinish}. Idempotent.
     *
     * @throws IllegalStateException if no stop has been decided or no step was recorded
     */
    public TrainingResult finish() {
        if (result != null) {
            return result;
        }
        if (reason == null) {
            throw new IllegalStateException("finish() must not be called before the run stopped (observe(...)"
                    + " returned true or stop(...) was called)");
        }
        if (lastGoodTheta == null) {
            throw new IllegalStateException("finish() must not be called before observe(...) recorded a step");
        }
        result = new TrainingResult(trainerName, lastGoodTheta.clone(), lastStep, reason, message, divergence,
                Arrays.copyOf(steps, size), Arrays.copyOf(times, size), Arrays.copyOf(losses, size),
                Arrays.copyOf(gradNorms, size), initialLoss, size == 0 ? 1.0 : referenceLoss,
                gradientEvaluations, System.nanoTime() - startNanos);
        for (TrainingListener l : listeners) {
            l.onFinish(result);
        }
        return result;
    }

    private void append(int step, double time, double loss, double gradNorm) {
        if (size == steps.length) {
            int n = 2 * size;
            steps = Arrays.copyOf(steps, n);
            times = Arrays.copyOf(times, n);
            losses = Arrays.copyOf(losses, n);
            gradNorms = Arrays.copyOf(gradNorms, n);
        }
        steps[size] = step;
        times[size] = time;
        losses[size] = loss;
        gradNorms[size] = gradNorm;
        size++;
    }
}
