package org.curseofmemory.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.curseofmemory.kernel.ExpSumKernel;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

/** Analytic gradients of every model and parameterization against central finite differences. */
class ModelGradientTest extends KitTest {
    /** Required: ‖g − g_FD‖∞ / ‖g‖∞ below this. */
    static final double GRADIENT_REL_TOL = 1e-6;
    /** Uniform-grid recurrences vs direct evaluation of the kernel. */
    static final double RECURRENCE_TOL = 1e-12;

    static final MemoryKernel TARGET = new MemoryKernel() {
        @Override
        public double value(double t) {
            return Math.exp(-t) * Math.cos(2 * t) + 0.3 * Math.exp(-0.2 * t);
        }

        @Override
        public String name() {
            return "e^{-t}cos 2t + 0.3e^{-t/5}";
        }
    };

    static List<KernelModel> models() {
        List<KernelModel> list = new ArrayList<>();
        for (Reparameterization p : List.of(Reparameterization.DIRECT, Reparameterization.EXP,
                Reparameterization.SOFTPLUS, Reparameterization.INVERSE_QUADRATIC,
                Reparameterization.inverseQuadratic(2.0, 0.3))) {
            list.add(RealModesModel.of(3, p).withAmplitudeScale(0.5));
            list.add(ComplexModesModel.of(3, p).withAmplitudeScale(0.5));
        }
        list.add(LinearRnnModel.of(3));
        list.add(LinearRnnModel.of(4).withInitialScales(0.5, 1.0, 0.5));
        return list;
    }

    static Grid nonUniformGrid() {
        // Gauss-like clustering: t_i = 20 (i/n)^2 with trapezoid weights
        int n = 300;
        double[] t = new double[n + 1];
        double[] w = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = 20.0 * (i / (double) n) * (i / (double) n);
        }
        for (int i = 0; i < n; i++) {
            double h = t[i + 1] - t[i];
            w[i] += h / 2;
            w[i + 1] += h / 2;
        }
        return Grid.of(t, w);
    }

    static double relativeGradientError(TrainingProblem problem, double[] theta) {
        double[] g = problem.gradient(theta);
        double maxDiff = 0;
        double maxG = 0;
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-5 * Math.max(1, Math.abs(theta[k]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            double fd = (problem.loss(tp) - problem.loss(tm)) / (2 * h);
            maxDiff = Math.max(maxDiff, Math.abs(fd - g[k]));
            maxG = Math.max(maxG, Math.abs(g[k]));
        }
        return maxDiff / maxG;
    }

    @Test
    void analyticGradientsMatchFiniteDifferencesOnUniformGrid() {
        Grid grid = Grid.uniform(20, 0.05);
        for (KernelModel model : models()) {
            for (long seed : new long[] {1, 2, 3}) {
                TrainingProblem problem = TrainingProblem.of(model, grid, TARGET, seed);
                double err = relativeGradientError(problem, problem.initialParameters());
                assertTrue(err < GRADIENT_REL_TOL, model.name() + " seed " + seed + ": relative error " + err);
            }
        }
    }

    @Test
    void analyticGradientsMatchFiniteDifferencesOnNonUniformGrid() {
        Grid grid = nonUniformGrid();
        for (KernelModel model : models()) {
            TrainingProblem problem = TrainingProblem.of(model, grid, TARGET, 5);
            double err = relativeGradientError(problem, problem.initialParameters());
            assertTrue(err < GRADIENT_REL_TOL, model.name() + ": relative error " + err);
        }
    }

    @Test
    void gradientVanishesAtAnExactFit() {
        ComplexModesModel model = ComplexModesModel.of(2, Reparameterization.SOFTPLUS);
        double[] star = model.parametersFor(new double[] {1, 0.2}, new double[] {0.5, -0.1},
                new double[] {0.8, 0.3}, new double[] {2, 0.5});
        Grid grid = Grid.uniform(30, 0.02);
        TrainingProblem problem = TrainingProblem.ofSamples(model, grid, model.kernel(star, grid.nodes()), "exact", 0);
        assertEquals(0.0, problem.loss(star), 1e-28);
        for (double g : problem.gradient(star)) {
            assertEquals(0.0, g, 1e-14);
        }
    }

    @Test
    void lossUsesRecurrenceConsistentWithDirectKernel() {
        Grid grid = Grid.uniform(40, 0.02);
        for (KernelModel model : models()) {
            double[] theta = model.initialParameters(new Random(11));
            double[] direct = model.kernel(theta, grid.nodes());
            double[] zero = new double[grid.size()];
            // J with target 0 is ½ Σ w ρ̂²; compare with the directly evaluated kernel
            double expected = 0;
            for (int i = 0; i < direct.length; i++) {
                expected += 0.5 * grid.weight(i) * direct[i] * direct[i];
            }
            double loss = model.lossAndGradient(theta, grid, zero, null);
            assertEquals(expected, loss, RECURRENCE_TOL * expected, model.name());
        }
    }

    @Test
    void complexModesReduceToRealModesAtZeroFrequency() {
        RealModesModel real = RealModesModel.of(2, Reparameterization.EXP);
        ComplexModesModel cplx = ComplexModesModel.of(2, Reparameterization.EXP);
        double[] t = Grid.uniform(10, 0.1).nodes();
        double[] a = {0.7, -0.4};
        double[] r = {0.3, 1.7};
        assertArrayEquals(real.kernel(real.parametersFor(a, r), t),
                cplx.kernel(cplx.parametersFor(a, new double[] {5, -3}, r, new double[] {0, 0}), t), 1e-15);
    }

    @Test
    void modeModelsGiveBackTheExpSumKernelTheyEvaluate() {
        double[] t = {0, 0.3, 1, 2.5, 7};
        RealModesModel real = RealModesModel.of(3, Reparameterization.EXP);
        double[] theta = real.initialParameters(new java.util.Random(4));
        ExpSumKernel k = real.expSum(theta);
        double[] direct = real.kernel(theta, t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(direct[i], k.value(t[i]), 1e-14 * (1 + Math.abs(direct[i])));
        }
        ComplexModesModel complex = ComplexModesModel.of(2, Reparameterization.SOFTPLUS);
        double[] phi = complex.initialParameters(new java.util.Random(5));
        ExpSumKernel kc = complex.expSum(phi);
        double[] directC = complex.kernel(phi, t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(directC[i], kc.value(t[i]), 1e-14 * (1 + Math.abs(directC[i])));
        }
        assertTrue(kc.tailL2Squared(0).isPresent(), "exact L2 tail of the trained kernel");
    }
}
