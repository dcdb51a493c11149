package org.curseofmemory.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.Norms;
import org.curseofmemory.testing.KitTest;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LinearRnnTest extends KitTest {

    /** Closed-form kernels are reproduced to this absolute accuracy. */
    private static final double CLOSED_FORM_TOL = 1e-12;
    /** Eigen route and matrix-exponential route agree to this absolute accuracy. */
    private static final double ROUTE_TOL = 1e-11;

    // ------------------------------------------------------------------ closed forms

    @Test
    void diagonalRnnKernelIsASumOfExponentials() {
        double[] r = {0.5, 1.0, 2.5};
        double[] a = {1.0, -0.7, 0.3};
        LinearRnn rnn = LinearRnn.diagonal(r, a);
        MemoryKernel k = rnn.kernel();
        for (double t = 0; t <= 30; t += 0.37) {
            double expected = 0;
            for (int i = 0; i < r.length; i++) {
                expected += a[i] * Math.exp(-r[i] * t);
            }
            assertEquals(expected, k.value(t), CLOSED_FORM_TOL, "t=" + t);
        }
        assertEquals(3, rnn.width());
        assertEquals(1, rnn.inputDimension());
        assertEquals(0.5, rnn.slowestDecayRate(), 0);
        assertTrue(rnn.isHurwitz());
    }

    @Test
    void repeatedRatesAreHandled() {
        LinearRnn rnn = LinearRnn.diagonal(new double[]{1, 1, 2}, new double[]{1, 2, 3});
        for (double t = 0; t < 10; t += 0.5) {
            assertEquals(3 * Math.exp(-t) + 3 * Math.exp(-2 * t), rnn.kernel().value(t), CLOSED_FORM_TOL);
        }
    }

    @Test
    void rotationBlockGivesDampedCosine() {
        // W = [[-w, -θ],[θ, -w]], U = e_1, c = e_1 ⇒ ρ̂(t) = e^{-wt} cos θt
        double w = 0.2;
        double theta = 3.0;
        LinearRnn rnn = LinearRnn.of(new double[][]{{-w, -theta}, {theta, -w}}, new double[][]{{1}, {0}},
                new double[]{1, 0});
        RnnKernel k = rnn.kernel();
        assertEquals("eigen route", k.method());
        for (double t = 0; t <= 25; t += 0.23) {
            assertEquals(Math.exp(-w * t) * Math.cos(theta * t), k.value(t), CLOSED_FORM_TOL, "t=" + t);
        }
        Complex_F64[] l = rnn.eigenvalues();
        assertEquals(-w, l[0].real, 1e-14);
        assertEquals(theta, l[0].imaginary, 1e-14);
        assertEquals(-theta, l[1].imaginary, 1e-14);
    }

    @Test
    void fromModesGivesTheAiryExperimentModel() {
        double[] a = {0.5, -0.2};
        double[] b = {0.1, 0.3};
        double[] w = {0.7, 1.2};
        double[] theta = {0.4, 0.0};
        LinearRnn rnn = LinearRnn.fromModes(a, b, w, theta);
        assertEquals(4, rnn.width());
        for (double t = 0; t <= 20; t += 0.31) {
            double expected = 0;
            for (int k = 0; k < a.length; k++) {
                expected += Math.exp(-w[k] * t) * (a[k] * Math.cos(theta[k] * t) - b[k] * Math.sin(theta[k] * t));
            }
            assertEquals(expected, rnn.kernel().value(t), CLOSED_FORM_TOL, "t=" + t);
            assertEquals(expected, rnn.kernel(KernelMethod.MATRIX_EXPONENTIAL).value(t), CLOSED_FORM_TOL, "t=" + t);
        }
        assertEquals(0.7, rnn.slowestDecayRate(), 1e-14);
    }

    @Test
    void jordanBlockGivesPolynomialTimesExponential() {
        // W = [[-1, 1],[0, -1]], U = e_2, c = e_1 ⇒ ρ̂(t) = t e^{-t}
        LinearRnn rnn = LinearRnn.of(new double[][]{{-1, 1}, {0, -1}}, new double[][]{{0}, {1}}, new double[]{1, 0});
        RnnKernel k = rnn.kernel();
        assertEquals("matrix-exponential route", k.method());
        for (double t = 0; t <= 40; t += 0.173) {
            assertEquals(t * Math.exp(-t), k.value(t), CLOSED_FORM_TOL, "t=" + t);
        }
        // 3×3 Jordan block: ρ̂(t) = t²/2 e^{-2t}
        LinearRnn j3 = LinearRnn.of(new double[][]{{-2, 1, 0}, {0, -2, 1}, {0, 0, -2}},
                new double[][]{{0}, {0}, {1}}, new double[]{1, 0, 0});
        for (double t = 0; t <= 20; t += 0.29) {
            assertEquals(t * t / 2 * Math.exp(-2 * t), j3.kernel().value(t), CLOSED_FORM_TOL, "t=" + t);
        }
    }

    @Test
    void nearlyDefectiveMatrixFallsBackAndStaysAccurate() {
        // eigenvalues -1 and -1-ε: ρ̂(t) = (e^{-t} − e^{-(1+ε)t})/ε, eigenvectors nearly parallel
        double eps = 1e-7;
        LinearRnn rnn = LinearRnn.of(new double[][]{{-1, 1}, {0, -1 - eps}}, new double[][]{{0}, {1}},
                new double[]{1, 0});
        RnnKernel k = rnn.kernel();
        assertEquals("matrix-exponential route", k.method());
        for (double t = 0; t <= 30; t += 0.41) {
            double expected = Math.exp(-t) * -Math.expm1(-eps * t) / eps;
            assertEquals(expected, k.value(t), 1e-12, "t=" + t);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rnn.kernel(KernelMethod.EIGEN));
        assertTrue(e.getMessage().contains("eigen route is not available"), e.getMessage());
    }

    @Test
    void eigenRouteAgreesWithMatrixExponentialRouteForRandomW() {
        Random random = new Random(2021);
        for (int trial = 0; trial < 5; trial++) {
            int m = 6;
            int d = 2;
            double[][] w = new double[m][m];
            double[][] u = new double[m][d];
            double[] c = new double[m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    w[i][j] = random.nextGaussian();
                }
                for (int j = 0; j < d; j++) {
                    u[i][j] = random.nextGaussian();
                }
                c[i] = random.nextGaussian();
            }
            // shift to make W Hurwitz with slowest rate 0.2
            LinearRnn raw = LinearRnn.unchecked(w, u, c);
            double shift = raw.eigenvalues()[0].real + 0.2;
            for (int i = 0; i < m; i++) {
                w[i][i] -= shift;
            }
            LinearRnn rnn = LinearRnn.of(w, u, c);
            assertEquals(0.2, rnn.slowestDecayRate(), 1e-10);
            RnnVectorKernel eig = rnn.vectorKernel(KernelMethod.EIGEN);
            RnnVectorKernel expm = rnn.vectorKernel(KernelMethod.MATRIX_EXPONENTIAL);
            assertEquals("eigen route", eig.method());
            for (double t = 0; t <= 30; t += 0.113) {
                double[] a = eig.value(t);
                double[] b = expm.value(t);
                for (int j = 0; j < d; j++) {
                    assertEquals(b[j], a[j], ROUTE_TOL, "trial " + trial + ", t=" + t + ", component " + j);
                    assertEquals(a[j], eig.component(j).value(t), 1e-15);
                }
            }
        }
    }

    @Test
    void kernelAtZeroIsCTransposeU() {
        double[][] w = {{-1, 2, 0}, {-2, -1, 0.5}, {0, 0.3, -3}};
        double[][] u = {{1, 0}, {0.5, 1}, {-1, 2}};
        double[] c = {0.3, -0.2, 1.1};
        RnnVectorKernel k = LinearRnn.of(w, u, c).vectorKernel();
        double[] at0 = k.value(0);
        for (int j = 0; j < 2; j++) {
            double expected = 0;
            for (int i = 0; i < 3; i++) {
                expected += c[i] * u[i][j];
            }
            assertEquals(expected, at0[j], 1e-14);
        }
    }

    @Test
    void kernelDerivativeAtZeroIsCTransposeWU() {
        // ρ̂'(0) = cᵀ W U; central difference of the kernel with step 1e-5 is accurate to ~1e-9
        double[][] w = {{-1, 2}, {-2, -1.5}};
        double[][] u = {{1}, {0.5}};
        double[] c = {0.3, -0.2};
        RnnKernel k = LinearRnn.of(w, u, c).kernel();
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                expected += c[i] * w[i][j] * u[j][0];
            }
        }
        double h = 1e-5;
        double numeric = (k.value(h) - k.value(0)) / h;
        assertEquals(expected, numeric, 1e-4);
    }

    @Test
    void derivativesAreExact() {
        LinearRnn diag = LinearRnn.diagonal(new double[]{0.5, 2}, new double[]{1, -3});
        MemoryKernel d1 = diag.kernel().derivative(1).orElseThrow();
        MemoryKernel d2 = diag.kernel().derivative(2).orElseThrow();
        LinearRnn jordan = LinearRnn.of(new double[][]{{-1, 1}, {0, -1}}, new double[][]{{0}, {1}}, new double[]{1, 0});
        MemoryKernel j1 = jordan.kernel().derivative(1).orElseThrow();
        MemoryKernel j2 = jordan.kernel().derivative(2).orElseThrow();
        for (double t = 0; t < 15; t += 0.37) {
            assertEquals(-0.5 * Math.exp(-0.5 * t) + 6 * Math.exp(-2 * t), d1.value(t), CLOSED_FORM_TOL);
            assertEquals(0.25 * Math.exp(-0.5 * t) - 12 * Math.exp(-2 * t), d2.value(t), CLOSED_FORM_TOL);
            assertEquals((1 - t) * Math.exp(-t), j1.value(t), CLOSED_FORM_TOL);
            assertEquals((t - 2) * Math.exp(-t), j2.value(t), CLOSED_FORM_TOL);
        }
        assertEquals(diag.kernel().derivative(0).orElseThrow().value(1.0), diag.kernel().value(1.0));
        assertIae(() -> diag.kernel().derivative(-1), "derivative order=-1 must be >= 0");
    }

    @Test
    void normsOfTheKernelPackageAcceptRnnKernels() {
        // positive amplitudes: ‖ρ̂‖₁ = Σ a_k/r_k, ‖ρ̂‖₂² = Σ_{k,l} a_k a_l/(r_k + r_l)
        double[] r = {0.5, 2};
        double[] a = {1, 3};
        LinearRnn rnn = LinearRnn.diagonal(r, a);
        assertEquals(1 / 0.5 + 3 / 2.0, org.curseofmemory.kernel.Norms.l1(rnn.kernel()), 1e-9);
        double l2sq = 0;
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                l2sq += a[k] * a[l] / (r[k] + r[l]);
            }
        }
        assertEquals(l2sq, org.curseofmemory.kernel.Norms.l2Squared(rnn.kernel()), 1e-9);
    }

    @Test
    void plusAddsKernels() {
        LinearRnn a = LinearRnn.diagonal(new double[]{1}, new double[]{2});
        LinearRnn b = LinearRnn.fromModes(new double[]{1}, new double[]{0}, new double[]{0.5}, new double[]{2});
        LinearRnn sum = a.plus(b);
        assertEquals(3, sum.width());
        for (double t = 0; t < 10; t += 0.7) {
            assertEquals(a.kernel().value(t) + b.kernel().value(t), sum.kernel().value(t), CLOSED_FORM_TOL);
        }
    }

    @Test
    void manyPointEvaluationOfALargeNonNormalWIsConsistent() {
        // 2000 points of a width-40 kernel through the matrix-exponential route; must match the eigen route
        Random random = new Random(5);
        int m = 40;
        double[][] w = new double[m][m];
        double[][] u = new double[m][1];
        double[] c = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                w[i][j] = random.nextGaussian() / Math.sqrt(m);
            }
            w[i][i] -= 2.0;
            u[i][0] = random.nextGaussian();
            c[i] = random.nextGaussian();
        }
        LinearRnn rnn = LinearRnn.of(w, u, c);
        RnnKernel eig = rnn.kernel(KernelMethod.EIGEN);
        RnnKernel expm = rnn.kernel(KernelMethod.MATRIX_EXPONENTIAL);
        double[] times = new double[2000];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 0.02;
        }
        double[] a = eig.sample(times);
        double[] b = expm.sample(times);
        for (int i = 0; i < times.length; i++) {
            assertEquals(a[i], b[i], ROUTE_TOL, "t=" + times[i]);
        }
    }

    @Test
    void gettersReturnCopies() {
        double[][] w = {{-1, 0.5}, {0, -2}};
        double[][] u = {{1}, {1}};
        double[] c = {1, 2};
        LinearRnn rnn = LinearRnn.of(w, u, c);
        w[0][0] = 99; // the RNN keeps its own copy
        assertEquals(-1, rnn.W()[0][0]);
        rnn.W()[0][0] = 42;
        rnn.matrixW().set(0, 0, 42);
        rnn.c()[0] = 42;
        assertEquals(-1, rnn.W()[0][0]);
        assertEquals(1, rnn.c()[0]);
        assertEquals(2, rnn.matrixC().numRows);
        assertEquals(1, rnn.matrixC().numCols);
        assertNotSame(rnn.matrixU(), rnn.matrixU());
        assertArrayEquals(new double[]{-1, -2}, rnn.eigenvalueRealParts(), 1e-14);
        assertEquals(5.0, rnn.output(new double[]{1, 2}), 0);
    }

    @Test
    void ejmlFactoryAcceptsRowOrColumnReadout() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][]{{-1, 0}, {0, -2}});
        DMatrixRMaj u = new DMatrixRMaj(new double[][]{{1}, {1}});
        LinearRnn col = LinearRnn.of(w, u, new DMatrixRMaj(new double[][]{{1}, {3}}));
        LinearRnn row = LinearRnn.of(w, u, new DMatrixRMaj(new double[][]{{1, 3}}));
        assertArrayEquals(col.c(), row.c());
        assertEquals(Math.exp(-1) + 3 * Math.exp(-2), row.kernel().value(1), CLOSED_FORM_TOL);
    }

    @Test
    void fluentCopiesRevalidate() {
        LinearRnn rnn = LinearRnn.diagonal(new double[]{1, 2}, new double[]{1, 1});
        LinearRnn other = rnn.withC(new double[]{2, 0});
        assertEquals(2 * Math.exp(-0.5), other.kernel().value(0.5), CLOSED_FORM_TOL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rnn.withW(new double[][]{{0.3, 0}, {0, -1}}));
        assertTrue(e.getMessage().contains("W is not Hurwitz"), e.getMessage());
        LinearRnn unstable = LinearRnn.unchecked(new double[][]{{-1}}, new double[][]{{1}}, new double[]{1})
                .withW(new double[][]{{0.5}});
        assertFalse(unstable.isHurwitz());
    }

    // ------------------------------------------------------------------ Hurwitz and unchecked

    @Test
    void hurwitzFailureNamesTheEigenvalue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearRnn.of(new double[][]{{0.3, 0}, {0, -1}}, new double[][]{{1}, {1}}, new double[]{1, 1}));
        assertEquals("W is not Hurwitz: eigenvalue 0.3+0.0i has real part >= 0 "
                + "(every eigenvalue of W must have negative real part)", e.getMessage());
    }

    @Test
    void marginalOscillatorIsNotHurwitz() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearRnn.of(new double[][]{{0, -2}, {2, 0}}, new double[][]{{1}, {0}}, new double[]{1, 0}));
        assertTrue(e.getMessage().contains("eigenvalue 0.0+2.0i has real part >= 0"), e.getMessage());
    }

    @Test
    void uncheckedRnnCanBeBuiltButItsKernelIsRefused() {
        LinearRnn rnn = LinearRnn.unchecked(new double[][]{{0.3}}, new double[][]{{1}}, new double[]{1});
        assertFalse(rnn.isHurwitz());
        assertEquals(-0.3, rnn.slowestDecayRate(), 1e-15);
        IllegalStateException e = assertThrows(IllegalStateException.class, rnn::kernel);
        assertTrue(e.getMessage().contains("not integrable") && e.getMessage().contains("eigenvalue 0.3+0.0i"),
                e.getMessage());
        e = assertThrows(IllegalStateException.class, rnn::functional);
        assertTrue(e.getMessage().contains("LinearRnn.unchecked can only be simulated"), e.getMessage());
        assertTrue(rnn.toString().contains("NOT Hurwitz"), rnn.toString());
    }

    // ------------------------------------------------------------------ bad input

    private static void assertIae(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void rejectsNonSquareW() {
        assertIae(() -> LinearRnn.of(new double[][]{{-1, 0, 0}, {0, -1, 0}}, new double[][]{{1}, {1}},
                new double[]{1, 1}), "W must be square", "2×3");
    }

    @Test
    void rejectsUWithWrongRowCount() {
        assertIae(() -> LinearRnn.of(new double[][]{{-1, 0}, {0, -1}}, new double[][]{{1}, {1}, {1}},
                new double[]{1, 1}), "U must have m=2 rows", "W (2×2)", "is 3×1");
    }

    @Test
    void rejectsCWithWrongLength() {
        assertIae(() -> LinearRnn.of(new double[][]{{-1, 0}, {0, -1}}, new double[][]{{1}, {1}},
                new double[]{1, 1, 1}), "c must have length m=2", "has length 3");
        assertIae(() -> LinearRnn.of(new DMatrixRMaj(new double[][]{{-1}}), new DMatrixRMaj(new double[][]{{1}}),
                new DMatrixRMaj(2, 2)), "c must be an m-vector", "2×2");
    }

    @Test
    void rejectsUWithoutColumns() {
        assertIae(() -> LinearRnn.of(new double[][]{{-1}}, new double[][]{{}}, new double[]{1}),
                "U must have at least one column", "1×0");
    }

    @Test
    void rejectsJaggedAndEmptyArrays() {
        assertIae(() -> LinearRnn.of(new double[][]{{-1, 0}, {0}}, new double[][]{{1}, {1}}, new double[]{1, 1}),
                "W row 1 has length 1 but row 0 has length 2");
        assertIae(() -> LinearRnn.of(new double[0][], new double[][]{{1}}, new double[]{1}),
                "W must have at least one row");
    }

    @Test
    void rejectsNonFiniteEntries() {
        assertIae(() -> LinearRnn.of(new double[][]{{-1, Double.NaN}, {0, -1}}, new double[][]{{1}, {1}},
                new double[]{1, 1}), "W[0][1]=NaN must be a finite number");
        assertIae(() -> LinearRnn.of(new double[][]{{-1}}, new double[][]{{Double.POSITIVE_INFINITY}},
                new double[]{1}), "U[0][0]=Infinity must be a finite number");
        assertIae(() -> LinearRnn.of(new double[][]{{-1}}, new double[][]{{1}}, new double[]{Double.NaN}),
                "c[0]=NaN must be a finite number");
        DMatrixRMaj w = new DMatrixRMaj(new double[][]{{-1}});
        CommonOps_DDRM.fill(w, Double.NaN);
        assertIae(() -> LinearRnn.unchecked(w, new DMatrixRMaj(new double[][]{{1}}), new DMatrixRMaj(new double[][]{{1}})),
                "W[0][0]=NaN");
    }

    @Test
    void rejectsNulls() {
        assertIae(() -> LinearRnn.of((double[][]) null, new double[][]{{1}}, new double[]{1}), "W must not be null");
        assertIae(() -> LinearRnn.of(new double[][]{{-1}}, null, new double[]{1}), "U must not be null");
        assertIae(() -> LinearRnn.of(new double[][]{{-1}}, new double[][]{{1}}, null), "c must not be null");
    }

    @Test
    void rejectsBadDiagonalAndModeArguments() {
        assertIae(() -> LinearRnn.diagonal(new double[]{1, -0.5}, new double[]{1, 1}), "rates[1]=-0.5 must be > 0");
        assertIae(() -> LinearRnn.diagonal(new double[]{1, 2}, new double[]{1}), "amplitudes has length 1",
                "must have length 2");
        assertIae(() -> LinearRnn.fromModes(new double[]{1}, new double[]{0}, new double[]{0}, new double[]{1}),
                "w[0]=0.0 must be > 0");
        assertIae(() -> LinearRnn.fromModes(new double[]{1, 2}, new double[]{0, 0}, new double[]{1, 1},
                new double[]{1}), "theta has length 1", "must have length 2");
    }

    @Test
    void kernelRejectsNegativeOrNonFiniteTimeAndVectorInput() {
        RnnKernel k = LinearRnn.diagonal(new double[]{1}, new double[]{1}).kernel();
        assertIae(() -> k.value(-0.1), "kernel time t=-0.1 must be finite and >= 0");
        assertIae(() -> k.value(Double.NaN), "t=NaN");
        assertIae(() -> k.value(Double.POSITIVE_INFINITY), "t=Infinity");
        LinearRnn vector = LinearRnn.of(new double[][]{{-1}}, new double[][]{{1, 2}}, new double[]{1});
        IllegalStateException e = assertThrows(IllegalStateException.class, vector::kernel);
        assertTrue(e.getMessage().contains("d=2; use vectorKernel()"), e.getMessage());
        assertIae(() -> vector.vectorKernel().component(2), "kernel component i=2 must be in [0, 1]");
    }
}
