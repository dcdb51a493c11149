package org.curseofmemory.train;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.optim.LossFunction;
import org.curseofmemory.optim.OptimizationProblem;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;

/**
 * A kernel-fitting problem (docs/theory.md §4): a {@link KernelModel}, a quadrature {@link Grid}, the
 * target kernel ρ sampled once on the grid nodes, and the initial parameters θ_0 (explicit, or
 * drawn by {@link KernelModel#initialParameters(Random)} from a seed). The loss is
 * <pre>  J(θ) = ½ Σ_i w_i (ρ̂_θ(t_i) − ρ(t_i))²,  J_ref = ½ Σ_i w_i ρ(t_i)²  </pre>
 * (J_ref is the loss of the zero model; relative loss = J/J_ref). Immutable.
 */
public final class TrainingProblem implements OptimizationProblem {
    private final KernelModel model;
    private final Grid grid;
    private final double[] target;
    private final String targetName;
    private final double[] initial;
    private final double referenceLoss;
    private final long seed;
    private final boolean seeded;

    private TrainingProblem(KernelModel model, Grid grid, double[] target, String targetName, double[] initial,
                            double referenceLoss, long seed, boolean seeded) {
        this.model = model;
        this.grid = grid;
        this.target = target;
        this.targetName = targetName;
        this.initial = initial;
        this.referenceLoss = referenceLoss;
        this.seed = seed;
        this.seeded = seeded;
    }

    /**
     * The problem of fitting {@code target} with {@code model} on {@code grid}, from θ_0 drawn with
     * {@code new Random(seed)}.
     */
    public static TrainingProblem of(KernelModel model, Grid grid, MemoryKernel target, long seed) {
        Validate.notNull("target kernel", target);
        Validate.notNull("grid", grid);
        return ofSamples(model, grid, grid.sample(target), target.name(), seed);
    }

    /**
     * Same as {@link #of} with the target given by its values on the grid nodes (copied).
     *
     * @param targetName a name for tables and messages
     */
    public static TrainingProblem ofSamples(KernelModel model, Grid grid, double[] targetValues, String targetName,
                                            long seed) {
        Validate.notNull("kernel model", model);
        Validate.notNull("grid", grid);
        Validate.finiteArray("target values", targetValues, 1);
        Validate.length("target values", targetValues, grid.size());
        Validate.notNull("target name", targetName);
        double[] y = targetValues.clone();
        double ref = 0;
        for (int i = 0; i < y.length; i++) {
            ref += 0.5 * grid.weight(i) * y[i] * y[i];
        }
        if (!(ref > 0)) {
            throw new KitArgumentException("target kernel " + targetName
                    + " is zero on the grid (reference loss=" + ref + "): nothing to fit");
        }
        double[] theta0 = model.initialParameters(new Random(seed));
        return new TrainingProblem(model, grid, y, targetName, theta0, ref, seed, true);
    }

    /** A copy whose θ_0 is drawn with {@code new Random(seed)}. */
    @Override
    public TrainingProblem withSeed(long seed) {
        return new TrainingProblem(model, grid, target, targetName, model.initialParameters(new Random(seed)),
                referenceLoss, seed, true);
    }

    /** A copy starting from the given θ_0 (copied, length {@code model.parameterCount()}, finite). */
    public TrainingProblem withInitialParameters(double[] theta0) {
        Validate.finiteArray("initial parameters", theta0, 0);
        Validate.length("initial parameters", theta0, model.parameterCount());
        return new TrainingProblem(model, grid, target, targetName, theta0.clone(), referenceLoss, 0, false);
    }

    /** A copy with another model (θ_0 re-drawn from the same seed, or from seed 0 if θ_0 was explicit). */
    public TrainingProblem withModel(KernelModel other) {
        Validate.notNull("kernel model", other);
        long s = seeded ? seed : 0;
        return new TrainingProblem(other, grid, target, targetName, other.initialParameters(new Random(s)),
                referenceLoss, s, true);
    }

    /** The model ρ̂_θ. */
    public KernelModel model() {
        return model;
    }

    /** The quadrature grid. */
    public Grid grid() {
        return grid;
    }

    /** ρ(t_i) on the grid nodes (a copy). */
    public double[] target() {
        return target.clone();
    }

    /** Name of the target kernel. */
    public String targetName() {
        return targetName;
    }

    /** θ_0 (a copy). */
    @Override
    public double[] initialParameters() {
        return initial.clone();
    }

    /** J_ref = ½ Σ w_i ρ(t_i)². */
    @Override
    public double referenceLoss() {
        return referenceLoss;
    }

    /** J(θ) for this problem. */
    public double loss(double[] theta) {
        checkTheta(theta);
        return model.lossAndGradient(theta, grid, target, null);
    }

    /** J(θ)/J_ref. */
    public double relativeLoss(double[] theta) {
        return loss(theta) / referenceLoss;
    }

    /** ∇J(θ) as a new array. */
    public double[] gradient(double[] theta) {
        checkTheta(theta);
        double[] g = new double[model.parameterCount()];
        model.lossAndGradient(theta, grid, target, g);
        return g;
    }

    /** The model kernel ρ̂_θ on the grid nodes. */
    public double[] modelKernel(double[] theta) {
        checkTheta(theta);
        return model.kernel(theta, grid.nodes());
    }

    /**
     * J as a {@link LossFunction} for the trainers (checks the length of θ on each call). At a
     * non-finite θ (a trainer probing past an overflow) it returns J = NaN and a NaN gradient, which
     * the trainers report as DIVERGED; the public {@link #loss}, {@link #gradient} and the models'
     * {@code lossAndGradient} reject such θ instead.
     */
    @Override
    public LossFunction lossFunction() {
        final int p = model.parameterCount();
        return new LossFunction() {
            @Override
            public int dimension() {
                return p;
            }

            @Override
            public double valueAndGradient(double[] theta, double[] gradient) {
                Validate.length("parameters theta", theta, p);
                if (gradient != null) {
                    Validate.length("gradient", gradient, p);
                }
                for (double x : theta) {
                    if (!Double.isFinite(x)) { // a trainer probing past an overflow: report J = NaN
                        if (gradient != null) {
                            java.util.Arrays.fill(gradient, Double.NaN);
                        }
                        return Double.NaN;
                    }
                }
                return model.lossAndGradient(theta, grid, target, gradient);
            }
        };
    }

    private void checkTheta(double[] theta) {
        Validate.length("parameters theta", theta, model.parameterCount());
        Validate.finiteArray("parameters theta", theta, 0);
    }

    @Override
    public String toString() {
        return "TrainingProblem[" + model.name() + " on " + targetName + ", " + grid
                + (seeded ? ", seed " + seed : ", explicit theta0") + "]";
    }
}
