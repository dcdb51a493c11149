package org.curseofmemory.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

/**
 * The blocked uniform-grid path of {@link ComplexModesModel#lossAndGradient} against a naive
 * reference: e^{−rt}, cos θt and sin θt evaluated at every node, loss and gradient summed point by
 * point, straight from the formulas in the class Javadoc.
 */
class ComplexModesUniformPathTest extends KitTest {
    /** Loss and every gradient component: |optimized − naive| ≤ TOL · max(|naive loss or gradient|). */
    static final double TOL = 1e-12;

    /** Naive loss ½ Σ w (ρ̂ − ρ)² and its gradient, written into {@code gradient}. */
    static double naive(ComplexModesModel model, Reparameterization p, double[] theta, Grid grid, double[] target,
                        double[] gradient) {
        int m = model.pairs();
        int n = grid.size();
        double[] rhoHat = new double[n];
        for (int i = 0; i < n; i++) {
            double t = grid.node(i);
            for (int k = 0; k < m; k++) {
                double r = p.decayRate(theta[2 * m + k]);
                double om = theta[3 * m + k];
                rhoHat[i] += Math.exp(-r * t) * (theta[k] * Math.cos(om * t) - theta[m + k] * Math.sin(om * t));
            }
        }
        double loss = 0;
        java.util.Arrays.fill(gradient, 0.0);
        for (int i = 0; i < n; i++) {
            double t = grid.node(i);
            double v = grid.weight(i) * (rhoHat[i] - target[i]);
            loss += 0.5 * v * (rhoHat[i] - target[i]);
            for (int k = 0; k < m; k++) {
                double a = theta[k];
                double b = theta[m + k];
                double w = theta[2 * m + k];
                double r = p.decayRate(w);
                double om = theta[3 * m + k];
                double x = Math.exp(-r * t) * Math.cos(om * t);
                double y = Math.exp(-r * t) * Math.sin(om * t);
                gradient[k] += v * x;
                gradient[m + k] += -v * y;
                gradient[2 * m + k] += -p.decayRateDerivative(w) * v * t * (a * x - b * y);
                gradient[3 * m + k] += -v * t * (a * y + b * x);
            }
        }
        return loss;
    }

    /** Uniform grid t_0 + i h, i &lt; n, with trapezoid weights. */
    static Grid uniform(double t0, double h, int n) {
        double[] t = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + i * h;
            w[i] = i == 0 || i == n - 1 ? h / 2 : h;
        }
        return Grid.of(t, w);
    }

    void check(ComplexModesModel model, Grid grid) {
        assertTrue(grid.uniformStep() > 0, "the uniform path is under test");
        Reparameterization p = model.reparameterization();
        double[] theta = model.withAmplitudeScale(0.5).initialParameters(random);
        double[] target = grid.sample(t -> Math.exp(-0.3 * t) * Math.cos(1.7 * t) + 0.2 / (1 + t));
        double[] expected = new double[theta.length];
        double expectedLoss = naive(model, p, theta, grid, target, expected);
        double[] actual = new double[theta.length];
        double loss = model.lossAndGradient(theta, grid, target, actual);
        String what = model.name() + " on " + grid.size() + " points from t0=" + grid.node(0);
        assertEquals(expectedLoss, loss, TOL * expectedLoss, "loss, " + what);
        assertEquals(expectedLoss, model.lossAndGradient(theta, grid, target, null), TOL * expectedLoss,
                "loss without gradient, " + what);
        double scale = 0;
        for (double g : expected) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int q = 0; q < theta.length; q++) {
            assertEquals(expected[q], actual[q], TOL * scale, model.parameterNames()[q] + ", " + what);
        }
    }

    @Test
    void benchmarkSizeMatchesNaiveReference() {
        // the benchmark's step: 8 pairs, 2000 points, Δt = 0.02
        check(ComplexModesModel.of(8, Reparameterization.DIRECT), Grid.uniform(39.98, 0.02));
    }

    @Test
    void partialBlocksAndShiftedStartMatchNaiveReference() {
        for (int n : new int[] {2, 3, 31, 32, 33, 64, 65, 255, 256, 257, 2001}) {
            check(ComplexModesModel.of(3, Reparameterization.SOFTPLUS), uniform(0.0, 0.05, n));
            check(ComplexModesModel.of(1, Reparameterization.EXP), uniform(1.25, 0.01, n));
        }
    }

    @Test
    void scratchIsReusedAcrossGridsAndModelSizes() {
        // one thread, alternating grids and mode counts: no stale cached nodes, weights or sizes
        check(ComplexModesModel.of(8, Reparameterization.DIRECT), uniform(0.0, 0.02, 500));
        check(ComplexModesModel.of(2, Reparameterization.DIRECT), uniform(0.5, 0.02, 500));
        check(ComplexModesModel.of(8, Reparameterization.DIRECT), uniform(0.0, 0.1, 70));
        check(ComplexModesModel.of(8, Reparameterization.DIRECT), uniform(0.0, 0.02, 500));
    }
}
