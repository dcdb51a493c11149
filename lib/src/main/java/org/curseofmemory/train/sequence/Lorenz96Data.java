package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.signal.Lorenz96;
import org.curseofmemory.util.Validate;

/**
 * An input→output sequence task built on the Lorenz-96 system ({@link Lorenz96}). The curse-of-memory
 * paper uses Lorenz-96 as its nonlinear experiment (Li, Han, E &amp; Li, ICLR 2021 / JMLR 2022; docs/theory.md
 * §4.2, [summary]) but its exact set-up is not confirmed, so this construction is <b>the kit's</b> [kit]:
 * <ol>
 * <li>each sequence starts from {@link Lorenz96#randomState(long)} (seeds drawn from {@code new Random(seed)}),
 *     spun up for {@link #SPIN_UP_TIME} time units onto the attractor;</li>
 * <li>the <b>input</b> is site 0 of the trajectory, sampled every Δt = {@code target.dt()} (RK4 with
 *     internal step ≤ {@link #MAX_RK4_STEP}) and standardised to mean 0, variance 1 with the mean and standard
 *     deviation of all sampled values;</li>
 * <li>the <b>output</b> is the target functional applied to that input, e.g.
 *     {@code TargetFunctional.ofKernel(Kernels.airy(1, t0), dt)}: a read-out whose memory sits at lag ≈ t0,
 *     so the memory of the task is lengthened by moving t0, as in the linear plateau experiment.</li>
 * </ol>
 * The input is a chaotic, coloured signal (not white noise), so the data loss is no longer the kernel
 * distance of docs/theory.md §4.1.
 */
public final class Lorenz96Data {
    /** Time spent on the way to the attractor before recording. */
    public static final double SPIN_UP_TIME = 20;
    /** Largest RK4 step used between samples. */
    public static final double MAX_RK4_STEP = 0.01;
    /** An input whose standard deviation is below this fraction of max(1, |mean|) is refused as constant. */
    public static final double NEARLY_CONSTANT = 1e-8;
    /** Largest number of sequences accepted. */
    public static final int MAX_SEQUENCES = 100_000;
    /**
     * Largest total integration work, in RK4 site-steps: sequences·(spin-up steps + K·sub-steps)·n
     * (the cap of one {@link Lorenz96#advance} call, a few seconds).
     */
    public static final long MAX_SITE_STEPS = Lorenz96.MAX_SITE_STEPS;

    private Lorenz96Data() {
    }

    /**
     * @param system    the Lorenz-96 system, not null
     * @param target    the read-out functional, not null, input dimension 1; its Δt is the sample interval
     * @param sequences number of sequences, in [1, 100000]
     * @param steps     samples per sequence K ≥ 1; with the sequences, at most
     *                  {@link SequenceDataset#MAX_VALUES} values, {@link #MAX_SITE_STEPS} RK4 site-steps and
     *                  {@link SequenceDataset#MAX_TARGET_WORK} target work
     * @param seed      seed of the initial states
     * @throws IllegalStateException if the Lorenz-96 input is nearly constant (e.g. started at the fixed point of a stable F)
     */
    public static SequenceDataset of(Lorenz96 system, TargetFunctional target, int sequences, int steps, long seed) {
        Validate.notNull("Lorenz-96 system", system);
        Validate.notNull("target functional", target);
        if (target.inputDimension() != 1) {
            throw new KitArgumentException("target input dimension=" + target.inputDimension()
                    + " must be 1 (the input is one Lorenz-96 site)");
        }
        Validate.inRange("number of sequences", sequences, 1, MAX_SEQUENCES);
        Validate.atLeast("steps per sequence K", steps, 1);
        double dt = target.dt();
        SequenceDataset.checkSize("Lorenz-96 dataset", target, sequences, steps, 1);
        double subSteps = Math.max(1, Math.ceil(dt / MAX_RK4_STEP - 1e-9));
        double spinSteps = Math.ceil(SPIN_UP_TIME / (dt / subSteps));
        double work = sequences * (spinSteps + steps * subSteps) * system.dimension();
        if (!(work <= MAX_SITE_STEPS)) {
            throw new KitArgumentException("Lorenz-96 dataset of n=" + sequences + " sequences x K=" + steps
                    + " steps at dt=" + dt + " on a ring of " + system.dimension() + " sites would take"
                    + " n·(spin-up + K·" + (long) subSteps + " sub-steps)·sites=" + work + " RK4 site-steps, which must be"
                    + " <= MAX_SITE_STEPS=" + MAX_SITE_STEPS + "; use fewer sequences, fewer steps or a smaller ring");
        }
        int sub = (int) subSteps;
        double h = dt / sub;
        int spin = (int) Math.ceil(SPIN_UP_TIME / h);
        Random rng = new Random(seed);
        double[][] raw = new double[sequences][steps];
        double sum = 0, sumSq = 0;
        for (int s = 0; s < sequences; s++) {
            double[] x = system.advance(system.randomState(rng.nextLong()), h, spin);
            for (int k = 0; k < steps; k++) {
                x = system.advance(x, h, sub);
                raw[s][k] = x[0];
                sum += x[0];
                sumSq += x[0] * x[0];
            }
        }
        double count = (double) sequences * steps;
        double mean = sum / count;
        double sd = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
        if (!(sd > NEARLY_CONSTANT * Math.max(1, Math.abs(mean)))) {
            throw new IllegalStateException("Lorenz-96 input has standard deviation " + sd
                    + " (no dynamics to learn from: choose a forcing F with chaotic motion, e.g. F = 8)");
        }
        double[][] inputs = new double[sequences][steps];
        double[][] targets = new double[sequences][];
        for (int s = 0; s < sequences; s++) {
            for (int k = 0; k < steps; k++) inputs[s][k] = (raw[s][k] - mean) / sd;
            targets[s] = target.outputs(inputs[s]);
        }
        return SequenceDataset.of(inputs, targets, 1, dt);
    }
}
