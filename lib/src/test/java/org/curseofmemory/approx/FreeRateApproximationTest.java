package org.curseofmemory.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.Norms;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class FreeRateApproximationTest extends KitTest {

    /** Acceptance (brief): relative L1 error for (1+t)^{−1.5} below this by m = 16. */
    static final double ACCEPTANCE_RELATIVE_L1 = 1e-2;
    static final double EXACT_RECOVERY_TOLERANCE = 1e-9;
    static final double NORMS_AGREEMENT = 1e-9;

    static final MemoryKernel POWER_LAW = Kernels.powerLaw(0.5); // (1+t)^{-1.5}

    @Test
    void powerLawIsFittedWellWhileTheSlowestRateShrinks() {
        int[] widths = {4, 8, 16, 32};
        double prevRate = Double.POSITIVE_INFINITY;
        double prevErr = Double.POSITIVE_INFINITY;
        for (int m : widths) {
            Approximant a = FreeRateApproximation.ofWidth(m).approximate(POWER_LAW);
            assertEquals(ApproximationMethod.LOG_SPACED_RATES, a.method());
            assertTrue(a.slowestRate() < prevRate, "m=" + m + " slowest rate " + a.slowestRate()
                    + " must be below " + prevRate);
            assertTrue(a.relativeL1Error() < prevErr, "m=" + m + " relative L1 error must fall");
            assertEquals(-a.slowestRate(), a.slowestEigenvalue(), 0.0);
            if (m >= 16) {
                assertTrue(a.relativeL1Error() < ACCEPTANCE_RELATIVE_L1,
                        "m=" + m + " relative L1 error " + a.relativeL1Error());
            }
            prevRate = a.slowestRate();
            prevErr = a.relativeL1Error();
        }
    }

    @Test
    void optimisedRatesImproveTheL2LossAndStillPushTheSlowestRateDown() {
        double prevRate = Double.POSITIVE_INFINITY;
        for (int m : new int[] {4, 8}) {
            FreeRateApproximation solver = FreeRateApproximation.ofWidth(m);
            Approximant start = solver.approximate(POWER_LAW);
            Approximant opt = solver.optimizeRates().approximate(POWER_LAW);
            assertEquals(ApproximationMethod.OPTIMIZED_RATES, opt.method());
            assertTrue(opt.l2Error() < start.l2Error(), "m=" + m + ": " + opt.l2Error() + " vs " + start.l2Error());
            assertTrue(opt.iterations() >= 1);
            assertTrue(opt.slowestRate() < prevRate);
            prevRate = opt.slowestRate();
        }
    }

    @Test
    void logSpacedRatesOnAGivenRangeRecoverAnExactSum() {
        MemoryKernel target = Kernels.exponentialSum(new double[] {3, -1}, new double[] {0.5, 2});
        Approximant a = FreeRateApproximation.ofWidth(2).withRateRange(0.5, 2).approximate(target);
        assertArrayEquals(new double[] {0.5, 2}, a.rates(), 1e-15);
        assertArrayEquals(new double[] {3, -1}, a.amplitudes(), EXACT_RECOVERY_TOLERANCE);
        assertTrue(a.relativeL1Error() < EXACT_RECOVERY_TOLERANCE);
    }

    @Test
    void optimisationFindsTheRateOfASingleExponential() {
        MemoryKernel target = Kernels.exponential(2.0, 1.0);
        Approximant a = FreeRateApproximation.ofWidth(1).optimizeRates().approximate(target);
        assertEquals(1.0, a.rates()[0], 1e-6);
        assertEquals(2.0, a.amplitudes()[0], 1e-6);
        assertEquals(StopReason.CONVERGED, a.stopReason());
    }

    @Test
    void initialRatesAreLogSpacedAndSorted() {
        double[] r = FreeRateApproximation.ofWidth(5).withRateRange(1e-3, 10).initialRates(POWER_LAW);
        assertEquals(1e-3, r[0], 1e-18);
        assertEquals(10, r[4], 1e-12);
        for (int k = 1; k < r.length; k++) {
            assertEquals(Math.log(r[1] / r[0]), Math.log(r[k] / r[k - 1]), 1e-12);
        }
    }

    @Test
    void l1FitNormLowersTheL1Error() {
        Approximant l2 = FreeRateApproximation.ofWidth(8).approximate(POWER_LAW);
        Approximant l1 = FreeRateApproximation.ofWidth(8).withFitNorm(FitNorm.L1).approximate(POWER_LAW);
        assertTrue(l1.l1Error() < l2.l1Error(), l1.l1Error() + " vs " + l2.l1Error());
    }

    @Test
    void reportedErrorsAgreeWithNorms() {
        Approximant a = FreeRateApproximation.ofWidth(8).approximate(POWER_LAW);
        assertEquals(Norms.l1Distance(POWER_LAW, a.kernel()), a.l1Error(), NORMS_AGREEMENT * a.l1Error());
        assertEquals(Norms.l2Distance(POWER_LAW, a.kernel()), a.l2Error(), NORMS_AGREEMENT * a.l2Error());
        assertEquals(2.0, a.targetL1Norm(), 1e-9);
    }

    @Test
    void automaticRangeFollowsTheMemoryOfAnOscillatingDelayedKernel() {
        // Ai(t − 7): the memory is gone after t ≈ 10, so no rate should be anywhere near the 1e-12 floor,
        // and the fastest rate must resolve the oscillation, not just the delay.
        double[] r = FreeRateApproximation.ofWidth(8).initialRates(Kernels.airy(1.0, 7.0));
        assertTrue(r[0] > 1e-2, "slowest automatic rate " + r[0]);
        assertTrue(r[7] > 0.3, "fastest automatic rate " + r[7]);
        for (int k = 1; k < r.length; k++) {
            assertTrue(r[k] / r[k - 1] >= Math.exp(FreeRateApproximation.MIN_LOG_RATE_STEP) * (1 - 1e-12));
        }
    }
}
