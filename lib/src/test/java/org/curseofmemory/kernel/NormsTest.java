package org.curseofmemory.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.quad.QuadratureEstimate;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class NormsTest extends KitTest {
    /** Relative accuracy promised on smooth kernels. */
    private static final double SMOOTH_REL = 1e-10;
    /** Relative accuracy with an extrapolated (unknown) power-law tail. */
    private static final double EXTRAPOLATED_REL = 1e-8;

    private static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.abs(expected), () -> "relative error "
                + Math.abs(actual - expected) / Math.abs(expected));
    }

    @Test
    void exponentialNormsAreClosedForm() {
        for (double beta : new double[] {1e-3, 0.1, 0.5, 1, 7, 250}) {
            ExpSumKernel k = Kernels.exponential(beta);
            assertRel(1 / beta, Norms.l1(k), SMOOTH_REL);
            assertRel(1 / Math.sqrt(2 * beta), Norms.l2(k), SMOOTH_REL);
            // finite interval
            assertRel((1 - Math.exp(-beta * 3)) / beta, Norms.l1(k, 3), SMOOTH_REL);
        }
    }

    @Test
    void powerLawNormsUseExactTail() {
        for (double omega : new double[] {0.05, 0.25, 0.5, 1, 3}) {
            PowerLawKernel k = Kernels.powerLaw(omega);
            QuadratureEstimate e = Norms.l1Estimate(k);
            assertEquals(QuadratureEstimate.TailMethod.EXACT, e.tailMethod());
            assertRel(1 / omega, e.value(), SMOOTH_REL);
            assertRel(1 / (1 + 2 * omega), Norms.l2Squared(k), SMOOTH_REL);
        }
    }

    @Test
    void powerLawWithUnknownTailIsExtrapolated() {
        for (double omega : new double[] {0.25, 0.5, 1}) {
            MemoryKernel k = Kernels.fromLambda("pl", t -> Math.pow(1 + t, -(1 + omega)));
            QuadratureEstimate e = Norms.l1Estimate(k);
            assertEquals(QuadratureEstimate.TailMethod.EXTRAPOLATED, e.tailMethod());
            assertRel(1 / omega, e.value(), EXTRAPOLATED_REL);
            assertRel(1 / (1 + 2 * omega), Norms.l2Squared(k), EXTRAPOLATED_REL);
        }
    }

    @Test
    void kinkWithAndWithoutBreakpoint() {
        double l1 = 2 - Math.exp(-1);
        double l2sq = (1 - Math.exp(-2)) / 2 + 0.5;
        MemoryKernel bare = Kernels.fromLambda("kink", t -> Math.exp(-Math.abs(t - 1.3) + 0.3));
        MemoryKernel declared = Kernels.fromLambda("kink", t -> Math.exp(-Math.abs(t - 1.3) + 0.3), 1.3);
        // shift: e^{0.3 - |t-1.3|}: L1 = e^{0.3}(1 - e^{-1.3}) + e^{0.3}
        double e03 = Math.exp(0.3);
        double l1s = e03 * (1 - Math.exp(-1.3)) + e03;
        double l2s = Math.exp(0.6) * ((1 - Math.exp(-2.6)) / 2 + 0.5);
        assertRel(l1s, Norms.l1(bare), SMOOTH_REL);
        assertRel(l1s, Norms.l1(declared), SMOOTH_REL);
        assertRel(l2s, Norms.l2Squared(bare), SMOOTH_REL);
        assertRel(l2s, Norms.l2Squared(declared), SMOOTH_REL);
        assertTrue(l1 > 0 && l2sq > 0);
    }

    @Test
    void dampedCosineL1SplitsAtSignChanges() {
        MemoryKernel k = Kernels.fromLambda("damped", t -> Math.exp(-t) * Math.cos(t));
        // antiderivative F = e^{-t}(sin t - cos t)/2, sign changes at pi/2 + k pi
        java.util.function.DoubleUnaryOperator f = t -> Math.exp(-t) * (Math.sin(t) - Math.cos(t)) / 2;
        double ref = Math.abs(f.applyAsDouble(Math.PI / 2) - f.applyAsDouble(0));
        for (int j = 0; j < 40; j++) {
            double a = Math.PI / 2 + j * Math.PI;
            ref += Math.abs(f.applyAsDouble(a + Math.PI) - f.applyAsDouble(a));
        }
        assertRel(ref, Norms.l1(k), SMOOTH_REL);
        assertRel(3.0 / 8, Norms.l2Squared(k), SMOOTH_REL);
    }

    @Test
    void fastOscillationIsNotAliased() {
        // e^{-at}cos(bt) with b = 25: a 65-point sample of the panel [32, 64] would alias; the root density prior
        // and the incommensurate second grid must still find every sign change
        double a = 0.2;
        double b = 25;
        MemoryKernel k = Kernels.fromLambda("fast", t -> Math.exp(-a * t) * Math.cos(b * t));
        java.util.function.DoubleUnaryOperator f =
            t -> Math.exp(-a * t) * (b * Math.sin(b * t) - a * Math.cos(b * t)) / (a * a + b * b);
        double ref = Math.abs(f.applyAsDouble(Math.PI / 2 / b) - f.applyAsDouble(0));
        for (int j = 0; j < 2000; j++) {
            double s = (Math.PI / 2 + j * Math.PI) / b;
            ref += Math.abs(f.applyAsDouble(s + Math.PI / b) - f.applyAsDouble(s));
        }
        assertRel(ref, Norms.l1(k), SMOOTH_REL);
    }

    @Test
    void underflowingKernelsStayCheap() {
        // e^{-100 t} is exactly 0 beyond t ≈ 7.5; zeros must not be mistaken for sign changes
        QuadratureEstimate e = Norms.l1Estimate(Kernels.exponential(100));
        assertRel(0.01, e.value(), SMOOTH_REL);
        assertTrue(e.evaluations() < 20_000, "evaluations " + e.evaluations());
    }

    @Test
    void distanceAtRoundingLevelIsReportedAsNoiseNotChased() {
        // the same power law computed two ways differs only by rounding, with sign changes everywhere
        PowerLawKernel p = Kernels.powerLaw(0.5);
        MemoryKernel q = Kernels.fromLambda("copy", t -> Math.exp(-1.5 * Math.log1p(t)));
        QuadratureEstimate e = Norms.l1DistanceEstimate(p, q);
        assertTrue(e.value() <= Norms.NOISE * p.exactL1(), "distance " + e.value());
        assertTrue(e.errorEstimate() <= 10 * Norms.NOISE * 2 * p.exactL1(), "error " + e.errorEstimate());
        assertTrue(e.evaluations() < 100_000, "evaluations " + e.evaluations());
        // a genuine tiny difference above the noise is still resolved
        MemoryKernel a = Kernels.airy(1, 5);
        assertRel(1e-12, Norms.l1Distance(a, a.plus(Kernels.exponential(1e-12, 1))), 1e-3);
    }

    @Test
    void jumpWithoutBreakpointStillConverges() {
        MemoryKernel k = Kernels.fromLambda("cut", t -> t < 2.5 ? Math.exp(-t) : 0);
        assertRel(1 - Math.exp(-2.5), Norms.l1(k), SMOOTH_REL);
        assertRel((1 - Math.exp(-5)) / 2, Norms.l2Squared(k), SMOOTH_REL);
    }

    @Test
    void distancesMatchClosedForms() {
        ExpSumKernel a = Kernels.exponential(1);
        ExpSumKernel b = Kernels.exponential(2);
        // e^{-t} - e^{-2t} > 0: L1 = 1 - 1/2
        assertRel(0.5, Norms.l1Distance(a, b), SMOOTH_REL);
        // L2^2 = 1/2 + 1/4 - 2/3
        assertRel(Math.sqrt(0.5 + 0.25 - 2.0 / 3), Norms.l2Distance(a, b), SMOOTH_REL);
        // power law minus exponential: tails bounded by the triangle inequality
        PowerLawKernel p = Kernels.powerLaw(0.5);
        QuadratureEstimate e = Norms.l1DistanceEstimate(p, Kernels.exponential(-1, 1));
        assertRel(2 + 1, e.value(), SMOOTH_REL);
        assertEquals(QuadratureEstimate.TailMethod.BOUNDED, e.tailMethod());
        assertEquals(0.0, Norms.l1Distance(p, p));
    }

    @Test
    void vectorL1SumsComponents() {
        VectorKernel v = Kernels.vector(Kernels.exponential(2), Kernels.powerLaw(-3, 1));
        assertRel(0.5 + 3, Norms.l1(v), SMOOTH_REL);
    }

    @Test
    void nonIntegrableKernelThrows() {
        MemoryKernel k = Kernels.fromLambda("1/(1+t)", t -> 1 / (1 + t));
        ArithmeticException ex = assertThrows(ArithmeticException.class, () -> Norms.l1(k));
        assertTrue(ex.getMessage().contains("did not converge"), ex.getMessage());
        MemoryKernel nan = Kernels.fromLambda("nan", t -> t > 2 ? Double.NaN : 1);
        ArithmeticException ex2 = assertThrows(ArithmeticException.class, () -> Norms.l1(nan));
        assertTrue(ex2.getMessage().contains("kernel 'nan' returned NaN"), ex2.getMessage());
    }
}
