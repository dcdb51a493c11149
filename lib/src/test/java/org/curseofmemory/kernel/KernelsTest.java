package org.curseofmemory.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.quad.QuadratureEstimate;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class KernelsTest extends KitTest {
    /** Closed forms evaluated in double precision. */
    private static final double CLOSED_FORM_REL = 1e-13;
    /** Numeric norms vs closed forms. */
    private static final double NORM_REL = 1e-10;
    /**
     * Exact derivative vs the Richardson-extrapolated central difference (4D(h/2) − D(h))/3, h = 1e-3:
     * truncation O(h⁴), rounding ~1e-16/h.
     */
    private static final double FD_TOL = 1e-8;
    private static final double FD_STEP = 1e-3;
    /** Tolerance on an observed convergence order (log–log slope). */
    private static final double ORDER_TOL = 0.1;

    private static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.abs(expected),
                () -> "relative error " + Math.abs(actual - expected) / Math.abs(expected));
    }

    // ------------------------------------------------------------ exponential sums

    @Test
    void exponentialClosedForms() {
        ExpSumKernel k = Kernels.exponential(0.5);
        assertEquals(Math.exp(-1.0), k.value(2), 1e-16);
        assertRel(2.0, k.exactL1().getAsDouble(), CLOSED_FORM_REL);
        assertRel(1.0, k.exactL2(), CLOSED_FORM_REL);
        assertEquals("exp(-0.5t)", k.name());
        assertEquals(1, k.order());
    }

    @Test
    void complexModeL2MatchesHandFormula() {
        double a = 0.7;
        double b = -1.3;
        double w = 0.4;
        double th = 2.5;
        ExpSumKernel k = Kernels.exponentialSum().withComplexMode(a, b, w, th);
        double den = 4 * (w * w + th * th);
        double hand = (a * a + b * b) / (4 * w) + (a * a - b * b) / 2 * (2 * w) / den - a * b * 2 * th / den;
        assertRel(hand, k.exactL2Squared(), CLOSED_FORM_REL);
        assertRel(hand, Norms.l2Squared(k), NORM_REL);
        assertEquals(2, k.order());
        assertTrue(k.exactL1().isEmpty(), "an oscillating kernel has no closed-form L1 here");
    }

    @Test
    void mixedExpSumGramVsNumeric() {
        ExpSumKernel k = Kernels.exponentialSum(new double[] {1.5, -0.8}, new double[] {0.3, 2.0})
                .withComplexMode(0.5, 0.2, 0.25, 1.7)
                .withComplexMode(-0.3, 0.9, 1.1, 0.4);
        assertRel(k.exactL2Squared(), Norms.l2Squared(k), NORM_REL);
        // tail of the Gram sum vs numeric on [0, T]
        double T = 3.0;
        assertRel(k.exactL2Squared() - k.tailL2Squared(T).getAsDouble(), Math.pow(Norms.l2(k, T), 2), NORM_REL);
        // inner product = (|a+b|² − |a−b|²)/4
        ExpSumKernel other = Kernels.dampedCosine(0.6, 2.0).plus(Kernels.exponential(0.9));
        double ip = k.innerProduct(other);
        double polar = (Norms.l2Squared(k.plus(other)) - Norms.l2Squared(k.minus(other))) / 4;
        assertRel(ip, polar, 1e-9);
        assertEquals(6, k.order());
        assertArrayEquals(new double[] {0.25, 1.1}, k.complexDecays());
    }

    @Test
    void mixedSignRealSumL1() {
        // e^{-t} − 2e^{-2t} changes sign at ln 2: L1 = 1/4 + 1/4
        ExpSumKernel k = Kernels.exponentialSum(new double[] {1, -2}, new double[] {1, 2});
        assertTrue(k.exactL1().isEmpty());
        assertRel(0.5, Norms.l1(k), NORM_REL);
        ExpSumKernel pos = Kernels.exponentialSum(new double[] {2, 3}, new double[] {1, 0.5});
        assertRel(8.0, pos.exactL1().getAsDouble(), CLOSED_FORM_REL);
        assertRel(8.0, Norms.l1(pos), NORM_REL);
    }

    @Test
    void dampedCosineL1AgainstAntiderivative() {
        double a = 0.5;
        double b = 3;
        ExpSumKernel k = Kernels.dampedCosine(a, b);
        assertEquals("exp(-0.5t)cos(3t)", k.name());
        DoubleUnaryOperator f = t -> Math.exp(-a * t) * (b * Math.sin(b * t) - a * Math.cos(b * t)) / (a * a + b * b);
        double ref = Math.abs(f.applyAsDouble(Math.PI / 2 / b) - f.applyAsDouble(0));
        for (int j = 0; j < 200; j++) {
            double s = (Math.PI / 2 + j * Math.PI) / b;
            ref += Math.abs(f.applyAsDouble(s + Math.PI / b) - f.applyAsDouble(s));
        }
        assertRel(ref, Norms.l1(k), NORM_REL);
        assertRel(3.0 / 8, Kernels.dampedCosine().exactL2Squared(), CLOSED_FORM_REL);
    }

    // ------------------------------------------------------------ power law, Airy, bump

    @Test
    void powerLawClosedForms() {
        PowerLawKernel k = Kernels.powerLaw(0.5);
        assertEquals(Math.pow(3, -1.5), k.value(2), 1e-16);
        assertRel(2.0, k.exactL1(), CLOSED_FORM_REL);
        assertRel(1 / Math.sqrt(2.0), k.exactL2(), CLOSED_FORM_REL);
        assertRel(Math.pow(11, -0.5) / 0.5, k.tailL1(10).getAsDouble(), CLOSED_FORM_REL);
        assertEquals("(1+t)^-1.5", k.name());
        // distance between two power laws: both tails known, but the triangle bound is loose, so the
        // tail is extrapolated
        QuadratureEstimate e = Norms.l1DistanceEstimate(k, Kernels.powerLaw(2, 0.5));
        assertRel(2.0, e.value(), 1e-8);
    }

    @Test
    void airyNormsMatchMpmath() {
        // mpmath 1.4.1, mp.dps = 30: quad of |Ai(s0(t − t0))| split at the zeros t0 + a_k/s0, and of Ai².
        assertRel(1.4139079422706940509, Norms.l1(Kernels.airy(1, 3)), NORM_REL);
        assertRel(0.52946375513803123772, Norms.l2Squared(Kernels.airy(1, 3)), NORM_REL);
        assertRel(1.5309480184689322362, Norms.l1(Kernels.airy(2, 5)), NORM_REL);
        assertRel(0.50436880545506904218, Norms.l2Squared(Kernels.airy(2, 5)), NORM_REL);
        assertRel(1.0 / 3, Norms.l1(Kernels.airy(1, 0)), NORM_REL);
        assertEquals("Ai(t-3)", Kernels.airy(1, 3).name());
        assertEquals("Ai(2(t-5))", Kernels.airy(2, 5).name());
        assertRel(0.52946375513803123772, Kernels.airy(1, 3).tailL2Squared(0).getAsDouble(), 1e-11);
    }

    @Test
    void delayedBumpIntegratesAccurately() {
        BumpKernel k = Kernels.delayedBump(100, 1.5);
        assertEquals(1.0, k.value(100), 0.0);
        assertEquals(0.0, k.value(98.5), 0.0);
        assertArrayEquals(new double[] {98.5, 101.5}, k.breakpoints());
        assertRel(1.5 * Math.E * BumpKernel.I1, Norms.l1(k), NORM_REL);
        assertRel(1.5 * Math.E * Math.E * BumpKernel.I2, Norms.l2Squared(k), NORM_REL);
        // the same bump as a bare lambda with declared support: same answer
        MemoryKernel bare = Kernels.fromLambda("bump", k, 98.5, 101.5);
        assertRel(k.exactL1(), Norms.l1(bare), NORM_REL);
        // and a bump touching 0
        BumpKernel z = Kernels.delayedBump(2, 2);
        assertRel(z.exactL1(), Norms.l1(z), NORM_REL);
    }

    // ------------------------------------------------------------ derivatives

    private static void assertDerivativeMatchesFiniteDifference(MemoryKernel k, int maxOrder, double... ts) {
        MemoryKernel prev = k;
        for (int n = 1; n <= maxOrder; n++) {
            MemoryKernel d = k.derivative(n).orElseThrow();
            for (double t : ts) {
                double dh = (prev.value(t + FD_STEP) - prev.value(t - FD_STEP)) / (2 * FD_STEP);
                double h2 = FD_STEP / 2;
                double dh2 = (prev.value(t + h2) - prev.value(t - h2)) / (2 * h2);
                double fd = (4 * dh2 - dh) / 3;
                double scale = Math.max(1, Math.abs(fd));
                assertEquals(fd, d.value(t), FD_TOL * scale, k.name() + " derivative " + n + " at t=" + t);
            }
            prev = d;
        }
    }

    @Test
    void exactDerivativesMatchFiniteDifferences() {
        double[] ts = {0.3, 1.0, 2.7, 6.1};
        assertDerivativeMatchesFiniteDifference(Kernels.exponential(0.7), 3, ts);
        assertDerivativeMatchesFiniteDifference(Kernels.exponentialSum(new double[] {1, -2}, new double[] {0.5, 1.5})
                .withComplexMode(0.4, -0.3, 0.8, 2.2), 3, ts);
        assertDerivativeMatchesFiniteDifference(Kernels.dampedCosine(), 4, ts);
        assertDerivativeMatchesFiniteDifference(Kernels.powerLaw(0.3), 3, ts);
        assertDerivativeMatchesFiniteDifference(Kernels.airy(1.3, 2.5), 3, ts);
        assertDerivativeMatchesFiniteDifference(Kernels.delayedBump(3, 2), 2, 1.5, 2.2, 3.1, 4.6);
        assertDerivativeMatchesFiniteDifference(Kernels.powerLaw(1).plus(Kernels.airy(1, 1)).times(-2), 2, ts);
        // Airy first derivative is s0·Ai'
        AiryKernel ai = Kernels.airy(2, 1);
        assertEquals(2 * Airy.aiPrime(2 * (0.4 - 1)), ai.derivative(1).orElseThrow().value(0.4), 1e-15);
        // order 0 is the kernel itself
        assertSame(ai, ai.derivative(0).orElseThrow());
    }

    @Test
    void lambdaHasNoExactDerivativeButANumericOneOnRequest() {
        MemoryKernel k = Kernels.fromLambda("sin-ish", t -> Math.exp(-t) * Math.sin(2 * t));
        assertTrue(k.derivative(1).isEmpty());
        MemoryKernel d = Kernels.finiteDifferenceDerivative(k, 1e-4);
        assertTrue(d.name().startsWith("numeric d/dt"), d.name());
        for (double t : new double[] {0, 0.5e-4, 0.7, 3}) {
            double exact = Math.exp(-t) * (2 * Math.cos(2 * t) - Math.sin(2 * t));
            assertEquals(exact, d.value(t), 1e-7, "t=" + t);
        }
    }

    @Test
    void finiteDifferenceDerivativeIsSecondOrder() {
        MemoryKernel k = Kernels.fromLambda("sin-ish", t -> Math.exp(-t) * Math.sin(2 * t));
        DoubleUnaryOperator exact = t -> Math.exp(-t) * (2 * Math.cos(2 * t) - Math.sin(2 * t));
        double[] hs = {0.08, 0.04, 0.02, 0.01};
        double[] logH = new double[hs.length];
        double[] logE = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            MemoryKernel d = Kernels.finiteDifferenceDerivative(k, hs[i]);
            double err = 0;
            for (double t : new double[] {0, 0.005, 0.5, 1.3, 2.9}) {
                err = Math.max(err, Math.abs(d.value(t) - exact.applyAsDouble(t)));
            }
            logH[i] = Math.log(hs[i]);
            logE[i] = Math.log(err);
        }
        // least-squares slope of log(error) vs log(h)
        double mh = java.util.Arrays.stream(logH).average().orElseThrow();
        double me = java.util.Arrays.stream(logE).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int i = 0; i < hs.length; i++) {
            num += (logH[i] - mh) * (logE[i] - me);
            den += (logH[i] - mh) * (logH[i] - mh);
        }
        assertEquals(2.0, num / den, ORDER_TOL, "observed order");
    }

    // ------------------------------------------------------------ combinators

    @Test
    void combinatorsCombineValuesNamesBreakpointsAndTails() {
        MemoryKernel a = Kernels.powerLaw(1);
        MemoryKernel b = Kernels.delayedBump(5, 1);
        MemoryKernel s = a.plus(b);
        MemoryKernel m = a.minus(b);
        MemoryKernel c = a.times(-3);
        for (double t : new double[] {0, 4.5, 5, 7}) {
            assertEquals(a.value(t) + b.value(t), s.value(t), 1e-15);
            assertEquals(a.value(t) - b.value(t), m.value(t), 1e-15);
            assertEquals(-3 * a.value(t), c.value(t), 1e-15);
        }
        assertEquals("((1+t)^-2 + bump(5±1))", s.name());
        assertEquals("((1+t)^-2 − bump(5±1))", m.name());
        assertEquals("-3·(1+t)^-2", c.name());
        assertArrayEquals(new double[] {4, 6}, s.breakpoints());
        assertRel(3.0 / 1, c.tailL1(0).getAsDouble(), CLOSED_FORM_REL);
        assertRel(3.0 + 0, Norms.l1(c), NORM_REL);
        // L1 of a sum of positive kernels adds
        assertRel(1 + b.value(5) * 0 + ((BumpKernel) b).exactL1(), Norms.l1(s), NORM_REL);
        // exponential sums stay exponential sums
        MemoryKernel e = Kernels.exponential(1).plus(Kernels.dampedCosine()).times(2);
        assertInstanceOf(ExpSumKernel.class, e);
        assertEquals(3, ((ExpSumKernel) e).order());
        // renaming keeps everything but the name
        MemoryKernel r = a.named("target");
        assertEquals("target", r.name());
        assertEquals(a.value(2), r.value(2));
        assertEquals(a.tailL1(3), r.tailL1(3));
        MemoryKernel sum3 = Kernels.sum(Kernels.exponential(1), Kernels.exponential(2), Kernels.exponential(4));
        assertRel(1 + 0.5 + 0.25, Norms.l1(sum3), NORM_REL);
    }

    @Test
    void vectorKernel() {
        VectorKernel v = Kernels.vector(Kernels.dampedCosine(), Kernels.exponential(-2, 4));
        assertEquals(2, v.dimension());
        assertArrayEquals(new double[] {Math.exp(-1) * Math.cos(1), -2 * Math.exp(-4)}, v.value(1), 1e-15);
        assertRel(Norms.l1(Kernels.dampedCosine()) + 0.5, Norms.l1(v), NORM_REL);
        assertRel(Norms.l1(Kernels.dampedCosine(), 2) + 0.5 * (1 - Math.exp(-8)), Norms.l1(v, 2), NORM_REL);
        VectorKernel w = Kernels.vector(Kernels.dampedCosine(), Kernels.exponential(-1, 4));
        assertRel(0.25, Norms.l1Distance(v, w), NORM_REL);
    }
}
