package org.curseofmemory.optim;

import org.curseofmemory.util.KitArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.curseofmemory.util.Validate;

/**
 * The one configuration and stopping logic of the kit's optimisers: {@link StoppingCriteria},
 * listeners and, for the discrete trainers, mini-batches (batch size and the seed of the batch
 * order), with fluent immutable setters returning the concrete trainer type. Subclasses implement
 * {@link #run} using a {@link TrainingMonitor} (the single place where steps are recorded and
 * stops decided) and {@link #evaluate} (full loss or the next mini-batch).
 *
 * @param <T> the concrete trainer type
 */
public abstract class AbstractTrainer<T extends AbstractTrainer<T>> implements Trainer {

    /**
     * The settings every trainer shares: stopping criteria, listeners (in call order), batch size
     * (0 = the full loss) and the seed of the batch order.
     */
    protected record Settings(StoppingCriteria criteria, List<TrainingListener> listeners, int batchSize,
                              long seed) {
        /** Default criteria, no listeners, full batches, seed 0. */
        public static final Settings DEFAULT = new Settings(StoppingCriteria.defaults(), List.of(), 0, 0L);

        public Settings {
            Validate.notNull("stopping criteria", criteria);
            listeners = List.copyOf(listeners);
        }
    }

    private final Settings settings;

    protected AbstractTrainer(Settings settings) {
        this.settings = settings;
    }

    /** A copy of this trainer with other settings (same hyper-parameters). */
    protected abstract T copy(Settings settings);

    /** The shared settings. */
    protected Settings settings() {
        return settings;
    }

    /** Whether the trainer can step on mini-batches (discrete trainers: yes; gradient flow: no). */
    protected boolean supportsMiniBatches() {
        return true;
    }

    @Override
    public StoppingCriteria stoppingCriteria() {
        return settings.criteria();
    }

    /** The listeners, in call order (unmodifiable). */
    public List<TrainingListener> listeners() {
        return settings.listeners();
    }

    /** Batch size B (0 = full loss). */
    public int batchSize() {
        return settings.batchSize();
    }

    /** Seed of the batch order. */
    public long seed() {
        return settings.seed();
    }

    private T with(StoppingCriteria c) {
        return copy(new Settings(c, settings.listeners(), settings.batchSize(), settings.seed()));
    }

    @Override
    public T withStoppingCriteria(StoppingCriteria newCriteria) {
        Validate.notNull("stopping criteria", newCriteria);
        return with(newCriteria);
    }

    /** A copy with at most {@code maxSteps} steps (≥ 1); see {@link StoppingCriteria#withMaxSteps}. */
    public T withMaxSteps(int maxSteps) {
        return with(stoppingCriteria().withMaxSteps(maxSteps));
    }

    /** A copy stopping with CONVERGED once J ≤ targetLoss (≥ 0, 0 = off). */
    public T withTargetLoss(double targetLoss) {
        return with(stoppingCriteria().withTargetLoss(targetLoss));
    }

    /** A copy stopping with CONVERGED once J/J_ref ≤ target (in [0, 1], 0 = off). */
    public T withTargetRelativeLoss(double target) {
        return with(stoppingCriteria().withTargetRelativeLoss(target));
    }

    /** A copy stopping with STALLED once ‖∇J‖ &lt; tolerance (≥ 0, 0 = off). */
    public T withGradientTolerance(double tolerance) {
        return with(stoppingCriteria().withGradientTolerance(tolerance));
    }

    /** A copy declaring DIVERGED once J &gt; factor × J(θ_0) (factor &gt; 1) or on NaN/∞. */
    public T withDivergenceFactor(double factor) {
        return with(stoppingCriteria().withDivergenceFactor(factor));
    }

    /**
     * A copy stepping on mini-batches of B samples of a {@link BatchLoss}: the batches are taken
     * in order from a random permutation of the samples, re-shuffled every epoch (a remainder
     * smaller than a batch is skipped); B equal to the number of samples is the full loss. The
     * loss seen by listeners and stopping tests is the mini-batch loss.
     *
     * @param batchSize B ≥ 1 (at most the number of samples, checked when training)
     */
    public T withBatchSize(int batchSize) {
        Validate.atLeast("batch size", batchSize, 1);
        if (!supportsMiniBatches()) {
            throw new KitArgumentException("batch size=" + batchSize + ": " + name()
                    + " follows the full loss and cannot step on mini-batches");
        }
        return copy(new Settings(settings.criteria(), settings.listeners(), batchSize, settings.seed()));
    }

    /** A copy whose batch order comes from {@code new Random(seed)}. */
    public T withSeed(long seed) {
        return copy(new Settings(settings.criteria(), settings.listeners(), settings.batchSize(), seed));
    }

    @Override
    public T withListener(TrainingListener listener) {
        Validate.notNull("listener", listener);
        List<TrainingListener> l = new ArrayList<>(settings.listeners());
        l.add(listener);
        return copy(new Settings(settings.criteria(), l, settings.batchSize(), settings.seed()));
    }

    @Override
    public T withoutListeners() {
        return copy(new Settings(settings.criteria(), List.of(), settings.batchSize(), settings.seed()));
    }

    @Override
    public TrainingResult minimize(LossFunction loss, double[] initial) {
        checkStart(loss, initial);
        return run(loss, initial.clone(), new TrainingMonitor(name(), settings.criteria(), settings.listeners()));
    }

    @Override
    public TrainingResult minimize(LossFunction loss, double[] initial, double referenceLoss) {
        checkStart(loss, initial);
        return run(loss, initial.clone(),
                new TrainingMonitor(name(), settings.criteria(), settings.listeners(), referenceLoss));
    }

    /**
     * The optimisation loop: {@link #evaluate}, {@code monitor.observe(...)}, update, until observe
     * returns {@code true}; then {@code return monitor.finish()}.
     *
     * @param theta a private copy of θ_0, free to overwrite
     */
    protected abstract TrainingResult run(LossFunction loss, double[] theta, TrainingMonitor monitor);

    /**
     * The loop shared by the discrete trainers: at step k, J and ∇J at θ_k (full loss or the next
     * mini-batch), {@code monitor.observe}, then {@code update.accept(k, gradient)} moves θ in
     * place. If an update leaves θ non-finite, the loss there is reported as NaN, which stops the
     * run with DIVERGED at step k + 1 (the last finite θ is kept in the result).
     *
     * @param timeStep τ_k = k·timeStep
     */
    protected final TrainingResult discreteLoop(LossFunction loss, double[] theta, TrainingMonitor monitor,
                                                double timeStep, Update update) {
        Batches batches = new Batches(loss);
        double[] g = new double[theta.length];
        for (int k = 0; ; k++) {
            double value = batches.evaluate(theta, g);
            monitor.addGradientEvaluations(1);
            if (monitor.observe(k, k * timeStep, value, norm(g), theta)) {
                return monitor.finish();
            }
            update.apply(k, g);
            for (double x : theta) {
                if (!Double.isFinite(x)) {
                    monitor.observe(k + 1, (k + 1) * timeStep, Double.NaN, Double.NaN, theta);
                    return monitor.finish();
                }
            }
        }
    }

    /** One update of θ in place, given the gradient at step k. */
    @FunctionalInterface
    protected interface Update {
        void apply(int step, double[] gradient);
    }

    /** The batch order of one run: the full loss, or mini-batches from a seeded permutation. */
    private final class Batches {
        private final LossFunction loss;
        private final BatchLoss batchLoss;
        private final Random order;
        private final int[] permutation;
        private final int[] batch;
        private int position;

        Batches(LossFunction loss) {
            this.loss = loss;
            int b = settings.batchSize();
            int n = 0;
            if (b > 0) {
                if (!(loss instanceof BatchLoss)) {
                    throw new KitArgumentException("batch size=" + b + " needs a loss over samples (a BatchLoss) but "
                            + loss.getClass().getSimpleName() + " is not one");
                }
                n = ((BatchLoss) loss).sampleCount();
                Validate.inRange("batch size", b, 1, n);
            }
            boolean mini = b > 0 && b < n;
            this.batchLoss = mini ? (BatchLoss) loss : null;
            this.order = mini ? new Random(settings.seed()) : null;
            this.permutation = mini ? new int[n] : null;
            this.batch = mini ? new int[b] : null;
            if (mini) {
                for (int i = 0; i < n; i++) {
                    permutation[i] = i;
                }
            }
            this.position = n; // forces a shuffle before the first batch
        }

        double evaluate(double[] theta, double[] g) {
            if (batchLoss == null) {
                return loss.valueAndGradient(theta, g);
            }
            int n = permutation.length;
            if (position + batch.length > n) {
                for (int i = n - 1; i > 0; i--) {
                    int j = order.nextInt(i + 1);
                    int t = permutation[i];
                    permutation[i] = permutation[j];
                    permutation[j] = t;
                }
                position = 0;
            }
            System.arraycopy(permutation, position, batch, 0, batch.length);
            position += batch.length;
            return batchLoss.valueAndGradient(theta, g, batch);
        }
    }

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

    /** A name with the batch settings appended when mini-batches are on, e.g. ", batch=4, seed=0". */
    protected String batchSuffix() {
        return settings.batchSize() > 0 ? ", batch=" + settings.batchSize() + ", seed=" + settings.seed() : "";
    }

    @Override
    public String toString() {
        return name() + " " + stoppingCriteria();
    }
}
