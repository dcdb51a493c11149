package org.curseofmemory.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.curseofmemory.quad.Grid;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

/** The general linear RNN kernel cᵀe^{Wt}U against closed forms (docs/theory.md §2). */
class LinearRnnModelTest extends KitTest {
    static final double KERNEL_TOL = 1e-12;

    @Test
    void diagonalRnnIsAnExponentialSum() {
        LinearRnnModel rnn = LinearRnnModel.of(2);
        double[] theta = rnn.parametersFor(new double[][] {{-0.5, 0}, {0, -2}}, new double[] {1, 2},
                new double[] {0.3, -0.7});
        double[] t = Grid.uniform(15, 0.05).nodes();
        double[] k = rnn.kernel(theta, t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(0.3 * Math.exp(-0.5 * t[i]) - 1.4 * Math.exp(-2 * t[i]), k[i], KERNEL_TOL);
        }
    }

    @Test
    void rotationBlockGivesDampedOscillation() {
        double r = 0.4;
        double om = 1.7;
        LinearRnnModel rnn = LinearRnnModel.of(2);
        double[] theta = rnn.parametersFor(new double[][] {{-r, -om}, {om, -r}}, new double[] {1, 0},
                new double[] {1, 0});
        double[] t = {0, 0.3, 1.1, 2.0, 7.5, 20};
        double[] k = rnn.kernel(theta, t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(Math.exp(-r * t[i]) * Math.cos(om * t[i]), k[i], KERNEL_TOL);
        }
    }

    @Test
    void jordanBlockGivesPolynomialFactor() {
        LinearRnnModel rnn = LinearRnnModel.of(2);
        double[] theta = rnn.parametersFor(new double[][] {{-1, 1}, {0, -1}}, new double[] {0, 1},
                new double[] {1, 0});
        double[] t = Grid.uniform(10, 0.1).nodes();
        double[] k = rnn.kernel(theta, t);
        for (int i = 0; i < t.length; i++) {
            assertEquals(t[i] * Math.exp(-t[i]), k[i], KERNEL_TOL);
        }
    }
}
