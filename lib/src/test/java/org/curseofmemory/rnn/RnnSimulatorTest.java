package org.curseofmemory.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.signal.Signals;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.Table;

class RnnSimulatorTest extends KitTest {

    /** ZOH is exact for inputs constant on each step: only rounding remains. */
    private static final double ZOH_EXACT_TOL = 1e-12;
    /** RK4 (input held) with dt = 1e-3 vs ZOH on a step-constant input (error O(dt⁴), measured ≤ 5e-13). */
    private static final double RK4_VS_ZOH_TOL = 1e-8;
    /** Kernel vs impulse response from a pulse of width ε=1e-3 (midpoint error ε²/24·|ρ''|; measured 3.0e-7). */
    private static final double IMPULSE_TOL = 1e-6;
    /** Kernel vs centred difference of the step response with Δt = 1e-3 (error Δt²/6·|ρ''| ≈ 1.2e-6 here). */
    private static final double STEP_DERIVATIVE_TOL = 3e-6;
    /** Tolerance on fitted convergence orders. */
    private static final double ORDER_TOL = 0.25;

    private static final LinearRnn OSCILLATOR = LinearRnn.of(
            new double[][]{{-0.5, -2.0, 0.0}, {2.0, -0.5, 0.3}, {0.0, 0.0, -1.5}},
            new double[][]{{1.0}, {0.0}, {1.0}},
            new double[]{1.0, 0.5, -0.7});

    @Test
    void zohStepResponseIsTheIntegralOfTheKernelExactly() {
        // diagonal RNN, step input: y(t) = Σ a_k (1 − e^{−r_k t}) / r_k, exactly on the grid
        double[] r = {0.3, 1.0, 4.0};
        double[] a = {1.0, -2.0, 0.5};
        LinearRnn rnn = LinearRnn.diagonal(r, a);
        Trajectory traj = rnn.simulate(Signals.step(), 20, 0.05);
        assertEquals(401, traj.size());
        for (int k = 0; k < traj.size(); k++) {
            double t = traj.time(k);
            double expected = 0;
            for (int i = 0; i < r.length; i++) {
                expected += a[i] * -Math.expm1(-r[i] * t) / r[i];
            }
            assertEquals(expected, traj.output(k), ZOH_EXACT_TOL, "t=" + t);
        }
        assertEquals(Trajectory.Status.COMPLETED, traj.status());
    }

    @Test
    void kernelEqualsSimulatedImpulseResponse() {
        // a pulse of width ε and height 1/ε approximates δ: y(t) = (1/ε)∫_{t−ε}^{t} ρ̂ ≈ ρ̂(t − ε/2)
        double eps = 1e-3;
        Trajectory traj = OSCILLATOR.simulate(Signals.pulse(0, eps, 1 / eps), 15, eps);
        RnnKernel k = OSCILLATOR.kernel();
        double worst = 0;
        for (int i = 1; i < traj.size(); i++) {
            double t = traj.time(i);
            worst = Math.max(worst, Math.abs(traj.output(i) - k.value(t - eps / 2)));
        }
        assertTrue(worst < IMPULSE_TOL, "max |impulse response − kernel| = " + worst);
    }

    @Test
    void kernelEqualsDerivativeOfStepResponse() {
        double dt = 1e-3;
        Trajectory traj = RnnSimulator.zeroOrderHold(dt).simulate(OSCILLATOR, Signals.step(), 10);
        RnnKernel k = OSCILLATOR.kernel();
        double worst = 0;
        for (int i = 1; i + 1 < traj.size(); i++) {
            double derivative = (traj.output(i + 1) - traj.output(i - 1)) / (2 * dt);
            worst = Math.max(worst, Math.abs(derivative - k.value(traj.time(i))));
        }
        assertTrue(worst < STEP_DERIVATIVE_TOL, "max |y' − ρ̂| = " + worst);
    }

    @Test
    void rk4AgreesWithZohOnStepConstantInputs() {
        double dt = 1e-3;
        InputSignal noise = Signals.whiteNoise(dt, 17);
        for (InputSignal x : new InputSignal[]{Signals.step(), noise, Signals.pulse(1, 2, 3)}) {
            Trajectory zoh = RnnSimulator.zeroOrderHold(dt).simulate(OSCILLATOR, x, 5);
            Trajectory rk4 = RnnSimulator.rk4(dt).withInputHold(true).simulate(OSCILLATOR, x, 5);
            assertEquals(zoh.size(), rk4.size());
            double worst = 0;
            for (int i = 0; i < zoh.size(); i++) {
                worst = Math.max(worst, Math.abs(zoh.output(i) - rk4.output(i)));
            }
            assertTrue(worst < RK4_VS_ZOH_TOL, x.name() + ": max |ZOH − RK4| = " + worst);
        }
    }

    @Test
    void rk4IsFourthOrderAndZohFirstOrderForSmoothInput() {
        InputSignal x = Signals.sine(0.4, 0.0).plus(Signals.smoothRandom(1.0, 3));
        double tEnd = 4;
        // reference: RK4 with a tiny step
        double reference = RnnSimulator.rk4(1.0 / 2048).simulate(OSCILLATOR, x, tEnd).finalOutput();
        double[] steps = {1.0 / 16, 1.0 / 32, 1.0 / 64, 1.0 / 128};
        double[] rkErr = new double[steps.length];
        double[] zohErr = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            rkErr[i] = Math.abs(RnnSimulator.rk4(steps[i]).simulate(OSCILLATOR, x, tEnd).finalOutput() - reference);
            zohErr[i] = Math.abs(RnnSimulator.zeroOrderHold(steps[i]).simulate(OSCILLATOR, x, tEnd).finalOutput() - reference);
        }
        assertEquals(4.0, slope(steps, rkErr), ORDER_TOL, "RK4 order");
        assertEquals(1.0, slope(steps, zohErr), ORDER_TOL, "ZOH order");
    }

    @Test
    void simulationAgreesWithConvolutionOfTheKernel() {
        // smooth input: RK4 (dt=1e-3) and the Simpson convolution (h=1e-3) are both O(h⁴)-accurate;
        // measured max difference 6e-13
        InputSignal x = Signals.smoothRandom(0.8, 99);
        Trajectory rk4 = RnnSimulator.rk4(1e-3).simulate(OSCILLATOR, x, 6);
        Trajectory conv = OSCILLATOR.functional().outputs(x, 6, 0.1);
        for (int k = 0; k < conv.size(); k++) {
            int i = (int) Math.round(conv.time(k) / 1e-3);
            assertEquals(rk4.output(i), conv.output(k), 1e-10, "t=" + conv.time(k));
        }
        // ZOH (left-point hold) is first order for smooth input: error ≈ dt·‖ρ̂‖₁·sup|x'|/2; measured 8.9e-4
        Trajectory zoh = RnnSimulator.zeroOrderHold(1e-3).simulate(OSCILLATOR, x, 6);
        for (int k = 0; k < conv.size(); k++) {
            int i = (int) Math.round(conv.time(k) / 1e-3);
            assertEquals(conv.output(k), zoh.output(i), 2e-3, "t=" + conv.time(k));
        }
    }

    @Test
    void vectorInputSimulationMatchesSumOfComponentConvolutions() {
        LinearRnn rnn = LinearRnn.of(new double[][]{{-1, 0.5}, {-0.5, -2}}, new double[][]{{1, 0}, {0.3, 1}},
                new double[]{1, -1});
        InputSignal x = Signals.vector(Signals.exponential(0.5), Signals.sine(0.2, 0.3));
        Trajectory rk4 = RnnSimulator.rk4(1e-3).simulate(rnn, x, 3);
        double[] conv = rnn.functional().apply(x, new double[]{1.0, 2.0, 3.0});
        for (int k = 0; k < 3; k++) {
            assertEquals(rk4.output((k + 1) * 1000), conv[k], 1e-8);
        }
    }

    @Test
    void statesAndInputsAreRecordedOnRequest() {
        Trajectory traj = RnnSimulator.zeroOrderHold(0.1).withRecordStates(true).withRecordInputs(true)
                .simulate(OSCILLATOR, Signals.step(), 1);
        assertTrue(traj.hasStates());
        assertEquals(11, traj.states().length);
        assertEquals(3, traj.state(10).length);
        assertEquals(OSCILLATOR.output(traj.state(10)), traj.output(10), 1e-15);
        assertEquals(1.0, traj.inputs()[3][0]);
        Table table = traj.toTable();
        assertEquals(2, table.columnCount());
        assertEquals("t", table.column(0).name());
        assertEquals("y", table.column(1).name());
        assertEquals(11, table.rowCount());
        Table details = traj.toTableWithDetails();
        assertEquals(java.util.List.of("t", "y", "x", "h1", "h2", "h3"), details.columnNames());
        Trajectory plain = OSCILLATOR.simulate(Signals.step(), 1, 0.1);
        assertFalse(plain.hasStates());
        IllegalStateException e = assertThrows(IllegalStateException.class, plain::states);
        assertTrue(e.getMessage().contains("withRecordStates(true)"), e.getMessage());
    }

    @Test
    void unstableRnnGrowsLikeItsEigenvalue() {
        // dh/dt = 0.3 h + x with a step: h(t) = (e^{0.3t} − 1)/0.3
        LinearRnn unstable = LinearRnn.unchecked(new double[][]{{0.3}}, new double[][]{{1}}, new double[]{1});
        Trajectory traj = unstable.simulate(Signals.step(), 30, 0.01);
        assertEquals(Math.expm1(0.3 * 30) / 0.3, traj.finalOutput(), 1e-9 * traj.finalOutput());
        assertEquals(Trajectory.Status.COMPLETED, traj.status());
    }

    @Test
    void rk4WithTooLargeAStepDivergesAndSaysSo() {
        LinearRnn stiff = LinearRnn.diagonal(new double[]{1000}, new double[]{1});
        Trajectory traj = RnnSimulator.rk4(0.01).simulate(stiff, Signals.step(), 10);
        assertTrue(traj.diverged());
        assertTrue(traj.size() < 1001 && traj.size() > 1);
        for (double y : traj.outputs()) {
            assertTrue(Double.isFinite(y));
        }
        assertTrue(traj.toString().contains("DIVERGED"), traj.toString());
        // the exact ZOH stepper has no such limit
        Trajectory zoh = RnnSimulator.zeroOrderHold(0.01).simulate(stiff, Signals.step(), 10);
        assertEquals(1e-3, zoh.finalOutput(), 1e-15);
    }

    @Test
    void whiteNoiseOutputVarianceIsTheSquaredL2NormOfTheKernel() {
        // Itô isometry (docs/theory.md §4): E[y(T)²] = ∫₀^T ρ̂(s)² ds for white-noise input; ρ̂ = e^{-t} − 0.5e^{-3t}
        // has ∫₀^∞ ρ̂² = 1/2 − 2·0.5/4 + 0.25/6. Monte Carlo over 2000 seeds: standard error ≈ √2/√2000 ≈ 3%.
        LinearRnn rnn = LinearRnn.diagonal(new double[]{1, 3}, new double[]{1, -0.5});
        double expected = 0.5 - 0.25 + 0.25 / 6;
        double dt = 0.01;
        RnnSimulator sim = RnnSimulator.zeroOrderHold(dt);
        int seeds = 2000;
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            double y = sim.simulate(rnn, Signals.whiteNoise(dt, s), 8).finalOutput();
            sum += y * y;
        }
        assertEquals(expected, sum / seeds, 4 * Math.sqrt(2.0 / seeds) * expected);
    }

    @Test
    void sameSeedSameTrajectory() {
        Trajectory a = OSCILLATOR.simulate(Signals.whiteNoise(0.01, 5), 2, 0.01);
        Trajectory b = OSCILLATOR.simulate(Signals.whiteNoise(0.01, 5), 2, 0.01);
        assertTrue(java.util.Arrays.equals(a.outputs(), b.outputs()));
    }

    @Test
    void rk4WithStageSamplingIsOnlyFirstOrderOnJumpyInput() {
        // without the hold, the stage at t_{k+1} sees the next white-noise value: a visible O(1)·dt·σ error
        double dt = 1e-3;
        InputSignal noise = Signals.whiteNoise(dt, 17);
        Trajectory zoh = RnnSimulator.zeroOrderHold(dt).simulate(OSCILLATOR, noise, 5);
        Trajectory rk4 = RnnSimulator.rk4(dt).simulate(OSCILLATOR, noise, 5);
        double worst = 0;
        for (int i = 0; i < zoh.size(); i++) {
            worst = Math.max(worst, Math.abs(zoh.output(i) - rk4.output(i)));
        }
        assertTrue(worst > 1e-4, "stage sampling should differ visibly, got " + worst);
        assertEquals("RK4", rk4.method());
        assertTrue(RnnSimulator.rk4(dt).withInputHold(true).inputHold());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void zohCannotDropTheHold() {
        assertIae(() -> RnnSimulator.zeroOrderHold(0.1).withInputHold(false), "only available for RK4");
    }

    private static void assertIae(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void rejectsNonPositiveStep() {
        assertIae(() -> RnnSimulator.zeroOrderHold(0), "time step dt=0.0 must be > 0");
        assertIae(() -> RnnSimulator.rk4(-1e-3), "time step dt=-0.001 must be > 0");
        assertIae(() -> OSCILLATOR.simulate(Signals.step(), 1, Double.NaN), "time step dt=NaN must be > 0");
    }

    @Test
    void rejectsNonPositiveEndTime() {
        assertIae(() -> OSCILLATOR.simulate(Signals.step(), 0, 0.1), "end time T=0.0 must be > 0");
        assertIae(() -> OSCILLATOR.simulate(Signals.step(), -2, 0.1), "end time T=-2.0 must be > 0");
        assertIae(() -> OSCILLATOR.simulate(Signals.step(), 0.05, 0.1), "time step dt=0.1 must be <= end time T=0.05");
    }

    @Test
    void rejectsAbsurdStepCounts() {
        assertIae(() -> OSCILLATOR.simulate(Signals.step(), 1e6, 1e-3), "exceeds the cap of 10000000 steps",
                "increase dt or shorten T");
    }

    @Test
    void rejectsNullOrMismatchedSignal() {
        assertIae(() -> OSCILLATOR.simulate(null, 1, 0.1), "input signal x must not be null");
        assertIae(() -> OSCILLATOR.simulate(Signals.step(0, 2), 1, 0.1), "has dimension 2",
                "RNN has input dimension d=1");
        assertIae(() -> RnnSimulator.rk4(0.1).simulate(null, Signals.step(), 1), "rnn must not be null");
    }

    @Test
    void rejectsNegativeTimeIndex() {
        Trajectory traj = OSCILLATOR.simulate(Signals.step(), 1, 0.1);
        assertIae(() -> traj.output(-1), "time index k=-1 must be in [0, 10]");
        assertIae(() -> traj.time(11), "time index k=11 must be in [0, 10]");
    }

    /** Least-squares slope of log(err) against log(h). */
    static double slope(double[] h, double[] err) {
        int n = h.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.log(h[i]);
            double y = Math.log(err[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
