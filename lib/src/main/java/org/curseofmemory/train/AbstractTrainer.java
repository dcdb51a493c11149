package org.curseofmemory.train;

import java.util.ArrayList;
import java.util.List;
import org.curseofmemory.util.Validate;

/**
 * Common configuration of the trainers: {@link StoppingCriteria} and listeners, with fluent
 * immutable setters returning the concrete trainer type. Subclasses implement
 * {@link #minimize(LossFunction, double[], double)} using a {@link TrainingMonitor}.
 *
 * @param <T> the concrete trainer type
 */
public abstract class AbstractTrainer<T extends AbstractTrainer<T>> implements Trainer {
    private final StoppingCriteria criteria;
    private final List<TrainingListener> listeners;

    /**
     * @param criteria  stopping criteria
     * @param listeners listeners, called in order (copied)
     */
    protected AbstractTrainer(StoppingCriteria criteria, List<TrainingListener> listeners) {
        this.criteria = criteria;
        this.listeners = List.copyOf(listeners);
    }

    /** A copy of this trainer with other criteria and listeners (same hyper-parameters). */
    protected abstract T copy(StoppingCriteria criteria, List<TrainingListener> listeners);

    @Override
    public StoppingCriteria stoppingCriteria() {
        return criteria;
    }

    /** The listeners, in call order (unmodifiable). */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    @Override
    public T withStoppingCriteria(StoppingCriteria newCriteria) {
        Validate.notNull("stopping criteria", newCriteria);
        return copy(newCriteria, listeners);
    }

    /** A copy with at most {@code maxSteps} steps (≥ 1); see {@link StoppingCriteria#withMaxSteps}. */
    public T withMaxSteps(int maxSteps) {
        return copy(criteria.withMaxSteps(maxSteps), listeners);
    }

    /** A copy stopping with CONVERGED once J ≤ targetLoss (≥ 0, 0 = off). */
    public T withTargetLoss(double targetLoss) {
        return copy(criteria.withTargetLoss(targetLoss), listeners);
    }

    /** A copy stopping with CONVERGED once J/J_ref ≤ target (in [0, 1], 0 = off). */
    public T withTargetRelativeLoss(double target) {
        return copy(criteria.withTargetRelativeLoss(target), listeners);
    }

    /** A copy stopping with STALLED once ‖∇J‖ &lt; tolerance (≥ 0, 0 = off). */
    public T withGradientTolerance(double tolerance) {
        return copy(criteria.withGradientTolerance(tolerance), listeners);
    }

    /** A copy declaring DIVERGED once J &gt; factor × J(θ_0) (factor &gt; 1) or on NaN/∞. */
    public T withDivergenceFactor(double factor) {
        return copy(criteria.withDivergenceFactor(factor), listeners);
    }

    @Override
    public T withListener(TrainingListener listener) {
        Validate.notNull("listener", listener);
        List<TrainingListener> l = new ArrayList<>(listeners);
        l.add(listener);
        return copy(criteria, l);
    }

    @Override
    public T withoutListeners() {
        return copy(criteria, List.of());
    }

    @Override
    public TrainingResult minimize(LossFunction loss, double[] initial) {
        checkStart(loss, initial);
        return run(loss, initial.clone(), new TrainingMonitor(name(), criteria, listeners));
    }

    @Override
    public TrainingResult minimize(LossFunction loss, double[] initial, double referenceLoss) {
        checkStart(loss, initial);
        return run(loss, initial.clone(), new TrainingMonitor(name(), criteria, listeners, referenceLoss));
    }

    /**
     * The optimisation loop: evaluate, {@code monitor.observe(...)}, update, until observe returns
     * {@code true}; then {@code return monitor.finish()}.
     *
     * @param theta a private copy of θ_0, free to overwrite
     */
    protected abstract TrainingResult run(LossFunction loss, double[] theta, TrainingMonitor monitor);

    private static void checkStart(LossFunction loss, double[] initial) {
        Validate.notNull("loss function", loss);
        Validate.finiteArray("initial parameters", initial, 0);
        Validate.length("initial parameters", initial, loss.dimension());
    }

    /** Euclidean norm. */
    protected static double norm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return name() + " " + criteria;
    }
}
