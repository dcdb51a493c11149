package org.curseofmemory.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.curseofmemory.train.StoppingCriteria;
import org.curseofmemory.train.TrainingListener;
import org.curseofmemory.train.TrainingMonitor;
import org.curseofmemory.train.TrainingResult;
import org.curseofmemory.util.Validate;

/**
 * Mini-batch gradient descent on a {@link DataLoss}:
 * <pre>  θ_{k+1} = θ_k − η ∇L_{B_k}(θ_k),  </pre>
 * where the mini-batch B_k holds {@code batchSize} sequences taken in order from a random
 * permutation of the dataset, re-shuffled every epoch (a remainder smaller than a batch is
 * skipped). With batchSize = n this is plain full-batch gradient descent. On white-noise data and a
 * linear model, E[L] is the kernel loss, so this is a noisy discretisation of gradient flow on the
 * kernel loss (REFERENCE §4).
 *
 * <p>Shares the infrastructure of the kernel trainers: {@link StoppingCriteria}, listeners
 * ({@link TrainingListener}, e.g. {@code LossRecorder}) and the immutable {@link TrainingResult}
 * saying why it stopped (converged, max steps, diverged with the step and value, ...). The loss
 * seen by the listeners and the stopping tests at step k is the mini-batch loss L_{B_k}(θ_k) (the
 * exact loss for full batches); relative losses are L_{B_k}/L_ref with L_ref the loss of the zero
 * model on the whole dataset; time τ_k = k·η. If an update makes θ non-finite, the loss at that
 * step is reported as NaN and the run stops with DIVERGED.
 *
 * <p>Seeded: the batch order comes from {@code new Random(seed)}, so the same seed, data and θ_0
 * give identical results. Immutable; configure with {@code withX(...)}.
 */
public final class DataTrainer {
    private final double learningRate;
    private final int batchSize;
    private final long seed;
    private final StoppingCriteria criteria;
    private final List<TrainingListener> listeners;

    private DataTrainer(double learningRate, int batchSize, long seed, StoppingCriteria criteria,
                        List<TrainingListener> listeners) {
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.seed = seed;
        this.criteria = criteria;
        this.listeners = listeners;
    }

    /**
     * Mini-batch gradient descent with learning rate η and batch size B, seed 0 and the default
     * {@link StoppingCriteria}.
     *
     * @param learningRate η &gt; 0
     * @param batchSize    B ≥ 1 (at most the dataset size, checked in {@link #train})
     */
    public static DataTrainer miniBatch(double learningRate, int batchSize) {
        Validate.positive("learning rate", learningRate);
        Validate.atLeast("batch size", batchSize, 1);
        return new DataTrainer(learningRate, batchSize, 0L, StoppingCriteria.defaults(), List.of());
    }

    /** @param learningRate η &gt; 0 */
    public DataTrainer withLearningRate(double learningRate) {
        Validate.positive("learning rate", learningRate);
        return new DataTrainer(learningRate, batchSize, seed, criteria, listeners);
    }

    /** @param batchSize B ≥ 1 */
    public DataTrainer withBatchSize(int batchSize) {
        Validate.atLeast("batch size", batchSize, 1);
        return new DataTrainer(learningRate, batchSize, seed, criteria, listeners);
    }

    /** @param seed seed of the batch order */
    public DataTrainer withSeed(long seed) {
        return new DataTrainer(learningRate, batchSize, seed, criteria, listeners);
    }

    /** @param criteria stopping criteria, not null */
    public DataTrainer withStoppingCriteria(StoppingCriteria criteria) {
        Validate.notNull("stopping criteria", criteria);
        return new DataTrainer(learningRate, batchSize, seed, criteria, listeners);
    }

    /** Shortcut for {@code withStoppingCriteria(stoppingCriteria().withMaxSteps(maxSteps))}. */
    public DataTrainer withMaxSteps(int maxSteps) {
        return withStoppingCriteria(criteria.withMaxSteps(maxSteps));
    }

    /** A copy with one more listener (called after the existing ones). */
    public DataTrainer withListener(TrainingListener listener) {
        Validate.notNull("listener", listener);
        List<TrainingListener> more = new ArrayList<>(listeners);
        more.add(listener);
        return new DataTrainer(learningRate, batchSize, seed, criteria, List.copyOf(more));
    }

    /** A copy without listeners. */
    public DataTrainer withoutListeners() {
        return new DataTrainer(learningRate, batchSize, seed, criteria, List.of());
    }

    /** Learning rate η. */
    public double learningRate() {
        return learningRate;
    }

    /** Batch size B (sequences per step). */
    public int batchSize() {
        return batchSize;
    }

    /** Seed of the batch order. */
    public long seed() {
        return seed;
    }

    /** The stopping criteria in force. */
    public StoppingCriteria stoppingCriteria() {
        return criteria;
    }

    /** E.g. "MiniBatchGD(lr=0.05, batch=16, seed=0)". */
    public String name() {
        return String.format(Locale.ROOT, "MiniBatchGD(lr=%s, batch=%d, seed=%d)", learningRate, batchSize, seed);
    }

    /**
     * Trains from θ_0 drawn by {@code loss.model().initialParameters(random)}.
     *
     * @param loss   the data problem, not null
     * @param random source of θ_0, not null
     */
    public TrainingResult train(DataLoss loss, Random random) {
        Validate.notNull("data loss", loss);
        Validate.notNull("random", random);
        return train(loss, loss.model().initialParameters(random));
    }

    /**
     * Trains from the given θ_0 (copied).
     *
     * @param loss    the data problem, not null
     * @param initial θ_0, length {@code loss.dimension()}, finite
     * @throws IllegalArgumentException if the batch size exceeds the number of sequences
     */
    public TrainingResult train(DataLoss loss, double[] initial) {
        Validate.notNull("data loss", loss);
        Validate.finiteArray("initial parameters", initial, 0);
        Validate.length("initial parameters", initial, loss.dimension());
        int n = loss.data().size();
        if (batchSize > n) {
            throw new IllegalArgumentException("batch size=" + batchSize + " must be <= the number of sequences "
                    + n + " in the dataset");
        }
        if (!(loss.referenceLoss() > 0)) {
            throw new IllegalArgumentException("the targets are zero (reference loss=" + loss.referenceLoss()
                    + "): nothing to fit");
        }
        TrainingMonitor monitor = new TrainingMonitor(name(), criteria, listeners, loss.referenceLoss());
        Random order = new Random(seed);
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        int position = n; // forces a shuffle before the first batch
        int[] batch = new int[batchSize];
        boolean full = batchSize == n;
        double[] theta = initial.clone();
        double[] gradient = new double[theta.length];
        for (int k = 0; ; k++) {
            double value;
            if (full) {
                value = loss.valueAndGradient(theta, gradient);
            } else {
                if (position + batchSize > n) {
                    shuffle(permutation, order);
                    position = 0;
                }
                System.arraycopy(permutation, position, batch, 0, batchSize);
                position += batchSize;
                value = loss.valueAndGradient(theta, gradient, batch);
            }
            monitor.addGradientEvaluations(1);
            double norm = 0;
            for (double g : gradient) {
                norm += g * g;
            }
            norm = Math.sqrt(norm);
            if (monitor.observe(k, k * learningRate, value, norm, theta)) {
                break;
            }
            boolean finite = true;
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * gradient[i];
                finite &= Double.isFinite(theta[i]);
            }
            if (!finite) {
                // The loss at a non-finite θ is undefined: report it as NaN, which stops the run
                // with DIVERGED at step k + 1 (the last finite θ is kept in the result).
                monitor.observe(k + 1, (k + 1) * learningRate, Double.NaN, Double.NaN, theta);
                break;
            }
        }
        return monitor.finish();
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return name() + " " + criteria;
    }
}
