package org.curseofmemory.benchmarks;

import java.util.Random;
import org.curseofmemory.kernel.Airy;
import org.curseofmemory.train.ComplexModesModel;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.experiment.PlateauSweep;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.train.TrainingProblem;
import org.curseofmemory.quad.Grid;

/**
 * The benchmark problems, shared by the JMH benchmarks and {@link SweepReport}, with the same
 * numbers as benchmarks/numpy/bench.py (docs/theory.md §4, "Reference numbers"):
 * Airy target ρ(t) = Ai(t − t₀) on a uniform grid with trapezoid weights, Δt = 0.02; complex mode
 * pairs ρ̂ = Σ e^{−w_i t}(a_i cos θ_i t − b_i sin θ_i t) with direct parameterization, initialised
 * from {@code new Random(seed)} (a, b ~ N(0, 0.1²), w ~ U[0.5, 1.5], θ ~ U[0, 1]); plain gradient
 * descent with learning rate 0.05.
 */
final class AirySweepSetup {
    static final double DT = 0.02;
    static final double LEARNING_RATE = 0.05;

    /** One step: 8 pairs, 2000 grid points (T = 1999 Δt = 39.98), t₀ = 3, seed 1. */
    static final int STEP_PAIRS = 8;
    static final int STEP_POINTS = 2000;
    static final double STEP_T0 = 3.0;
    static final long STEP_SEED = 1L;
    /** Both sides restart from θ₀ every this many steps, so they time the same 1000 steps. */
    static final int STEP_RESET_PERIOD = 1000;

    /** Sweep: 4 pairs on [0, 40] (2001 points), t₀ = 1..6, seeds 0..4, level 0.1, cap 20000 steps. */
    static final int SWEEP_PAIRS = 4;
    static final double SWEEP_END = 40.0;
    static final double[] SWEEP_T0 = {1, 2, 3, 4, 5, 6};
    static final long[] SWEEP_SEEDS = {0, 1, 2, 3, 4};
    static final double SWEEP_LEVEL = 0.1;
    static final int SWEEP_MAX_STEPS = 20000;

    private AirySweepSetup() {
    }

    /** Ai(t_i − t₀) on the grid nodes. */
    static double[] airyTarget(Grid grid, double t0) {
        double[] t = grid.nodes();
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = Airy.ai(t[i] - t0);
        }
        return y;
    }

    static ComplexModesModel model(int pairs) {
        return ComplexModesModel.of(pairs, Reparameterization.DIRECT);
    }

    static Grid stepGrid() {
        return Grid.uniform((STEP_POINTS - 1) * DT, DT);
    }

    static double[] stepInitialParameters() {
        return model(STEP_PAIRS).initialParameters(new Random(STEP_SEED));
    }

    /**
     * The plateau sweep. The six problems (target sampled once per t₀, as the NumPy side does)
     * are built here, outside any timed region.
     */
    static PlateauSweep sweep(int threads) {
        Grid grid = Grid.uniform(SWEEP_END, DT);
        ComplexModesModel model = model(SWEEP_PAIRS);
        TrainingProblem[] problems = new TrainingProblem[SWEEP_T0.length];
        for (int i = 0; i < SWEEP_T0.length; i++) {
            problems[i] = TrainingProblem.ofSamples(model, grid, airyTarget(grid, SWEEP_T0[i]),
                    "Ai(t - " + SWEEP_T0[i] + ")", 0L);
        }
        GradientDescent gd = GradientDescent.of(LEARNING_RATE).withMaxSteps(SWEEP_MAX_STEPS);
        return PlateauSweep.of(gd, t0 -> problems[indexOf(t0)])
                .withValues(SWEEP_T0)
                .withSeeds(SWEEP_SEEDS)
                .withRelativeLossLevel(SWEEP_LEVEL)
                .withThreads(threads);
    }

    private static int indexOf(double t0) {
        for (int i = 0; i < SWEEP_T0.length; i++) {
            if (SWEEP_T0[i] == t0) {
                return i;
            }
        }
        throw new IllegalArgumentException("t0=" + t0 + " is not one of the sweep values");
    }
}
