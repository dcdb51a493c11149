package org.curseofmemory.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.curseofmemory.util.Grid;
import org.junit.jupiter.api.Test;

/** The general linear RNN kernel cᵀe^{Wt}U against closed forms (REFERENCE §2). */
class LinearRnnModelTest {
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

    @Test
    void matrixExponentialOfLargeNormMatrix() {
        // e^{X} for X = [[-30, 0], [0, 5]] by scaling and squaring
        double[] e = MatrixExponential.expm(new double[] {-30, 0, 0, 5}, 2);
        assertArrayEquals(new double[] {Math.exp(-30), 0, 0, Math.exp(5)}, e, 1e-12 * Math.exp(5));
        assertEquals(Math.exp(-30), e[0], 1e-12 * Math.exp(-30));
    }

    @Test
    void frechetDerivativeMatchesDifferenceQuotient() {
        double[] x = {-0.3, 0.8, -1.1, -0.2};
        double[] dir = {0.5, -0.2, 0.1, 0.9};
        double[] l = MatrixExponential.frechet(x, dir, 2);
        double h = 1e-6;
        double[] xp = new double[4];
        double[] xm = new double[4];
        for (int i = 0; i < 4; i++) {
            xp[i] = x[i] + h * dir[i];
            xm[i] = x[i] - h * dir[i];
        }
        double[] ep = MatrixExponential.expm(xp, 2);
        double[] em = MatrixExponential.expm(xm, 2);
        for (int i = 0; i < 4; i++) {
            assertEquals((ep[i] - em[i]) / (2 * h), l[i], 1e-8);
        }
    }
}
