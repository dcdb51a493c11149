package org.curseofmemory.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.Norms;
import org.curseofmemory.kernel.ShiftedChebyshev;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class JacksonApproximationTest extends KitTest {

    /** docs/theory.md §4 [kit, numpy]: L¹ errors of the Jackson fit of e^{−t}cos t, β = 0.5. */
    static final int[] WIDTHS = {2, 4, 8, 16, 32, 64};
    static final double[] KIT_L1 = {0.26, 4.2e-2, 6.3e-3, 7.7e-4, 6.3e-5, 4.1e-6};
    /** The kit's numbers have two digits; ours must agree to this relative tolerance. */
    static final double CALIBRATION_TOLERANCE = 0.03;
    /** The brief: the log–log slope over m = 8..64 must be steeper than this. */
    static final double REQUIRED_SLOPE = -2;
    static final double EXACT_RECOVERY_TOLERANCE = 1e-10;
    static final double NORMS_AGREEMENT = 1e-9;

    static final MemoryKernel DAMPED_COSINE = Kernels.fromLambda("e^-t cos t", t -> Math.exp(-t) * Math.cos(t));

    @Test
    void dampedCosineErrorsMatchKitCalibrationAndFallFasterThanSecondOrder() {
        double[] err = new double[WIDTHS.length];
        for (int i = 0; i < WIDTHS.length; i++) {
            Approximant a = JacksonApproximation.ofWidth(WIDTHS[i]).withBeta(0.5).approximate(DAMPED_COSINE);
            err[i] = a.l1Error();
            assertEquals(KIT_L1[i], err[i], CALIBRATION_TOLERANCE * KIT_L1[i], "m=" + WIDTHS[i]);
            if (i > 0) {
                assertTrue(err[i] < err[i - 1], "error must fall with m, m=" + WIDTHS[i]);
            }
            assertEquals(ApproximationMethod.JACKSON, a.method());
            assertEquals(0.5, a.beta().getAsDouble());
            assertEquals(StopReason.LINEAR_SOLVE, a.stopReason());
        }
        // least-squares slope of ln(error) against ln(m) over m = 8, 16, 32, 64
        double slope = logLogSlope(new double[] {8, 16, 32, 64}, new double[] {err[2], err[3], err[4], err[5]});
        assertTrue(slope < REQUIRED_SLOPE, "log-log slope " + slope + " must be < " + REQUIRED_SLOPE);
    }

    static double logLogSlope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
            sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
        }
        return sxy / sxx;
    }

    @Test
    void recoversAnExponentialSumOnTheGridExactly() {
        double beta = 0.5;
        double[] amps = {1.0, -2.0, 0.5};
        MemoryKernel target = Kernels.exponentialSum(amps, new double[] {beta, 2 * beta, 3 * beta});
        for (int m : new int[] {3, 5}) {
            Approximant a = JacksonApproximation.ofWidth(m).withBeta(beta).approximate(target);
            double[] got = a.amplitudes();
            for (int k = 0; k < m; k++) {
                double want = k < 3 ? amps[k] : 0.0;
                assertEquals(want, got[k], EXACT_RECOVERY_TOLERANCE, "m=" + m + " a_" + (k + 1));
                assertEquals((k + 1) * beta, a.rates()[k], 0.0);
            }
            assertTrue(a.relativeL1Error() < EXACT_RECOVERY_TOLERANCE, "relative L1 error " + a.relativeL1Error());
        }
    }

    @Test
    void l1FitNormRecoversExactSumsToo() {
        MemoryKernel target = Kernels.exponentialSum(new double[] {2, 1}, new double[] {0.25, 0.5});
        Approximant a = JacksonApproximation.ofWidth(2).withBeta(0.25).withFitNorm(FitNorm.L1).approximate(target);
        assertArrayEquals(new double[] {2, 1}, a.amplitudes(), EXACT_RECOVERY_TOLERANCE);
    }

    @Test
    void stableChebyshevFormAgreesWithMonomialSumWhenWellConditioned() {
        Approximant a = JacksonApproximation.ofWidth(8).withBeta(0.5).approximate(DAMPED_COSINE);
        double[] r = a.rates();
        double[] c = a.amplitudes();
        for (double t : new double[] {0, 0.1, 1, 3, 10}) {
            double naive = 0;
            for (int k = 0; k < r.length; k++) {
                naive += c[k] * Math.exp(-r[k] * t);
            }
            assertEquals(naive, a.value(t), 1e-10);
            assertEquals(a.value(t), a.kernel().value(t), 0.0);
        }
        assertTrue(a.chebyshevCoefficients().isPresent());
    }

    @Test
    void monomialAmplitudesAreHugeAndAlternatingAtHighWidthButKernelStaysAccurate() {
        Approximant a = JacksonApproximation.ofWidth(64).withBeta(0.5).approximate(DAMPED_COSINE);
        assertTrue(a.maxAbsAmplitude() > 1e30, "max |a_k| = " + a.maxAbsAmplitude());
        assertTrue(a.l1Error() < 1e-5);
        for (double amp : a.amplitudes()) {
            assertTrue(Double.isFinite(amp));
        }
    }

    @Test
    void shiftedChebyshevToMonomialIsExact() {
        // T*_2(s) = T_2(2s − 1) = 8s² − 8s + 1 ; T*_3(s) = 32s³ − 48s² + 18s − 1
        assertArrayEquals(new double[] {1, -8, 8}, ShiftedChebyshev.toMonomial(new double[] {0, 0, 1}), 0.0);
        assertArrayEquals(new double[] {-1, 18, -48, 32}, ShiftedChebyshev.toMonomial(new double[] {0, 0, 0, 1}), 0.0);
        assertEquals(Math.cos(3 * Math.acos(0.3)), ShiftedChebyshev.clenshaw(new double[] {0, 0, 0, 1}, 0.3), 1e-15);
    }

    @Test
    void reportedErrorsAgreeWithNorms() {
        Approximant a = JacksonApproximation.ofWidth(8).withBeta(0.5).approximate(DAMPED_COSINE);
        assertEquals(Norms.l1Distance(DAMPED_COSINE, a.kernel()), a.l1Error(), NORMS_AGREEMENT * a.l1Error());
        assertEquals(Norms.l2Distance(DAMPED_COSINE, a.kernel()), a.l2Error(), NORMS_AGREEMENT * a.l2Error());
        assertEquals(Norms.l1(DAMPED_COSINE), a.targetL1Norm(), NORMS_AGREEMENT * a.targetL1Norm());
    }

    @Test
    void optimisedBetaMatchesKitCalibrationForPowerLaw() {
        // docs/theory.md §4 [kit]: relative L1 error ≈ 2.6e-2 at m = 64, ω = 0.5, β optimised.
        Approximant a = JacksonApproximation.ofWidth(64).optimizeBeta().approximate(Kernels.powerLaw(0.5));
        assertEquals(2.6e-2, a.relativeL1Error(), 0.1 * 2.6e-2);
        assertEquals(StopReason.CONVERGED, a.stopReason());
        assertTrue(a.iterations() > JacksonApproximation.SCAN_POINTS);
    }

    @Test
    void optimisedBetaIsALocalMinimumOfTheL1Error() {
        MemoryKernel target = Kernels.powerLaw(1.0);
        Approximant best = JacksonApproximation.ofWidth(12).optimizeBeta(1e-3, 10).approximate(target);
        double b = best.beta().getAsDouble();
        for (double f : new double[] {0.9, 1.1}) {
            Approximant other = JacksonApproximation.ofWidth(12).withBeta(b * f).approximate(target);
            assertTrue(best.l1Error() <= other.l1Error(), "beta*" + f + " gives " + other.l1Error()
                    + " < optimum " + best.l1Error());
        }
        assertTrue(b > 1e-3 && b < 10);
    }

    @Test
    void rawCoefficientsMatchTheApproximant() {
        double[] c = JacksonApproximation.fitCoefficients(DAMPED_COSINE, 0.5, 6, FitNorm.L2);
        Approximant a = JacksonApproximation.ofWidth(6).withBeta(0.5).approximate(DAMPED_COSINE);
        assertArrayEquals(c, a.chebyshevCoefficients().orElseThrow(), 0.0);
    }
}
