package org.curseofmemory.train.sequence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails at the entrance with a message naming the parameter, value and expectation. */
class DataBadInputTest extends KitTest {
    static final double DT = 0.1;

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    private static SequenceDataset data(double dt, int steps) {
        return SequenceDataset.whiteNoise(TargetFunctional.ofKernel(TestKernels.dampedCosine(), dt), 4, steps, 1);
    }

    @Test
    void widthMustBePositive() {
        assertRejected(() -> DiscreteRnn.linear(0, DT), "hidden width m=0", ">= 1");
    }

    @Test
    void dtMustBePositive() {
        assertRejected(() -> DiscreteRnn.tanh(2, -0.1), "sample interval dt=-0.1", "> 0");
        assertRejected(() -> TargetFunctional.ofKernel(TestKernels.dampedCosine(), Double.NaN), "dt=NaN", "> 0");
    }

    @Test
    void zeroOrderHoldNeedsTheLinearModel() {
        assertRejected(() -> DiscreteRnn.tanh(2, DT).withDiscretisation(Discretisation.ZERO_ORDER_HOLD),
                "ZERO_ORDER_HOLD", "only for the linear RNN", "activation=TANH");
    }

    @Test
    void kernelNeedsTheLinearModel() {
        DiscreteRnn tanh = DiscreteRnn.tanh(2, DT);
        assertRejected(() -> tanh.kernel(tanh.initialParameters(new Random(1)), new double[] {0, 1}),
                "kernel", "only for the linear RNN");
    }

    @Test
    void parametersMustHaveTheRightLengthAndBeFinite() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        assertRejected(() -> model.outputs(new double[3], new double[] {1, 2}), "parameters theta", "length 3",
                "length 8");
        double[] theta = model.initialParameters(new Random(2));
        theta[1] = Double.NaN;
        assertRejected(() -> model.outputs(theta, new double[] {1, 2}), "parameters theta[1]=NaN", "finite");
    }

    @Test
    void inputLengthMustBeAMultipleOfTheDimension() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT).withInputDimension(3);
        assertRejected(() -> model.outputs(model.initialParameters(new Random(3)), new double[7]),
                "input sequence has length 7", "multiple of the input dimension d=3");
    }

    @Test
    void modelAndDataMustShareDt() {
        assertRejected(() -> DataLoss.of(DiscreteRnn.linear(2, DT), data(0.05, 10)),
                "model sample interval dt=0.1", "dataset sample interval dt=0.05");
    }

    @Test
    void modelAndDataMustShareInputDimension() {
        assertRejected(() -> DataLoss.of(DiscreteRnn.linear(2, DT).withInputDimension(2), data(DT, 10)),
                "model input dimension d=2", "dataset input dimension d=1");
    }

    @Test
    void washoutMustLeaveOutputs() {
        DataLoss loss = DataLoss.of(DiscreteRnn.linear(2, DT), data(DT, 10));
        assertRejected(() -> loss.withWashout(10), "washout=10", "[0, 9]");
    }

    @Test
    void batchIndicesMustBeInRange() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        DataLoss loss = DataLoss.of(model, data(DT, 10));
        double[] theta = model.initialParameters(new Random(4));
        assertRejected(() -> loss.valueAndGradient(theta, null, new int[] {0, 4}), "batch[1]=4", "[0, 3]");
        assertRejected(() -> loss.valueAndGradient(theta, null, new int[0]), "batch is empty");
    }

    @Test
    void trainerSettingsAreChecked() {
        assertRejected(() -> GradientDescent.of(-1.0).withBatchSize(4), "learning rate=-1.0", "> 0");
        assertRejected(() -> GradientDescent.of(0.1).withBatchSize(0), "batch size=0", ">= 1");
        DataLoss loss = DataLoss.of(DiscreteRnn.linear(2, DT), data(DT, 10));
        assertRejected(() -> GradientDescent.of(0.1).withBatchSize(5).train(SequenceProblem.of(loss, 5)), "batch size=5",
                "[1, 4]");
        assertRejected(() -> GradientDescent.of(0.1).withBatchSize(2).minimize(loss, new double[] {1, 2}, loss.referenceLoss()), "initial parameters",
                "length 2", "length 8");
    }

    @Test
    void whiteNoiseAndDatasetArgumentsAreChecked() {
        assertRejected(() -> WhiteNoise.sample(0, 1, DT, new Random(6)), "steps K=0", ">= 1");
        assertRejected(() -> WhiteNoise.sample(5, 1, DT, null), "random must not be null");
        assertRejected(() -> SequenceDataset.of(new double[][] {{1, 2}}, new double[][] {{1}}, 1, DT),
                "inputs[0] has length 2", "length 1");
        assertRejected(() -> SequenceDataset.whiteNoise(
                TargetFunctional.ofKernel(TestKernels.of("blows up", t -> t > 0.2 ? Double.NaN : 1.0), DT), 1, 5, 7),
                "memory kernel blows up returned");
    }
}
