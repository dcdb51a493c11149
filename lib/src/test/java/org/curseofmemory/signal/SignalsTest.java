package org.curseofmemory.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SignalsTest extends KitTest {

    /** Sample moments from n = 200 000 draws: standard error of the variance ≈ √(2/n) ≈ 0.003. */
    private static final double MOMENT_TOL = 0.02;

    @Test
    void stepIsOneFromZeroOn() {
        InputSignal s = Signals.step();
        assertEquals(0, s.value(-1e-12));
        assertEquals(1, s.value(0));
        assertEquals(1, s.value(1e6));
        assertTrue(s.isCausal());
        assertEquals(1, s.dimension());
    }

    @Test
    void vectorStepIsAUnitVector() {
        InputSignal s = Signals.step(1, 3);
        assertEquals(3, s.dimension());
        assertArrayEquals(new double[]{0, 1, 0}, s.vector(0.5));
        assertArrayEquals(new double[]{0, 0, 0}, s.vector(-0.5));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.value(1));
        assertTrue(e.getMessage().contains("dimension d=3; use vector(t)"), e.getMessage());
    }

    @Test
    void pulseIsHalfOpen() {
        InputSignal p = Signals.pulse(1, 0.5, 2);
        assertEquals(0, p.value(0.999));
        assertEquals(2, p.value(1));
        assertEquals(2, p.value(1.499));
        assertEquals(0, p.value(1.5));
    }

    @Test
    void sineAndExponentialAreCausal() {
        InputSignal s = Signals.sine(0.25, Math.PI / 2);
        assertEquals(1, s.value(0), 1e-15);
        assertEquals(0, s.value(1), 1e-15);
        assertEquals(0, s.value(-0.1));
        InputSignal e = Signals.exponential(2);
        assertEquals(Math.exp(-2), e.value(1), 1e-16);
        assertEquals(0, e.value(-1));
    }

    @Test
    void piecewiseConstantUsesCellsOfWidthDt() {
        InputSignal p = Signals.piecewiseConstant(0.1, new double[]{1, 2, 3});
        assertEquals(1, p.value(0));
        assertEquals(2, p.value(0.1));
        assertEquals(2, p.value(0.15));
        assertEquals(3, p.value(3 * 0.1 - 1e-3));
        assertEquals(0, p.value(0.3));
        assertEquals(0, p.value(-0.05));
        for (int k = 0; k < 3; k++) {
            assertEquals(k + 1, p.value(k * 0.1), "t = k·dt lands in cell k despite rounding");
        }
    }

    @Test
    void whiteNoiseHasVarianceOneOverDtAndIsSeeded() {
        double dt = 0.01;
        InputSignal w = Signals.whiteNoise(dt, 42);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double lag = 0;
        double prev = 0;
        for (int k = 0; k < n; k++) {
            double v = w.value(k * dt);
            assertEquals(v, w.value(k * dt + 0.5 * dt), "constant on each cell");
            sum += v;
            sumSq += v * v;
            lag += v * prev;
            prev = v;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        assertEquals(0, mean * Math.sqrt(dt), MOMENT_TOL);
        assertEquals(1, variance * dt, MOMENT_TOL, "variance·dt");
        assertEquals(0, lag / n * dt, MOMENT_TOL, "lag-1 correlation");
        assertEquals(0, w.value(-dt / 2));
        InputSignal same = Signals.whiteNoise(dt, 42);
        InputSignal other = Signals.whiteNoise(dt, 43);
        for (int k = 0; k < 100; k++) {
            assertEquals(w.value(k * dt), same.value(k * dt));
        }
        assertNotEquals(w.value(0), other.value(0));
    }

    @Test
    void vectorWhiteNoiseHasIndependentComponents() {
        double dt = 0.1;
        InputSignal w = Signals.whiteNoise(dt, 1, 2);
        int n = 100_000;
        double cross = 0;
        for (int k = 0; k < n; k++) {
            double[] v = w.vector(k * dt);
            cross += v[0] * v[1];
        }
        assertEquals(0, cross / n * dt, MOMENT_TOL);
    }

    @Test
    void smoothRandomHasUnitVarianceAndTheCorrelationTime() {
        double tau = 0.5;
        InputSignal x = Signals.smoothRandom(tau, 7);
        assertEquals(0, x.value(-1));
        // time averages over a long window approximate the ensemble moments of this realisation
        double dt = 0.1;
        int n = 100_000;
        double sumSq = 0;
        double lagged = 0;
        for (int k = 0; k < n; k++) {
            double v = x.value(k * dt);
            sumSq += v * v;
            lagged += v * x.value(k * dt + tau);
        }
        // the time average of x² is 1 for any realisation (measured 1.026 for seed 7)
        assertEquals(1, sumSq / n, 0.1);
        // the time-averaged covariance at lag τ is (1/K) Σ cos(ω_k τ) = e^{-1/2} ± O(1/√K) (measured 0.58)
        assertEquals(Math.exp(-0.5), lagged / n, 0.15);
        InputSignal same = Signals.smoothRandom(tau, 7);
        assertEquals(x.value(3.3), same.value(3.3));
        assertNotEquals(x.value(3.3), Signals.smoothRandom(tau, 8).value(3.3));
    }

    @Test
    void combinators() {
        InputSignal s = Signals.step().times(2).plus(Signals.pulse(0, 1, 1));
        assertEquals(3, s.value(0.5));
        assertEquals(2, s.value(1.5));
        assertTrue(s.isCausal());
        InputSignal delayed = Signals.step().delayed(2);
        assertEquals(0, delayed.value(1.9));
        assertEquals(1, delayed.value(2));
        assertTrue(delayed.isCausal());
        assertFalse(Signals.step().delayed(-1).isCausal());
        InputSignal cosine = Signals.of("cos", Math::cos);
        assertFalse(cosine.isCausal());
        assertEquals(1, cosine.value(-2 * Math.PI), 1e-15);
        assertEquals(0, cosine.causal().value(-2 * Math.PI));
        assertTrue(cosine.causal().isCausal());
        InputSignal v = Signals.vector(Signals.step(), Signals.exponential(1));
        assertArrayEquals(new double[]{1, Math.exp(-1)}, v.vector(1), 1e-16);
        assertEquals(2, Signals.sum(v, v).vector(0)[1], 0);
        assertArrayEquals(new double[]{0, 0, 0}, Signals.zero(3).vector(1));
        assertArrayEquals(new double[]{1, 2, 3}, Signals.causal("t", t -> t).sample(1, 1, 3));
    }

    // ------------------------------------------------------------------ bad input

    private static void assertIae(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void rejectsBadArguments() {
        assertIae(() -> Signals.whiteNoise(0, 1), "white-noise cell width dt=0.0 must be > 0");
        assertIae(() -> Signals.smoothRandom(-1, 1), "correlation time=-1.0 must be > 0");
        assertIae(() -> Signals.pulse(-1, 1, 1), "pulse start=-1.0 must be >= 0");
        assertIae(() -> Signals.pulse(0, 0, 1), "pulse width=0.0 must be > 0");
        assertIae(() -> Signals.pulse(0, 1, Double.NaN), "pulse height=NaN must be a finite number");
        assertIae(() -> Signals.step(3, 3), "step component i=3 must be in [0, 2]");
        assertIae(() -> Signals.step(0, 0), "input dimension d=0 must be >= 1");
        assertIae(() -> Signals.sine(Double.POSITIVE_INFINITY, 0), "sine frequency freq=Infinity");
        assertIae(() -> Signals.piecewiseConstant(0.1, new double[]{1, Double.NaN}),
                "piecewise-constant values[1]=NaN must be a finite number");
        assertIae(() -> Signals.sum(Signals.step(), Signals.step(0, 2)), "summand 1", "has dimension 2",
                "must have the same dimension");
        assertIae(() -> Signals.vector(Signals.step(), Signals.step(0, 2)), "vector component 1",
                "must be scalar (d=1)");
        assertIae(() -> Signals.of("x", null), "signal function f must not be null");
        assertIae(() -> Signals.step().value(Double.NaN), "time t=NaN must be a finite number");
        assertIae(() -> Signals.step(0, 2).component(2, 0), "component index i=2 must be in [0, 1]");
        assertIae(() -> Signals.step().times(Double.NaN), "scale factor=NaN");
    }

    @Test
    void nonFiniteUserFunctionValuesAreReported() {
        InputSignal bad = Signals.of("1/t", t -> 1 / t);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bad.value(0));
        assertTrue(e.getMessage().contains("signal 1/t returned Infinity at t=0.0"), e.getMessage());
    }
}
