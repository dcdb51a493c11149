package org.curseofmemory.train.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.testing.KitTest;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DiscreteRnnTest extends KitTest {
    static final double KERNEL_TOLERANCE = 1e-12;
    /** 3-point Gauss–Legendre per cell of width Δt = 0.1: error O(Δt⁷). */
    static final double CELL_INTEGRAL_TOLERANCE = 1e-11;
    /** Fitted log–log slope of the Euler error must be 1 within this. */
    static final double ORDER_TOLERANCE = 0.05;

    /** W = [[-1, 2], [-2, -1]], U = (1, 0)ᵀ, c = (1, 0): ρ̂(t) = e^{−t} cos 2t. */
    private static double[] dampedRotation(DiscreteRnn model) {
        return model.parameters(new DMatrixRMaj(new double[][] {{-1, 2}, {-2, -1}}),
                new DMatrixRMaj(new double[][] {{1}, {0}}), new double[] {1, 0});
    }

    @Test
    void kernelOfRotationIsDampedCosine() {
        DiscreteRnn model = DiscreteRnn.linear(2, 0.1);
        double[] t = {0, 0.05, 0.5, 0.5, 1.3, 4.0, 9.5};
        double[] rho = model.kernel(dampedRotation(model), t);
        for (int j = 0; j < t.length; j++) {
            assertEquals(Math.exp(-t[j]) * Math.cos(2 * t[j]), rho[j], KERNEL_TOLERANCE);
        }
    }

    @Test
    void zeroOrderHoldImpulseResponseIsCellIntegralOfTheKernel() {
        double dt = 0.1;
        DiscreteRnn model = DiscreteRnn.linear(3, dt);
        double[] theta = model.initialParameters(new Random(1));
        MemoryKernel rhoHat = TestKernels.of("model", s -> model.kernel(theta, new double[] {s})[0]);
        double[] expected = new KernelTarget(rhoHat, dt).cellIntegrals(80);
        double[] actual = model.impulseResponse(theta, 80);
        for (int l = 0; l < expected.length; l++) {
            assertEquals(expected[l], actual[l], CELL_INTEGRAL_TOLERANCE, "lag " + (l + 1));
        }
    }

    @Test
    void zeroOrderHoldModelReproducesItsKernelTarget() {
        double dt = 0.1;
        DiscreteRnn model = DiscreteRnn.linear(2, dt);
        double[] theta = dampedRotation(model);
        double[] x = WhiteNoise.sample(200, 1, dt, new Random(2));
        double[] y = TargetFunctional.ofKernel(TestKernels.dampedCosine(), dt).outputs(x);
        double[] yHat = model.outputs(theta, x);
        for (int k = 0; k < y.length; k++) {
            assertEquals(y[k], yHat[k], 1e-9);
        }
    }

    @Test
    void eulerConvergesToTheExactHoldWithOrderOne() {
        // Error of the Euler impulse response (scaled by 1/Δt) against the exact one on [0, 4].
        double[] dts = {0.04, 0.02, 0.01, 0.005};
        double[] logDt = new double[dts.length];
        double[] logErr = new double[dts.length];
        for (int i = 0; i < dts.length; i++) {
            double dt = dts[i];
            DiscreteRnn exact = DiscreteRnn.linear(2, dt);
            DiscreteRnn euler = exact.withDiscretisation(Discretisation.EULER);
            double[] theta = dampedRotation(exact);
            int lags = (int) Math.round(4.0 / dt);
            double[] a = exact.impulseResponse(theta, lags);
            double[] b = euler.impulseResponse(theta, lags);
            double err = 0;
            for (int l = 0; l < lags; l++) {
                err = Math.max(err, Math.abs(a[l] - b[l]) / dt);
            }
            logDt[i] = Math.log(dt);
            logErr[i] = Math.log(err);
        }
        assertEquals(1.0, slope(logDt, logErr), ORDER_TOLERANCE);
    }

    @Test
    void teacherTargetIsFittedExactlyByItself() {
        DiscreteRnn teacher = DiscreteRnn.tanh(3, 0.1).withInputDimension(2);
        double[] theta = teacher.initialParameters(new Random(3));
        SequenceDataset data = SequenceDataset.whiteNoise(TargetFunctional.ofRnn(teacher, theta), 3, 50, 4);
        assertEquals(0.0, DataLoss.of(teacher, data).value(theta), 0.0);
    }

    @Test
    void parametersRoundTripThroughEjml() {
        DiscreteRnn model = DiscreteRnn.tanh(3, 0.1).withInputDimension(2);
        double[] theta = model.initialParameters(new Random(5));
        double[] back = model.parameters(model.recurrentMatrix(theta), model.inputMatrix(theta), model.readout(theta));
        assertArrayEquals(theta, back, 0.0);
        assertEquals(model.parameterCount(), model.parameterNames().length);
        assertEquals("U[2][1]", model.parameterNames()[9 + 5]);
    }

    @Test
    void sameSeedSameDataAndParameters() {
        TargetFunctional target = TargetFunctional.ofKernel(TestKernels.dampedCosine(), 0.1);
        SequenceDataset a = SequenceDataset.whiteNoise(target, 3, 20, 7);
        SequenceDataset b = SequenceDataset.whiteNoise(target, 3, 20, 7);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.input(i), b.input(i), 0.0);
            assertArrayEquals(a.target(i), b.target(i), 0.0);
        }
        DiscreteRnn model = DiscreteRnn.linear(3, 0.1);
        assertArrayEquals(model.initialParameters(new Random(8)), model.initialParameters(new Random(8)), 0.0);
    }

    @Test
    void whiteNoiseHasVarianceOneOverDt() {
        double dt = 0.04;
        double[] x = WhiteNoise.sample(200_000, 1, dt, new Random(9));
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        double var = s / x.length;
        // standard error of the sample variance: sqrt(2/n) ≈ 0.32 %, allow 4σ
        assertEquals(1 / dt, var, 4 * Math.sqrt(2.0 / x.length) / dt);
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
