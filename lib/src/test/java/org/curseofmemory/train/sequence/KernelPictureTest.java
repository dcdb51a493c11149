package org.curseofmemory.train.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

/**
 * The kernel-picture link (docs/theory.md §4): for white-noise input and a linear model, the data loss
 * (mean squared error per unit time) estimates the kernel distance ∫₀^∞ (ρ − ρ̂)² ds.
 */
class KernelPictureTest extends KitTest {
    static final double DT = 0.05;
    static final int STEPS = 400;
    /** Outputs before 200 steps (10 time units, e^{−10} ≈ 5e-5 of memory left) are not counted. */
    static final int WASHOUT = 200;
    static final int TEST_SEQUENCES = 400;
    /** Allowed deviation in Monte-Carlo standard errors (two-sided 4σ). */
    static final double MC_SIGMAS = 4.0;
    /**
     * Relative gap allowed between the exact discrete expectation Σ_l (ĝ_l − g_l)²/Δt and the
     * integral ∫ (ρ − ρ̂)²: cell averages instead of point values cost O(Δt²) (≈ 1e-3 here).
     */
    static final double DISCRETISATION_TOLERANCE = 5e-3;

    private static final MemoryKernel RHO = TestKernels.dampedCosine();

    /** ∫₀^{20} (ρ − ρ̂)² by the trapezoid rule on a fine grid (ds = 1e-3). */
    private static double kernelDistance(DiscreteRnn model, double[] theta) {
        double ds = 1e-3;
        int n = (int) Math.round(20.0 / ds);
        double[] s = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            s[i] = i * ds;
        }
        double[] rhoHat = model.kernel(theta, s);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double e = RHO.value(s[i]) - rhoHat[i];
            sum += (i == 0 || i == n ? 0.5 : 1.0) * ds * e * e;
        }
        return sum;
    }

    /** Exact E[(ŷ_k − y_k)²] for k beyond the washout: Σ_{l ≤ K} (ĝ_l − g_l)²/Δt. */
    private static double discreteExpectation(DiscreteRnn model, double[] theta) {
        double[] gHat = model.impulseResponse(theta, STEPS);
        double[] g = ((KernelTarget) TargetFunctional.ofKernel(RHO, DT)).cellIntegrals(STEPS);
        double sum = 0;
        for (int l = 0; l < STEPS; l++) {
            double e = gHat[l] - g[l];
            sum += e * e / DT;
        }
        return sum;
    }

    private static void assertLink(DiscreteRnn model, double[] theta, long testSeed) {
        SequenceDataset test = SequenceDataset.whiteNoise(TargetFunctional.ofKernel(RHO, DT), TEST_SEQUENCES, STEPS,
                testSeed);
        DataLoss loss = DataLoss.of(model, test).withWashout(WASHOUT);
        double[] mse = loss.meanSquaredErrors(theta);
        double mean = 0;
        for (double v : mse) {
            mean += v;
        }
        mean /= mse.length;
        double var = 0;
        for (double v : mse) {
            var += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(var / (mse.length - 1) / mse.length);
        assertEquals(2 * loss.value(theta), mean, 1e-12 * mean, "data loss L = half the mean squared error");

        double integral = kernelDistance(model, theta);
        double expectation = discreteExpectation(model, theta);
        assertEquals(expectation, 2 * KernelPicture.expectedDataLoss(model, theta, RHO, STEPS), 1e-14 * expectation);
        assertEquals(integral, 2 * KernelPicture.kernelLoss(model, theta, RHO, Grid.uniform(20.0, 1e-3)),
                1e-12 * integral);
        assertEquals(integral, expectation, DISCRETISATION_TOLERANCE * integral,
                "discrete expectation vs kernel distance");
        assertEquals(integral, mean, MC_SIGMAS * standardError + DISCRETISATION_TOLERANCE * integral,
                "data MSE per unit time " + mean + " ± " + standardError + " vs kernel distance " + integral);
        assertTrue(standardError < 0.05 * integral, "Monte-Carlo error too large to be a test: " + standardError);
    }

    @Test
    void dataLossOfUntrainedLinearModelIsTheKernelDistance() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        assertLink(model, model.initialParameters(new Random(21)), 22);
    }

    @Test
    void dataLossOfLinearModelTrainedOnDataIsTheKernelDistance() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        SequenceDataset train = SequenceDataset.whiteNoise(TargetFunctional.ofKernel(RHO, DT), 32, 300, 23);
        DataLoss trainLoss = DataLoss.of(model, train).withWashout(100);
        double[] theta0 = model.initialParameters(new Random(24));
        TrainingResult result = GradientDescent.of(0.05).withBatchSize(8).withSeed(25).withMaxSteps(200)
                .minimize(trainLoss, theta0, trainLoss.referenceLoss());
        double[] theta = result.parameters();
        assertTrue(kernelDistance(model, theta) < 0.5 * kernelDistance(model, theta0),
                "training on data must have reduced the kernel distance");
        assertLink(model, theta, 26);
    }
}
