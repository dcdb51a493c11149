package org.curseofmemory.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.curseofmemory.train.RealModesModel;
import org.curseofmemory.train.TrainingProblem;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** GD, gradient flow and Adam on a two-exponential target fitted by two real modes (docs/theory.md §4). */
class TrainerTest extends KitTest {
    /** "Tiny loss": relative loss J/J_ref reached by GD and Adam. */
    static final double TINY_RELATIVE_LOSS = 1e-8;
    /** Accepted range of the GD-vs-flow convergence order (Euler is order 1). */
    static final double ORDER_LO = 0.8;
    static final double ORDER_HI = 1.2;

    static final RealModesModel MODEL = RealModesModel.of(2, Reparameterization.EXP);
    static final double[] STAR = MODEL.parametersFor(new double[] {1.0, -0.5}, new double[] {0.3, 1.5});
    static final Grid GRID = Grid.uniform(30, 0.05);

    static TrainingProblem expSumProblem(long seed) {
        return TrainingProblem.ofSamples(MODEL, GRID, MODEL.kernel(STAR, GRID.nodes()), "exp-sum", seed);
    }

    @Test
    void gradientDescentReachesTinyLossOnExpSumTarget() {
        TrainingResult r = GradientDescent.of(0.5).withMaxSteps(20000).withTargetRelativeLoss(TINY_RELATIVE_LOSS)
                .train(expSumProblem(1));
        assertEquals(StopReason.CONVERGED, r.stopReason(), r.toString());
        assertTrue(r.finalRelativeLoss() <= TINY_RELATIVE_LOSS);
        // the fit recovers the decay rates of the target (exponential fitting is ill-conditioned: loose)
        double[] rates = MODEL.decayRates(r.parameters());
        java.util.Arrays.sort(rates);
        assertArrayEquals(new double[] {0.3, 1.5}, rates, 5e-3);
        assertEquals(r.steps() + 1, r.gradientEvaluations());
        assertEquals(r.steps() + 1, r.historySize());
        assertEquals(r.steps() * 0.5, r.timeHistory()[r.historySize() - 1], 1e-12);
    }

    @Test
    void adamReachesTinyLoss() {
        TrainingResult r = Adam.of(0.05).withMaxSteps(20000).withTargetRelativeLoss(TINY_RELATIVE_LOSS)
                .train(expSumProblem(1));
        assertEquals(StopReason.CONVERGED, r.stopReason(), r.toString());
    }

    @Test
    void gradientFlowReachesTinyLoss() {
        TrainingResult r = GradientFlow.create().withMaxSteps(20000).withTargetRelativeLoss(TINY_RELATIVE_LOSS)
                .train(expSumProblem(1));
        assertEquals(StopReason.CONVERGED, r.stopReason(), r.toString());
        double[] tau = r.timeHistory();
        for (int i = 1; i < tau.length; i++) {
            assertTrue(tau[i] > tau[i - 1]);
        }
    }

    @Test
    void gradientDescentConvergesToGradientFlowAsLearningRateShrinks() {
        double horizon = 5.0;
        TrainingProblem problem = expSumProblem(3);
        TrainingResult flow = GradientFlow.create().withTolerances(1e-11, 1e-13).withMaxSteps(100000)
                .withMaxTime(horizon).train(problem);
        assertEquals(StopReason.MAX_TIME, flow.stopReason(), flow.toString());
        assertEquals(horizon, flow.timeHistory()[flow.historySize() - 1], 0.0);
        double[] errors = new double[2];
        double[] etas = {0.02, 0.01};
        for (int j = 0; j < 2; j++) {
            int steps = (int) Math.round(horizon / etas[j]);
            TrainingResult gd = GradientDescent.of(etas[j]).withMaxSteps(steps).train(problem);
            assertEquals(StopReason.MAX_STEPS, gd.stopReason());
            errors[j] = maxAbsDiff(gd.parameters(), flow.parameters());
            assertEquals(flow.finalLoss(), gd.finalLoss(), 0.05 * flow.finalLoss());
        }
        double order = Math.log(errors[0] / errors[1]) / Math.log(2);
        assertTrue(order > ORDER_LO && order < ORDER_HI, "GD→flow order " + order + ", errors " + errors[0]
                + ", " + errors[1]);
    }

    @Test
    void largeLearningRateDivergesWithStepAndValueInMessage() {
        TrainingResult r = GradientDescent.of(100).withMaxSteps(1000).train(expSumProblem(1));
        assertEquals(StopReason.DIVERGED, r.stopReason());
        Divergence d = r.divergence().orElseThrow();
        assertEquals(r.steps(), d.step());
        assertTrue(r.message().contains("step " + d.step()), r.message());
        assertTrue(r.message().contains(String.valueOf(d.value())), r.message());
        // the history stops before the divergent step and contains only finite values
        assertEquals(d.step(), r.historySize());
        for (double l : r.lossHistory()) {
            assertTrue(Double.isFinite(l));
        }
        for (double p : r.parameters()) {
            assertTrue(Double.isFinite(p));
        }
    }

    @Test
    void lossBlowUpBeyondFactorIsDivergence() {
        TrainingResult r = GradientDescent.of(100).withDivergenceFactor(10).withMaxSteps(1000)
                .train(expSumProblem(1));
        assertEquals(StopReason.DIVERGED, r.stopReason());
        Divergence d = r.divergence().orElseThrow();
        assertEquals("loss", d.quantity());
        assertTrue(d.value() > 10 * r.initialLoss());
        assertTrue(r.message().contains("exceeds 10.0 x initial loss"), r.message());
        assertTrue(r.message().contains("step " + d.step() + ":"), r.message());
    }

    @Test
    void directParameterizationDivergesWhereExpStaysFinite() {
        // docs/theory.md §5: the direct choice diverges first. Same start (same decay rates), same learning rate.
        Grid grid = Grid.uniform(20, 0.05);
        double[] target = grid.sample(t -> Math.exp(-0.1 * t));
        RealModesModel direct = RealModesModel.of(1, Reparameterization.DIRECT);
        RealModesModel exp = RealModesModel.of(1, Reparameterization.EXP);
        GradientDescent gd = GradientDescent.of(2.0).withMaxSteps(2000);
        TrainingResult rd = gd.train(TrainingProblem.ofSamples(direct, grid, target, "e^{-t/10}", 4));
        TrainingResult re = gd.train(TrainingProblem.ofSamples(exp, grid, target, "e^{-t/10}", 4));
        assertEquals(StopReason.DIVERGED, rd.stopReason(), rd.toString());
        assertFalse(re.stopReason() == StopReason.DIVERGED, re.toString());
    }

    @Test
    void sameSeedSameResult() {
        TrainingResult a = GradientDescent.of(0.5).withMaxSteps(300).train(expSumProblem(9));
        TrainingResult b = GradientDescent.of(0.5).withMaxSteps(300).train(expSumProblem(9));
        assertArrayEquals(a.lossHistory(), b.lossHistory(), 0.0);
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        TrainingResult c = GradientDescent.of(0.5).withMaxSteps(300).train(expSumProblem(10));
        assertFalse(java.util.Arrays.equals(a.parameters(), c.parameters()));
    }

    @Test
    void stopReasonsMaxStepsListenerAndStall() {
        TrainingProblem p = expSumProblem(1);
        TrainingResult max = GradientDescent.of(0.1).withMaxSteps(7).train(p);
        assertEquals(StopReason.MAX_STEPS, max.stopReason());
        assertEquals(7, max.steps());
        assertTrue(max.message().contains("maxSteps=7"), max.message());

        TrainingResult byListener = GradientDescent.of(0.1).withMaxSteps(1000)
                .withListener(s -> s.step() == 12).train(p);
        assertEquals(StopReason.STOPPED_BY_LISTENER, byListener.stopReason());
        assertEquals(12, byListener.steps());

        TrainingResult stalled = GradientDescent.of(0.5).withMaxSteps(20000).withGradientTolerance(1e-3).train(p);
        assertEquals(StopReason.STALLED, stalled.stopReason(), stalled.toString());
        double[] g = stalled.gradientNormHistory();
        assertTrue(g[g.length - 1] < 1e-3);

        TrainingResult target = GradientDescent.of(0.5).withTargetLoss(1e-3).train(p);
        assertEquals(StopReason.CONVERGED, target.stopReason());
        assertTrue(target.finalLoss() <= 1e-3);
        assertTrue(target.converged());
    }

    @Test
    void resultTableAndRecorderAgree() {
        LossRecorder recorder = new LossRecorder("gd", 10);
        TrainingResult r = GradientDescent.of(0.5).withMaxSteps(95).withListener(recorder).train(expSumProblem(1));
        Table full = r.table();
        assertEquals(96, full.rowCount());
        assertEquals(List.of("step", "time", "loss", "relative loss", "gradient norm"), full.columnNames());
        Table rec = recorder.table();
        assertEquals(List.of("step", "time", "loss", "relative loss"), rec.columnNames());
        assertEquals(11, rec.rowCount()); // steps 0, 10, ..., 90 and the final step 95
        assertEquals(95, rec.intColumn("step").get(10));
        assertEquals(r.finalLoss(), rec.doubleColumn("loss").get(10), 0.0);
        assertEquals(r.finalRelativeLoss(), rec.doubleColumn("relative loss").get(10), 0.0);
        // a recorder reused for a second run starts afresh
        GradientDescent.of(0.5).withMaxSteps(5).withListener(recorder).train(expSumProblem(1));
        assertEquals(2, recorder.table().rowCount()); // steps 0 and 5
    }

    @Test
    void progressListenerWritesToSink() {
        List<String> lines = new ArrayList<>();
        GradientDescent.of(0.5).withMaxSteps(20).withListener(new ProgressListener(lines::add, 10))
                .train(expSumProblem(1));
        assertEquals(4, lines.size()); // steps 0, 10, 20 and the summary
        assertTrue(lines.get(1).startsWith("step 10"), lines.get(1));
        assertTrue(lines.get(3).startsWith("MAX_STEPS after 20 steps"), lines.get(3));
    }

    @Test
    void minimizeWorksOnAnyLossFunction() {
        // J(θ) = ½ Σ k θ_k², minimum at 0; relative loss against J(θ0)
        LossFunction quad = new LossFunction() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double valueAndGradient(double[] theta, double[] gradient) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += 0.5 * (k + 1) * theta[k] * theta[k];
                    if (gradient != null) {
                        gradient[k] = (k + 1) * theta[k];
                    }
                }
                return s;
            }
        };
        TrainingResult r = GradientDescent.of(0.3).withTargetRelativeLoss(1e-12).minimize(quad, new double[] {1, 1, 1});
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertEquals(3.0, r.referenceLoss(), 0.0);
        // GD on a quadratic: the step-0.3 iteration θ_k ← (1 − 0.3 k') θ_k, slowest factor 0.7
        assertEquals(1.0, r.relativeLossHistory()[0], 0.0);
        // learning rate above 2/λ_max = 2/3 diverges
        TrainingResult d = GradientDescent.of(0.7).withMaxSteps(10000).minimize(quad, new double[] {1, 1, 1});
        assertEquals(StopReason.DIVERGED, d.stopReason());
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
