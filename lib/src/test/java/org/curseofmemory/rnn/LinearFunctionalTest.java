package org.curseofmemory.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.Norms;
import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.signal.Signals;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LinearFunctionalTest extends KitTest {

    /** Simpson with h = 1e-3 on smooth integrands: error ≈ h⁴·|f''''|/180 ≲ 1e-13. */
    private static final double SMOOTH_TOL = 1e-11;
    /** Worst-case input: |ρ| has kinks at the zeros of ρ, so the rule is O(h²) there. */
    private static final double KINK_TOL = 1e-6;
    private static final double ORDER_TOL = 0.3;

    static MemoryKernel kernel(String name, DoubleUnaryOperator f) {
        return new MemoryKernel() {
            @Override
            public double value(double t) {
                return f.applyAsDouble(t);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private static final double A = 1.3;
    private static final MemoryKernel EXP = kernel("exp(-1.3t)", t -> Math.exp(-A * t));

    @Test
    void exponentialKernelWithExponentialInput() {
        // ∫₀^t e^{-b(t-s)} e^{-as} ds = (e^{-bt} − e^{-at}) / (a − b)
        double b = 0.4;
        LinearFunctional h = LinearFunctional.of(EXP);
        for (double t : new double[]{0.0, 0.0004, 0.7, 3.14159, 10.0}) {
            double expected = t == 0 ? 0 : (Math.exp(-b * t) - Math.exp(-A * t)) / (A - b);
            assertEquals(expected, h.apply(Signals.exponential(b), t), SMOOTH_TOL, "t=" + t);
        }
        assertEquals(0.0, h.apply(Signals.exponential(b), -1.0), 0, "causal input: H_t = 0 for t < 0");
    }

    @Test
    void stepResponseIsTheIntegralOfTheKernel() {
        LinearFunctional h = LinearFunctional.of(EXP);
        double[] times = {0.5, 1.0, 2.345, 8.0};
        double[] y = h.apply(Signals.step(), times);
        for (int i = 0; i < times.length; i++) {
            assertEquals(-Math.expm1(-A * times[i]) / A, y[i], SMOOTH_TOL);
        }
    }

    @Test
    void simpsonRuleConvergesWithOrderFour() {
        MemoryKernel rho = kernel("e^{-t}cos 2t", t -> Math.exp(-t) * Math.cos(2 * t));
        // x(t) = e^{-0.5 t}: H_t = Re ∫₀^t e^{-0.5(t-s)} e^{(-1+2i)s} ds = Re e^{-0.5t}(e^{(-0.5+2i)t} − 1)/(−0.5+2i)
        double t = 3.7;
        double re = -0.5;
        double im = 2;
        double er = Math.exp(re * t) * Math.cos(im * t) - 1;
        double ei = Math.exp(re * t) * Math.sin(im * t);
        double den = re * re + im * im;
        double exact = Math.exp(-0.5 * t) * (er * re + ei * im) / den;
        double[] steps = {0.1, 0.05, 0.025, 0.0125};
        double[] err = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            err[i] = Math.abs(LinearFunctional.of(rho).withQuadratureStep(steps[i]).apply(Signals.exponential(0.5), t) - exact);
        }
        assertEquals(4.0, RnnSimulatorTest.slope(steps, err), ORDER_TOL);
    }

    @Test
    void uniformGridOutputsAgreeWithPointwiseApply() {
        LinearFunctional h = LinearFunctional.of(kernel("damped", t -> Math.exp(-0.5 * t) * Math.sin(t)));
        InputSignal x = Signals.smoothRandom(0.5, 4);
        Trajectory grid = h.outputs(x, 5, 0.25);
        assertEquals(21, grid.size());
        double[] pointwise = h.apply(x, grid.times());
        for (int k = 0; k < grid.size(); k++) {
            assertEquals(pointwise[k], grid.output(k), 1e-10, "t=" + grid.time(k));
        }
        assertTrue(grid.method().startsWith("convolution quadrature"), grid.method());
    }

    @Test
    void nonCausalInputNeedsAHorizon() {
        InputSignal one = Signals.of("one", t -> 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearFunctional.of(EXP).apply(one, 1.0));
        assertTrue(e.getMessage().contains("is not causal") && e.getMessage().contains("withHorizon(S)"), e.getMessage());
        // x ≡ 1 for all time: H_t = ∫₀^S e^{-as} ds = (1 − e^{-aS})/a, independent of t
        LinearFunctional h = LinearFunctional.of(EXP).withHorizon(6);
        double expected = -Math.expm1(-A * 6) / A;
        assertEquals(expected, h.apply(one, -3.0), SMOOTH_TOL);
        assertEquals(expected, h.apply(one, 2.0), SMOOTH_TOL);
        Trajectory grid = h.outputs(one, 2, 0.5);
        assertEquals(expected, grid.output(2), SMOOTH_TOL);
        // a horizon also truncates a causal input: step response saturates at the horizon
        assertEquals(-Math.expm1(-A * 1.5) / A, LinearFunctional.of(EXP).withHorizon(1.5).apply(Signals.step(), 5.0),
                SMOOTH_TOL);
    }

    @Test
    void worstCaseInputAttainsTheL1Norm() {
        MemoryKernel rho = kernel("e^{-t}cos 3t", t -> Math.exp(-t) * Math.cos(3 * t));
        double t = 12;
        // exact ∫₀^t |ρ|: antiderivative F(s) = e^{-s}(3 sin 3s − cos 3s)/10 between consecutive zeros of cos 3s
        DoubleUnaryOperator f = s -> Math.exp(-s) * (3 * Math.sin(3 * s) - Math.cos(3 * s)) / 10;
        double exact = 0;
        double left = 0;
        for (int k = 0; ; k++) {
            double zero = (Math.PI / 2 + k * Math.PI) / 3;
            double right = Math.min(zero, t);
            exact += Math.abs(f.applyAsDouble(right) - f.applyAsDouble(left));
            left = right;
            if (zero >= t) {
                break;
            }
        }
        LinearFunctional h = LinearFunctional.of(rho);
        InputSignal worst = h.worstCaseInput(t);
        assertEquals(exact, h.apply(worst, t), KINK_TOL);
        assertEquals(exact, h.worstCaseOutput(t), KINK_TOL);
        // |x| ≤ 1 and any other input of sup norm ≤ 1 does no better
        for (double tau = 0; tau < t; tau += 0.01) {
            assertTrue(Math.abs(worst.value(tau)) <= 1);
        }
        for (InputSignal other : new InputSignal[]{Signals.step(), Signals.sine(0.48, 0.0),
                Signals.smoothRandom(0.3, 1).times(0.3)}) {
            assertTrue(Math.abs(h.apply(other, t)) <= exact + KINK_TOL, other.name());
        }
    }

    @Test
    void worstCaseOutputOfADiagonalRnnIsItsL1Norm() {
        // positive amplitudes: ‖ρ̂‖₁ = Σ a_k / r_k
        LinearRnn rnn = LinearRnn.diagonal(new double[]{0.5, 2}, new double[]{1, 3});
        double norm = 1 / 0.5 + 3 / 2.0;
        assertEquals(norm, LinearFunctional.of(rnn).worstCaseOutput(80), 1e-12);
    }

    @Test
    void worstCaseOutputMatchesTheNormsOfTheKernelPackage() {
        // oscillating RNN kernel: ∫₀^t |ρ̂| at t = 60 is ‖ρ̂‖₁ up to e^{-0.5·60}; Norms integrates adaptively
        LinearRnn rnn = LinearRnn.fromModes(new double[]{1, -0.5}, new double[]{0.2, 0.1}, new double[]{0.5, 1.1},
                new double[]{2.0, 0.7});
        double norm = org.curseofmemory.kernel.Norms.l1(rnn.kernel());
        assertEquals(norm, LinearFunctional.of(rnn).worstCaseOutput(60), KINK_TOL);
        assertEquals(norm, org.curseofmemory.kernel.Norms.l1(rnn.vectorKernel()), 1e-9);
    }

    @Test
    void vectorKernelFunctionalSumsComponents() {
        LinearRnn rnn = LinearRnn.of(new double[][]{{-1, 0}, {0, -2}}, new double[][]{{1, 0}, {0, 1}},
                new double[]{1, 1});
        // ρ̂ = (e^{-t}, e^{-2t}); steps in each component give (1−e^{-t}) and (1−e^{-2t})/2
        LinearFunctional h = rnn.functional();
        assertEquals(2, h.inputDimension());
        assertEquals(-Math.expm1(-3.0), h.apply(Signals.step(0, 2), 3), SMOOTH_TOL);
        assertEquals(-Math.expm1(-6.0) / 2, h.apply(Signals.step(1, 2), 3), SMOOTH_TOL);
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
        LinearFunctional h = LinearFunctional.of(EXP);
        assertIae(() -> LinearFunctional.of((MemoryKernel) null), "memory kernel rho must not be null");
        assertIae(() -> h.apply(null, 1.0), "input signal x must not be null");
        assertIae(() -> h.apply(Signals.step(1, 2), 1.0), "has dimension 2", "has dimension d=1");
        assertIae(() -> h.apply(Signals.step(), Double.NaN), "time t=NaN must be a finite number");
        assertIae(() -> h.withQuadratureStep(0), "quadrature step h=0.0 must be > 0");
        assertIae(() -> h.withHorizon(-1), "lag horizon S=-1.0 must be > 0");
        assertIae(() -> h.outputs(Signals.step(), 1, 2), "output spacing dt=2.0 must be <= end time T=1.0");
        assertIae(() -> h.outputs(Signals.step(), -1, 0.1), "end time T=-1.0 must be > 0");
        assertIae(() -> h.withQuadratureStep(1e-9).apply(Signals.step(), 100), "more than the cap of 10000000");
        assertIae(() -> h.worstCaseInput(0), "time t=0.0 must be > 0");
    }

    @Test
    void nonFiniteKernelValuesAreReported() {
        LinearFunctional h = LinearFunctional.of(kernel("broken", t -> t > 1 ? Double.NaN : 1.0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.apply(Signals.step(), 2));
        assertTrue(e.getMessage().contains("memory kernel broken returned NaN"), e.getMessage());
    }
}
