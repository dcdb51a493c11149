package org.curseofmemory.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.optim.GradientFlow;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.curseofmemory.train.ComplexModesModel;
import org.curseofmemory.train.TrainingProblem;
import org.junit.jupiter.api.Test;

class PlateauDetectorTest extends KitTest {
    static final double LEVEL_TOL = 0.01;

    /** L(k) = 0.5 + 0.5e^{−k/10} for k &lt; 400, then 0.5e^{−(k−400)/20}: one plateau at 0.5 ending at 400. */
    static double[][] staircase() {
        int n = 600;
        double[] x = new double[n];
        double[] l = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
            l[k] = k < 400 ? 0.5 + 0.5 * Math.exp(-k / 10.0) : 0.5 * Math.exp(-(k - 400) / 20.0);
        }
        return new double[][] {x, l};
    }

    @Test
    void findsTheSyntheticPlateau() {
        double[][] c = staircase();
        List<Plateau> p = PlateauDetector.create().withWindow(100).withThreshold(0.01).detect(c[0], c[1]);
        assertEquals(1, p.size(), p.toString());
        // flat once 0.5e^{-(k-100)/10} < 0.005·L, i.e. for windows starting after k ≈ 46
        assertTrue(p.get(0).start() >= 40 && p.get(0).start() <= 60, p.toString());
        assertTrue(p.get(0).end() >= 395 && p.get(0).end() <= 405, p.toString());
        assertEquals(0.5, p.get(0).level(), LEVEL_TOL);
        assertEquals(p.get(0).end() - p.get(0).start(), p.get(0).length(), 0.0);
    }

    @Test
    void plateausAtOrBelowTargetAreNotReported() {
        double[][] c = staircase();
        assertEquals(List.of(), PlateauDetector.create().withTargetRelativeLoss(0.6).detect(c[0], c[1]));
        assertEquals(List.of(), PlateauDetector.create().withMinLength(400).detect(c[0], c[1]));
    }

    @Test
    void airyTargetWithLongMemoryShowsStaircasePlateaus() {
        // docs/theory.md §4: GD on Ai(t − 6) with four complex mode pairs stalls on plateaus; t0 = 1 has none.
        Grid grid = Grid.uniform(40, 0.02);
        PlateauDetector detector = PlateauDetector.create().withWindow(100).withThreshold(0.05)
                .withTargetRelativeLoss(0.1);
        GradientDescent gd = GradientDescent.of(0.05).withMaxSteps(20000).withTargetRelativeLoss(0.1);
        ComplexModesModel model = ComplexModesModel.of(4, Reparameterization.DIRECT);
        TrainingResult r6 = gd.train(TrainingProblem.of(model, grid, Kernels.airy(1, 6), 2));
        List<Plateau> p6 = detector.detect(r6);
        assertEquals(StopReason.CONVERGED, r6.stopReason());
        assertEquals(2, p6.size(), p6.toString());
        assertTrue(p6.get(1).level() > 0.3 && p6.get(1).level() < 0.6, p6.toString());
        assertTrue(p6.get(1).length() > 500, p6.toString());

        TrainingResult r1 = gd.train(TrainingProblem.of(model, grid, Kernels.airy(1, 1), 2));
        assertEquals(List.of(), detector.detect(r1));
    }

    @Test
    void gradientFlowPlateausAlongFlowTime() {
        Grid grid = Grid.uniform(40, 0.02);
        PlateauDetector detector = PlateauDetector.create().usingTime().withWindow(5).withThreshold(0.05)
                .withTargetRelativeLoss(0.1);
        TrainingResult r = GradientFlow.create().withMaxSteps(100000).withTargetRelativeLoss(0.1)
                .train(TrainingProblem.of(ComplexModesModel.of(4, Reparameterization.DIRECT), grid,
                        Kernels.airy(1, 6), 2));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        List<Plateau> p = detector.detect(r);
        assertTrue(!p.isEmpty(), p.toString());
        // the flow time to the level matches GD steps × learning rate (GD: 1363 steps × 0.05)
        double tau = r.firstTimeAtOrBelowRelativeLoss(0.1).orElseThrow();
        assertEquals(1363 * 0.05, tau, 0.05 * tau);
    }
}
