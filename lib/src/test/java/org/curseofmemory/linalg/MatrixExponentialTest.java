package org.curseofmemory.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.curseofmemory.testing.KitTest;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class MatrixExponentialTest extends KitTest {

    /** Closed forms are reproduced to this absolute/relative accuracy. */
    private static final double CLOSED_FORM_TOL = 1e-13;
    /** e^{A} e^{−A} = I to this accuracy for moderate ‖A‖. */
    private static final double INVERSE_TOL = 1e-12;

    @Test
    void padeCoefficientsMatchTheFactorialFormula() {
        double[] b = MatrixExponential.padeCoefficients(13);
        // b_j = (26-j)! 13! / (26! j! (13-j)!), scaled so that b_0 = 1; the classic integer form is b_j * 26!/13!
        double scale = 64764752532480000.0; // 26!/13!
        assertEquals(1.0, b[0]);
        assertEquals(32382376266240000.0 / scale, b[1], 1e-16);
        assertEquals(1.0 / scale, b[13], 1e-30);
        assertEquals(182.0 / scale, b[12], 1e-28);
    }

    @Test
    void diagonalMatrix() {
        double[][] e = MatrixExponential.exp(new double[][]{{-2, 0}, {0, 0.5}});
        assertEquals(Math.exp(-2), e[0][0], CLOSED_FORM_TOL);
        assertEquals(Math.exp(0.5), e[1][1], CLOSED_FORM_TOL);
        assertEquals(0, e[0][1], CLOSED_FORM_TOL);
        assertEquals(0, e[1][0], CLOSED_FORM_TOL);
    }

    @Test
    void rotationBlockGivesDampedCosineAndSine() {
        double w = 0.3;
        double theta = 2.0;
        for (double t : new double[]{0.1, 1.0, 7.5, 40.0}) {
            DMatrixRMaj a = new DMatrixRMaj(new double[][]{{-w, -theta}, {theta, -w}});
            DMatrixRMaj e = MatrixExponential.exp(a, t);
            double decay = Math.exp(-w * t);
            assertEquals(decay * Math.cos(theta * t), e.get(0, 0), CLOSED_FORM_TOL * 10);
            assertEquals(-decay * Math.sin(theta * t), e.get(0, 1), CLOSED_FORM_TOL * 10);
            assertEquals(decay * Math.sin(theta * t), e.get(1, 0), CLOSED_FORM_TOL * 10);
        }
    }

    @Test
    void jordanBlockGivesPolynomialFactor() {
        // e^{Jt} for J = [[-1,1,0],[0,-1,1],[0,0,-1]] is e^{-t} [[1, t, t²/2],[0,1,t],[0,0,1]]
        DMatrixRMaj j = new DMatrixRMaj(new double[][]{{-1, 1, 0}, {0, -1, 1}, {0, 0, -1}});
        for (double t : new double[]{0.5, 3.0, 20.0}) {
            DMatrixRMaj e = MatrixExponential.exp(j, t);
            double decay = Math.exp(-t);
            assertEquals(decay, e.get(0, 0), CLOSED_FORM_TOL);
            assertEquals(t * decay, e.get(0, 1), CLOSED_FORM_TOL);
            assertEquals(t * t / 2 * decay, e.get(0, 2), CLOSED_FORM_TOL);
            assertEquals(0, e.get(2, 0), CLOSED_FORM_TOL);
        }
    }

    @Test
    void nilpotentMatrixIsAFinitePolynomial() {
        double[][] e = MatrixExponential.exp(new double[][]{{0, 3}, {0, 0}});
        assertEquals(1, e[0][0], CLOSED_FORM_TOL);
        assertEquals(3, e[0][1], CLOSED_FORM_TOL);
        assertEquals(1, e[1][1], CLOSED_FORM_TOL);
    }

    @Test
    void largeNormUsesScalingAndSquaring() {
        // ‖A‖₁ = 200 ≫ θ₁₃ forces s ≈ 6 squarings
        double[][] e = MatrixExponential.exp(new double[][]{{-200, 0}, {0, -0.5}});
        // relative error grows with the number of squarings: allow 1e-11 relative
        assertEquals(1.0, e[0][0] / Math.exp(-200), 1e-11);
        assertEquals(Math.exp(-0.5), e[1][1], CLOSED_FORM_TOL);
    }

    @Test
    void exponentialOfMinusAIsTheInverse() {
        Random random = new Random(7);
        DMatrixRMaj a = new DMatrixRMaj(6, 6);
        for (int i = 0; i < a.getNumElements(); i++) {
            a.data[i] = random.nextGaussian();
        }
        DMatrixRMaj minus = a.copy();
        CommonOps_DDRM.scale(-1, minus);
        DMatrixRMaj product = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.mult(MatrixExponential.exp(a), MatrixExponential.exp(minus), product);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(i == j ? 1 : 0, product.get(i, j), INVERSE_TOL);
            }
        }
    }

    @Test
    void agreesWithATaylorSeriesForASmallMatrix() {
        Random random = new Random(11);
        int n = 4;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.getNumElements(); i++) {
            a.data[i] = 0.3 * random.nextGaussian();
        }
        DMatrixRMaj sum = CommonOps_DDRM.identity(n);
        DMatrixRMaj term = CommonOps_DDRM.identity(n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        for (int k = 1; k < 40; k++) {
            CommonOps_DDRM.mult(1.0 / k, term, a, next);
            term.setTo(next);
            CommonOps_DDRM.addEquals(sum, term);
        }
        DMatrixRMaj e = MatrixExponential.exp(a);
        for (int i = 0; i < n * n; i++) {
            assertEquals(sum.data[i], e.data[i], CLOSED_FORM_TOL);
        }
    }

    @Test
    void inputIsNotModified() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][]{{-30, 1}, {2, -1}});
        DMatrixRMaj copy = a.copy();
        MatrixExponential.exp(a);
        assertTrue(java.util.Arrays.equals(copy.data, a.data));
    }

    @Test
    void rejectsBadMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixExponential.exp(new DMatrixRMaj(2, 3)));
        assertTrue(e.getMessage().contains("square") && e.getMessage().contains("2×3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixExponential.exp(new double[][]{{1, Double.NaN}, {0, 1}}));
        assertTrue(e.getMessage().contains("A[0][1]=NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixExponential.exp((DMatrixRMaj) null));
        assertTrue(e.getMessage().contains("matrix A must not be null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixExponential.exp(new DMatrixRMaj(new double[][]{{1}}), Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("time t=Infinity"), e.getMessage());
    }

    @Test
    void overflowIsReportedNotReturnedAsInfinity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixExponential.exp(new double[][]{{1000}}));
        assertTrue(e.getMessage().contains("overflowed") && e.getMessage().contains("‖A‖₁=1000.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixExponential.exp(new DMatrixRMaj(new double[][]{{1}}), 1e300));
        assertTrue(e.getMessage().contains("time t=1.0E300"), e.getMessage());
        // A·t itself overflows to ∞: refused at once instead of squaring forever
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixExponential.exp(new DMatrixRMaj(new double[][]{{1e300}}), 1e300));
        assertTrue(e.getMessage().contains("time t=1.0E300"), e.getMessage());
    }
}
