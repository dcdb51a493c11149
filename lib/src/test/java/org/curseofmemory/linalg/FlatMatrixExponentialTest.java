package org.curseofmemory.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class FlatMatrixExponentialTest extends KitTest {
    static final double CLOSED_FORM_TOLERANCE = 1e-13;
    /** Central differences with h = 1e-5 on entries of size ≈ 1. */
    static final double DERIVATIVE_TOLERANCE = 1e-8;

    @Test
    void rotationGeneratorGivesDampedRotation() {
        // exp(t [[-1, 2], [-2, -1]]) = e^{-t} [[cos 2t, sin 2t], [-sin 2t, cos 2t]]
        for (double t : new double[] {0.0, 0.01, 0.7, 3.0, 12.0}) {
            double[] e = MatrixExponential.exp(new double[] {-t, 2 * t, -2 * t, -t}, 2, new double[2 * 2]);
            double d = Math.exp(-t);
            assertEquals(d * Math.cos(2 * t), e[0], CLOSED_FORM_TOLERANCE * Math.max(1, t));
            assertEquals(d * Math.sin(2 * t), e[1], CLOSED_FORM_TOLERANCE * Math.max(1, t));
            assertEquals(-d * Math.sin(2 * t), e[2], CLOSED_FORM_TOLERANCE * Math.max(1, t));
            assertEquals(d * Math.cos(2 * t), e[3], CLOSED_FORM_TOLERANCE * Math.max(1, t));
        }
    }

    @Test
    void nilpotentBlockGivesPolynomial() {
        // exp([[0, a], [0, 0]]) = [[1, a], [0, 1]]
        double[] e = MatrixExponential.exp(new double[] {0, 5.5, 0, 0}, 2, new double[2 * 2]);
        assertEquals(1.0, e[0], CLOSED_FORM_TOLERANCE);
        assertEquals(5.5, e[1], CLOSED_FORM_TOLERANCE * 5.5);
        assertEquals(0.0, e[2], 0.0);
        assertEquals(1.0, e[3], CLOSED_FORM_TOLERANCE);
    }

    @Test
    void exponentialTimesInverseIsIdentityForLargeNorm() {
        Random r = new Random(1);
        int n = 4;
        double[] x = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * r.nextGaussian();
        }
        double[] minus = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            minus[i] = -x[i];
        }
        double[] p = new double[n * n];
        Matrices.multiply(MatrixExponential.exp(x, n, new double[n * n]), MatrixExponential.exp(minus, n, new double[n * n]), n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1.0 : 0.0, p[i * n + j], 1e-9);
            }
        }
    }

    @Test
    void adjointDerivativeMatchesFiniteDifferences() {
        Random r = new Random(2);
        int n = 3;
        double[] x = new double[n * n];
        double[] g = new double[n * n];
        double[] dir = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            g[i] = r.nextGaussian();
            dir[i] = r.nextGaussian();
        }
        double[] adj = MatrixExponential.frechetAdjoint(x, g, n, new double[n * n]);
        double h = 1e-5;
        double[] xp = new double[n * n];
        double[] xm = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            xp[i] = x[i] + h * dir[i];
            xm[i] = x[i] - h * dir[i];
        }
        double[] ep = MatrixExponential.exp(xp, n, new double[n * n]);
        double[] em = MatrixExponential.exp(xm, n, new double[n * n]);
        double fd = 0;
        double analytic = 0;
        for (int i = 0; i < x.length; i++) {
            fd += g[i] * (ep[i] - em[i]) / (2 * h);
            analytic += adj[i] * dir[i];
        }
        assertEquals(fd, analytic, DERIVATIVE_TOLERANCE * Math.abs(fd));
    }

    @Test
    void matrixExponentialOfLargeNormMatrix() {
        // e^{X} for X = [[-30, 0], [0, 5]] by scaling and squaring
        double[] e = MatrixExponential.exp(new double[] {-30, 0, 0, 5}, 2, new double[4]);
        assertArrayEquals(new double[] {Math.exp(-30), 0, 0, Math.exp(5)}, e, 1e-12 * Math.exp(5));
        assertEquals(Math.exp(-30), e[0], 1e-12 * Math.exp(-30));
    }

    @Test
    void frechetDerivativeMatchesDifferenceQuotient() {
        double[] x = {-0.3, 0.8, -1.1, -0.2};
        double[] dir = {0.5, -0.2, 0.1, 0.9};
        double[] l = MatrixExponential.frechet(x, dir, 2, new double[4]);
        double h = 1e-6;
        double[] xp = new double[4];
        double[] xm = new double[4];
        for (int i = 0; i < 4; i++) {
            xp[i] = x[i] + h * dir[i];
            xm[i] = x[i] - h * dir[i];
        }
        double[] ep = MatrixExponential.exp(xp, 2, new double[4]);
        double[] em = MatrixExponential.exp(xm, 2, new double[4]);
        for (int i = 0; i < 4; i++) {
            assertEquals((ep[i] - em[i]) / (2 * h), l[i], 1e-8);
        }
    }
}
