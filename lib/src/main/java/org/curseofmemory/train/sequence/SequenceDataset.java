package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.util.Validate;

/**
 * A training set of n input/output sequence pairs (x⁽ⁱ⁾, y⁽ⁱ⁾ = H(x⁽ⁱ⁾)) of K samples each at
 * interval Δt, with inputs of dimension d (flat, x_k at offset k·d) and scalar outputs, in the
 * conventions of {@link DiscreteRnn}. For white-noise inputs (i.i.d. N(0, 1/Δt) per step,
 * docs/theory.md §4) the data loss of a linear model estimates the kernel loss, see {@link DataLoss}.
 * Immutable; accessors return copies.
 */
public final class SequenceDataset {
    /** Largest number of input values n·K·d a generated dataset may hold (80 MB of doubles). */
    public static final long MAX_VALUES = 10_000_000L;
    /**
     * Largest work for computing the targets of a generated dataset, in multiply-adds: n·K(K+1)/2
     * for a kernel target (O(K²) per sequence), n·K·m(m + d + 1) for a teacher RNN of width m, n·K
     * otherwise (about a second or two at the maximum).
     */
    public static final double MAX_TARGET_WORK = 1e9;

    private final double[][] inputs;
    private final double[][] targets;
    private final int inputDimension;
    private final double dt;
    private final String name;

    private SequenceDataset(double[][] inputs, double[][] targets, int inputDimension, double dt, String name) {
        this.inputs = inputs;
        this.targets = targets;
        this.inputDimension = inputDimension;
        this.dt = dt;
        this.name = name;
    }

    /**
     * n white-noise input sequences x_k ~ N(0, 1/Δt) i.i.d. (see {@link WhiteNoise}) with targets
     * y = H(x), all drawn from {@code new Random(seed)}: same seed ⇒ identical data.
     *
     * @param target    the target functional H (its Δt and d are used), not null
     * @param sequences n ≥ 1
     * @param steps     K ≥ 1 samples per sequence, with n·K·d ≤ {@link #MAX_VALUES} and the target
     *                  work within {@link #MAX_TARGET_WORK}
     * @param seed      random seed
     */
    public static SequenceDataset whiteNoise(TargetFunctional target, int sequences, int steps, long seed) {
        Validate.notNull("target functional", target);
        Validate.atLeast("number of sequences", sequences, 1);
        Validate.atLeast("steps K", steps, 1);
        checkSize("white-noise dataset", target, sequences, steps, target.inputDimension());
        Random random = new Random(seed);
        int d = target.inputDimension();
        double[][] x = new double[sequences][];
        double[][] y = new double[sequences][];
        for (int i = 0; i < sequences; i++) {
            x[i] = WhiteNoise.sample(steps, d, target.dt(), random);
            y[i] = checkedTargets(target, x[i], steps, i);
        }
        return new SequenceDataset(x, y, d, target.dt(), "white noise -> " + target.name() + " (seed " + seed + ")");
    }

    /**
     * A dataset from explicit sequences (copied).
     *
     * @param inputs         n ≥ 1 flat inputs, each of length K·d, same K for all, finite
     * @param targets        n outputs, each of length K, finite
     * @param inputDimension d ≥ 1
     * @param dt             Δt &gt; 0
     */
    public static SequenceDataset of(double[][] inputs, double[][] targets, int inputDimension, double dt) {
        Validate.notNull("inputs", inputs);
        Validate.notNull("targets", targets);
        Validate.atLeast("input dimension d", inputDimension, 1);
        Validate.positive("sample interval dt", dt);
        if (inputs.length < 1) {
            throw new KitArgumentException("inputs must hold at least 1 sequence but is empty (0 sequences)");
        }
        if (targets.length != inputs.length) {
            throw new KitArgumentException("targets has " + targets.length + " sequences but must have as many as"
                    + " inputs (" + inputs.length + ")");
        }
        Validate.finiteArray("targets[0]", targets[0], 1);
        int steps = targets[0].length;
        long inputLength = (long) steps * inputDimension;
        double[][] x = new double[inputs.length][];
        double[][] y = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            Validate.finiteArray("inputs[" + i + "]", inputs[i], 1);
            if (inputs[i].length != inputLength) {
                throw new KitArgumentException("inputs[" + i + "] has length " + inputs[i].length + " but must have"
                        + " length " + inputLength + " (K·d: K=" + steps + " steps, as in targets[0], times input"
                        + " dimension d=" + inputDimension + ")");
            }
            Validate.finiteArray("targets[" + i + "]", targets[i], 1);
            Validate.length("targets[" + i + "]", targets[i], steps);
            x[i] = inputs[i].clone();
            y[i] = targets[i].clone();
        }
        return new SequenceDataset(x, y, inputDimension, dt, "explicit data");
    }

    /**
     * Refuses a generated dataset of n sequences × K steps (input dimension d) whose values exceed
     * {@link #MAX_VALUES} or whose targets would cost more than {@link #MAX_TARGET_WORK}.
     */
    static void checkSize(String what, TargetFunctional target, int sequences, int steps, int d) {
        double values = (double) sequences * steps * d;
        if (values > MAX_VALUES) {
            throw new KitArgumentException(what + " of n=" + sequences + " sequences x K=" + steps + " steps x d=" + d
                    + " would hold n·K·d=" + (long) values + " input values, which must be <= MAX_VALUES="
                    + MAX_VALUES + "; use fewer sequences or fewer steps");
        }
        double k = steps;
        String cost;
        double work;
        if (target instanceof KernelTarget) {
            work = sequences * (k * (k + 1) / 2);
            cost = "n·K(K+1)/2 (a kernel target costs O(K²) per sequence)";
        } else if (target instanceof RnnTarget teacher) {
            work = sequences * k * teacher.workPerStep();
            cost = "n·K·m(m + d + 1) (a teacher RNN of width m)";
        } else {
            work = sequences * k;
            cost = "n·K";
        }
        if (work > MAX_TARGET_WORK) {
            throw new KitArgumentException(what + " of n=" + sequences + " sequences x K=" + steps + " steps would cost "
                    + cost + "=" + work + " multiply-adds for its targets, which must be <= MAX_TARGET_WORK="
                    + MAX_TARGET_WORK + "; use fewer sequences or fewer steps");
        }
    }

    private static double[] checkedTargets(TargetFunctional target, double[] x, int steps, int index) {
        double[] y = target.outputs(x);
        if (y == null || y.length != steps) {
            throw new KitArgumentException("target functional " + target.name() + " returned "
                    + (y == null ? "null" : y.length + " outputs") + " for sequence " + index + " but must return "
                    + steps);
        }
        for (int k = 0; k < steps; k++) {
            if (!Double.isFinite(y[k])) {
                throw new KitArgumentException("target functional " + target.name() + " returned y[" + k + "]="
                        + y[k] + " for sequence " + index + "; targets must be finite");
            }
        }
        return y;
    }

    /** Number n of sequences. */
    public int size() {
        return inputs.length;
    }

    /** Samples K per sequence. */
    public int steps() {
        return targets[0].length;
    }

    /** Input dimension d. */
    public int inputDimension() {
        return inputDimension;
    }

    /** Sample interval Δt. */
    public double dt() {
        return dt;
    }

    /** Input sequence i (a copy, flat, length K·d). */
    public double[] input(int i) {
        Validate.inRange("sequence index", i, 0, inputs.length - 1);
        return inputs[i].clone();
    }

    /** Target sequence i (a copy, length K). */
    public double[] target(int i) {
        Validate.inRange("sequence index", i, 0, inputs.length - 1);
        return targets[i].clone();
    }

    double[] rawInput(int i) {
        return inputs[i];
    }

    double[] rawTarget(int i) {
        return targets[i];
    }

    @Override
    public String toString() {
        return "SequenceDataset[" + inputs.length + " sequences x " + steps() + " steps, d=" + inputDimension
                + ", dt=" + dt + ", " + name + "]";
    }
}
