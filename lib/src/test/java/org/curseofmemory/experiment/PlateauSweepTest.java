package org.curseofmemory.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.optim.Progress;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.curseofmemory.train.ComplexModesModel;
import org.curseofmemory.train.TrainingProblem;
import org.curseofmemory.train.sequence.DataLoss;
import org.curseofmemory.train.sequence.DiscreteRnn;
import org.curseofmemory.train.sequence.SequenceDataset;
import org.curseofmemory.train.sequence.SequenceProblem;
import org.curseofmemory.train.sequence.TargetFunctional;
import org.junit.jupiter.api.Test;

/**
 * The plateau experiment of docs/theory.md §4 [kit calibration] with its full setup: Airy target
 * Ai(t − t0), grid [0, 40] with Δt = 0.02, four complex-conjugate mode pairs, a, b ~ N(0, 0.1²),
 * w ~ U[0.5, 1.5], θ ~ U[0, 1] (DIRECT), plain GD with learning rate 0.05, seeds 1..5, steps capped
 * at 20 000, t0 = 1..6. Runs in about 2 s on one core.
 */
class PlateauSweepTest extends KitTest {
    static final double MIN_R_SQUARED = 0.8;
    static final int MAX_STEPS = 20000;

    static PlateauSweep airySweep() {
        Grid grid = Grid.uniform(40, 0.02);
        ComplexModesModel model = ComplexModesModel.of(4, Reparameterization.DIRECT);
        return PlateauSweep.of(GradientDescent.of(0.05).withMaxSteps(MAX_STEPS),
                t0 -> TrainingProblem.of(model, grid, Kernels.airy(1, t0), 0))
                .withValues(1, 2, 3, 4, 5, 6).withSeeds(1, 2, 3, 4, 5).withRelativeLossLevel(0.1);
    }

    @Test
    void stepsToRelativeLossGrowExponentiallyWithMemory() {
        PlateauSweep.Result r = airySweep().run();
        assertTrue(r.allReached(), r.table().print());
        double[] median = r.medianSteps();
        for (int i = 1; i < median.length; i++) {
            assertTrue(median[i] >= median[i - 1], "median steps " + java.util.Arrays.toString(median));
        }
        LineFit fit = r.logMedianStepsFit();
        assertTrue(fit.slope() > 0, fit.toString());
        assertTrue(fit.rSquared() >= MIN_R_SQUARED, fit.toString());
        // measured (see report): medians 15, 49, 65, 270, 466, 585; slope ≈ 0.76; R² ≈ 0.96
        assertEquals(15, median[0], 0.0);
        assertEquals(6, r.summary().rowCount());
        assertEquals(30, r.table().rowCount());
        // time to the level is steps × learning rate
        assertArrayEquals(java.util.Arrays.stream(median).map(m -> m * 0.05).toArray(), r.medianTimes(), 1e-9);
    }

    @Test
    void resultsAreIdenticalForOneOrTwoThreads() {
        PlateauSweep small = airySweep().withValues(2, 4).withSeeds(3, 1);
        PlateauSweep.Result one = small.withThreads(1).run();
        PlateauSweep.Result two = small.withThreads(2).run();
        List<TrainingResult> a = one.results();
        List<TrainingResult> b = two.results();
        assertEquals(4, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).lossHistory(), b.get(i).lossHistory(), 0.0);
            assertArrayEquals(a.get(i).parameters(), b.get(i).parameters(), 0.0);
        }
        // value-major, seed-minor order: (t0=2, seed 3) first
        assertEquals(one.steps(0, 0), a.get(0).firstStepAtOrBelowRelativeLoss(0.1).orElseThrow());
    }

    @Test
    void genericSweepKeepsOrderAndRethrows() {
        List<String> out = Sweep.run(List.of("a", "b", "c"), new long[] {1, 2}, (v, s) -> v + s, 2);
        assertEquals(List.of("a1", "a2", "b1", "b2", "c1", "c2"), out);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sweep.run(List.of(1), new long[] {7}, (v, s) -> {
                    throw new IllegalArgumentException("boom " + s);
                }, 2));
        assertEquals("boom 7", e.getMessage());
    }

    @Test
    void lineFitOnExactLine() {
        LineFit f = LineFit.leastSquares(new double[] {1, 2, 3}, new double[] {1, 3, 5});
        assertEquals(2, f.slope(), 1e-14);
        assertEquals(-1, f.intercept(), 1e-14);
        assertEquals(1, f.rSquared(), 1e-14);
        assertEquals(7, f.predict(4), 1e-13);
    }

    @Test
    void sweepsSequenceDataProblemsLikeKernelProblemsWithProgress() {
        double dt = 0.2;
        DiscreteRnn net = DiscreteRnn.tanh(2, dt);
        java.util.function.DoubleFunction<SequenceProblem> problems = t0 -> SequenceProblem.of(DataLoss.of(net,
                SequenceDataset.whiteNoise(TargetFunctional.ofKernel(Kernels.airy(1, t0), dt), 8, 40, 3))
                .withWashout(10), 0);
        GradientDescent gd = GradientDescent.of(0.2).withMaxSteps(300);
        List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        PlateauSweep.Result r = PlateauSweep.of(gd, problems).withValues(1, 2).withSeeds(0, 1)
                .withRelativeLossLevel(0.5).withProgress(Progress.to(lines::add).labelled("data")).run();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                TrainingResult direct = gd.withTargetRelativeLoss(0.5)
                        .train(problems.apply(r.values()[i]).withSeed(r.seeds()[j]));
                assertArrayEquals(direct.relativeLossHistory(), r.result(i, j).relativeLossHistory(), 0.0);
            }
        }
        assertEquals(4, lines.size(), lines.toString());
        for (int k = 1; k <= 4; k++) {
            String line = lines.get(k - 1);
            assertTrue(line.startsWith("data: run " + k + " of 4 done"), lines.toString());
            assertEquals(k < 4, line.contains(" s left") || line.contains(" min left"), line);
        }
        assertEquals(4, r.runSteps().length);
        assertArrayEquals(new double[] {1, 1, 2, 2}, r.runValues(), 0.0);
    }

    @Test
    void theTimeLeftScalesTheTimeSoFarByTheRunsToGo() {
        assertEquals(", about 30 s left", PlateauSweep.timeLeft(10, 1, 4));
        assertEquals(", about 2 min left", PlateauSweep.timeLeft(40, 1, 4));
        assertEquals("", PlateauSweep.timeLeft(40, 4, 4));
    }

    @Test
    void aDetectorIsAPureFunctionOfTheResult() {
        TrainingResult run = GradientDescent.of(0.05).withMaxSteps(3000).train(TrainingProblem.of(
                ComplexModesModel.of(4, Reparameterization.DIRECT), Grid.uniform(40, 0.02), Kernels.airy(1, 6), 2));
        PlateauDetector detector = PlateauDetector.create().withWindow(100).withThreshold(0.05);
        List<Plateau> first = detector.detect(run);
        assertEquals(first, detector.detect(run));
        assertEquals(first, detector.detect(run.stepAxis(), run.relativeLossHistory()));
    }
}
