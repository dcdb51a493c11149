package org.curseofmemory.train.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

/** The hand-written BPTT gradient against central finite differences. */
class DataLossGradientTest extends KitTest {
    /** Required ‖∇L − ∇_FD L‖∞ / ‖∇_FD L‖∞. */
    static final double GRADIENT_TOLERANCE = 1e-6;
    /** Central-difference step: truncation O(h²) ≈ 1e-10, round-off O(ε/h) ≈ 1e-11, relative. */
    static final double FD_STEP = 1e-5;
    static final double DT = 0.1;

    static double relativeGradientError(DataLoss loss, double[] theta, int[] batch) {
        double[] g = new double[theta.length];
        if (batch == null) {
            loss.valueAndGradient(theta, g);
        } else {
            loss.valueAndGradient(theta, g, batch);
        }
        double maxDiff = 0;
        double maxFd = 0;
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += FD_STEP;
            minus[i] -= FD_STEP;
            double fd = batch == null
                    ? (loss.value(plus) - loss.value(minus)) / (2 * FD_STEP)
                    : (loss.valueAndGradient(plus, null, batch) - loss.valueAndGradient(minus, null, batch))
                    / (2 * FD_STEP);
            maxDiff = Math.max(maxDiff, Math.abs(fd - g[i]));
            maxFd = Math.max(maxFd, Math.abs(fd));
        }
        assertTrue(maxFd > 0, "finite-difference gradient is zero: the check would be vacuous");
        return maxDiff / maxFd;
    }

    private static SequenceDataset kernelData(int sequences, int steps, long seed) {
        return SequenceDataset.whiteNoise(TargetFunctional.ofKernel(TestKernels.dampedCosine(), DT), sequences, steps,
                seed);
    }

    @Test
    void linearEulerGradientMatchesFiniteDifferences() {
        DiscreteRnn model = DiscreteRnn.linear(3, DT).withDiscretisation(Discretisation.EULER);
        DataLoss loss = DataLoss.of(model, kernelData(4, 60, 1)).withWashout(5);
        double err = relativeGradientError(loss, model.initialParameters(new Random(2)), null);
        assertTrue(err < GRADIENT_TOLERANCE, "relative gradient error " + err);
    }

    @Test
    void linearZeroOrderHoldGradientMatchesFiniteDifferences() {
        DiscreteRnn model = DiscreteRnn.linear(3, DT);
        DataLoss loss = DataLoss.of(model, kernelData(4, 60, 3)).withWashout(5);
        double err = relativeGradientError(loss, model.initialParameters(new Random(4)), null);
        assertTrue(err < GRADIENT_TOLERANCE, "relative gradient error " + err);
    }

    @Test
    void tanhGradientMatchesFiniteDifferences() {
        DiscreteRnn model = DiscreteRnn.tanh(3, DT);
        DataLoss loss = DataLoss.of(model, kernelData(4, 60, 5)).withWashout(5);
        double err = relativeGradientError(loss, model.initialParameters(new Random(6)), null);
        assertTrue(err < GRADIENT_TOLERANCE, "relative gradient error " + err);
    }

    @Test
    void tanhGradientWithVectorInputAndTeacherTarget() {
        DiscreteRnn teacher = DiscreteRnn.tanh(2, DT).withInputDimension(2);
        DiscreteRnn model = DiscreteRnn.tanh(3, DT).withInputDimension(2);
        TargetFunctional target = TargetFunctional.ofRnn(teacher, teacher.initialParameters(new Random(7)));
        DataLoss loss = DataLoss.of(model, SequenceDataset.whiteNoise(target, 3, 50, 8));
        double err = relativeGradientError(loss, model.initialParameters(new Random(9)), null);
        assertTrue(err < GRADIENT_TOLERANCE, "relative gradient error " + err);
    }

    @Test
    void zeroOrderHoldGradientWithVectorInput() {
        DiscreteRnn teacher = DiscreteRnn.linear(2, DT).withInputDimension(2);
        DiscreteRnn model = DiscreteRnn.linear(3, DT).withInputDimension(2);
        TargetFunctional target = TargetFunctional.ofRnn(teacher, teacher.initialParameters(new Random(10)));
        DataLoss loss = DataLoss.of(model, SequenceDataset.whiteNoise(target, 3, 50, 11));
        double err = relativeGradientError(loss, model.initialParameters(new Random(12)), null);
        assertTrue(err < GRADIENT_TOLERANCE, "relative gradient error " + err);
    }

    @Test
    void miniBatchGradientMatchesFiniteDifferences() {
        DiscreteRnn model = DiscreteRnn.tanh(2, DT);
        DataLoss loss = DataLoss.of(model, kernelData(6, 40, 13));
        double err = relativeGradientError(loss, model.initialParameters(new Random(14)), new int[] {4, 1, 1});
        assertTrue(err < GRADIENT_TOLERANCE, "relative gradient error " + err);
    }

    @Test
    void fullBatchEqualsBatchOfAllSequences() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        DataLoss loss = DataLoss.of(model, kernelData(3, 30, 15));
        double[] theta = model.initialParameters(new Random(16));
        double[] g1 = new double[theta.length];
        double[] g2 = new double[theta.length];
        double l1 = loss.valueAndGradient(theta, g1);
        double l2 = loss.valueAndGradient(theta, g2, new int[] {0, 1, 2});
        assertEquals(l1, l2, 1e-15 * l1);
        for (int i = 0; i < theta.length; i++) {
            assertEquals(g1[i], g2[i], 1e-14 * Math.abs(g1[i]) + 1e-300);
        }
    }
}
