package org.curseofmemory.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Lorenz96Test extends KitTest {

    /**
     * RK4 with h = 0.01 against an independent RK2 reference over one time unit, states of size ~10 with
     * derivatives ~100: measured gap ~3e-5 (RK4's own error; a wrong formula gives O(1)).
     */
    private static final double REFERENCE_TOL = 1e-4;
    /** Observed convergence order of RK4 (4), fitted over h = 0.04 … 0.01. */
    private static final double ORDER_TOL = 0.3;
    /** Energy budget along an RK4 path with h = 0.001, trapezoid rule on dE/dt: O(h²) relative. */
    private static final double ENERGY_TOL = 1e-5;

    private static final Lorenz96 CHAOTIC = Lorenz96.of(40, 8);

    /** A state on the attractor, reproducible. */
    private static double[] onAttractor(Lorenz96 sys, long seed) {
        return sys.advance(sys.randomState(seed), 0.01, 2000);
    }

    /** The right-hand side written independently: modular indices, no wrap-around cases. */
    private static double[] rhsByModulo(double[] x, double f) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (x[Math.floorMod(i + 1, n)] - x[Math.floorMod(i - 2, n)]) * x[Math.floorMod(i - 1, n)] - x[i] + f;
        }
        return d;
    }

    /** Explicit midpoint rule (RK2), a different integrator, with step h for time t. */
    private static double[] midpoint(double[] x0, double f, double t, int steps) {
        double h = t / steps;
        double[] x = x0.clone();
        double[] mid = new double[x.length];
        for (int k = 0; k < steps; k++) {
            double[] d = rhsByModulo(x, f);
            for (int i = 0; i < x.length; i++) mid[i] = x[i] + 0.5 * h * d[i];
            double[] dm = rhsByModulo(mid, f);
            for (int i = 0; i < x.length; i++) x[i] += h * dm[i];
        }
        return x;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void fixedPointIsStationary() {
        for (double f : new double[] {-2, 0.5, 8}) {
            Lorenz96 sys = Lorenz96.of(7, f);
            double[] xf = sys.fixedPoint();
            assertArrayEquals(new double[7], sys.derivative(xf), 0);
            double[][] path = sys.trajectory(xf, 0.05, 100);
            assertArrayEquals(xf, path[100], 0);
        }
    }

    @Test
    void rightHandSideMatchesTheFormula() {
        double[] x = new double[9];
        for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian() * 3;
        assertArrayEquals(rhsByModulo(x, 8), Lorenz96.of(9, 8).derivative(x), 1e-12);
    }

    @Test
    void advectionConservesEnergy() {
        // Σ x_i (x_{i+1} − x_{i−2}) x_{i−1} = 0: the quadratic term moves energy around the ring only
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[40];
            for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian() * 5;
            double[] d = Lorenz96.of(40, 0).derivative(x);
            double work = 0, scale = 0;
            for (int i = 0; i < x.length; i++) {
                work += x[i] * (d[i] + x[i]);          // F = 0: d_i + x_i is the advection term
                scale += Math.abs(x[i]) * (Math.abs(d[i]) + Math.abs(x[i]));
            }
            assertEquals(0, work / scale, 1e-14);
        }
    }

    @Test
    void energyFollowsItsBudgetAlongTheFlow() {
        double h = 0.001;
        double[][] path = CHAOTIC.trajectory(onAttractor(CHAOTIC, 1), h, 2000);
        double integral = 0;
        for (int k = 0; k < 2000; k++) {
            integral += 0.5 * h * (CHAOTIC.energyRate(path[k]) + CHAOTIC.energyRate(path[k + 1]));
        }
        double e0 = CHAOTIC.energy(path[0]), e1 = CHAOTIC.energy(path[2000]);
        assertEquals(0, (e1 - e0 - integral) / e0, ENERGY_TOL);
        assertTrue(Math.abs(e1 - e0) / e0 > 100 * ENERGY_TOL, "the energy does change along the flow");
    }

    @Test
    void matchesAReferenceTrajectoryComputedAnotherWay() {
        double[] x0 = onAttractor(CHAOTIC, 2);
        double[] rk4 = CHAOTIC.advance(x0, 0.01, 100);                 // t = 1
        double[] reference = midpoint(x0, 8, 1.0, 20_000);             // RK2, h = 5e-5: its own error is far below RK4's at h = 0.01
        assertEquals(0, maxDiff(rk4, reference), REFERENCE_TOL);
    }

    @Test
    void convergesWithOrderFour() {
        double[] x0 = onAttractor(CHAOTIC, 3);
        double[] fine = CHAOTIC.advance(x0, 0.00125, 800);            // t = 1
        double[] hs = {0.04, 0.02, 0.01};
        double[] logH = new double[3], logErr = new double[3];
        for (int j = 0; j < 3; j++) {
            double[] coarse = CHAOTIC.advance(x0, hs[j], (int) Math.round(1 / hs[j]));
            logH[j] = Math.log(hs[j]);
            logErr[j] = Math.log(maxDiff(coarse, fine));
        }
        double slope = (logErr[2] - logErr[0]) / (logH[2] - logH[0]);
        assertEquals(4, slope, ORDER_TOL);
    }

    @Test
    void fixedPointAttractsForSmallForcingAndRepelsForFEight() {
        Lorenz96 calm = Lorenz96.of(40, 0.5);
        double[] start = calm.randomState(4);
        double d0 = maxDiff(start, calm.fixedPoint());
        // linearisation: growth rate −1 + F(cos k − cos 2k) ≤ −1 + 9F/8 = −0.4375 at F = 0.5 (stable for F < 8/9)
        assertTrue(maxDiff(calm.advance(start, 0.01, 3000), calm.fixedPoint()) < 1e-3 * d0, "F = 0.5: perturbation decays");
        double[] chaosStart = CHAOTIC.randomState(4);
        double c0 = maxDiff(chaosStart, CHAOTIC.fixedPoint());
        assertTrue(maxDiff(CHAOTIC.advance(chaosStart, 0.01, 1000), CHAOTIC.fixedPoint()) > 100 * c0, "F = 8: perturbation grows");
    }

    @Test
    void nearbyStatesSeparateOnTheAttractor() {
        double[] a = onAttractor(CHAOTIC, 5);
        double[] b = a.clone();
        b[0] += 1e-8;
        double later = maxDiff(CHAOTIC.advance(a, 0.01, 500), CHAOTIC.advance(b, 0.01, 500));
        assertTrue(later > 1e-6, "sensitive dependence: 1e-8 grew to " + later + " in 5 time units");
    }

    @Test
    void randomStatesAreSeeded() {
        assertArrayEquals(CHAOTIC.randomState(9), CHAOTIC.randomState(9), 0);
        assertFalse(Arrays.equals(CHAOTIC.randomState(9), CHAOTIC.randomState(10)));
    }

    @Test
    void trajectoryAndStepAgree() {
        double[] x0 = CHAOTIC.randomState(6);
        double[][] path = CHAOTIC.trajectory(x0, 0.02, 3);
        assertArrayEquals(x0, path[0], 0);
        assertArrayEquals(CHAOTIC.step(CHAOTIC.step(CHAOTIC.step(x0, 0.02), 0.02), 0.02), path[3], 0);
        assertArrayEquals(path[3], CHAOTIC.advance(x0, 0.02, 3), 0);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> Lorenz96.of(3, 8), "Lorenz-96 dimension n=3");
        assertMessage(() -> Lorenz96.of(40, Double.NaN), "Lorenz-96 forcing F=NaN");
        assertMessage(() -> CHAOTIC.step(CHAOTIC.fixedPoint(), 0), "RK4 step h=0.0");
        assertMessage(() -> CHAOTIC.trajectory(CHAOTIC.fixedPoint(), -0.1, 5), "RK4 step h=-0.1");
        assertMessage(() -> CHAOTIC.trajectory(CHAOTIC.fixedPoint(), 0.1, -1), "number of steps=-1");
        assertMessage(() -> CHAOTIC.derivative(new double[39]), "state x has length 39");
        double[] bad = CHAOTIC.fixedPoint();
        bad[3] = Double.POSITIVE_INFINITY;
        assertMessage(() -> CHAOTIC.advance(bad, 0.01, 1), "initial state x0[3]=Infinity");
        assertThrows(IllegalArgumentException.class, () -> CHAOTIC.energy(null));
        IllegalStateException blowUp = assertThrows(IllegalStateException.class,
                () -> CHAOTIC.advance(onAttractor(CHAOTIC, 7), 5.0, 50));
        assertTrue(blowUp.getMessage().contains("too large"), blowUp.getMessage());
    }

    private static void assertMessage(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
