package org.curseofmemory.train.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.optim.LossRecorder;
import org.curseofmemory.optim.ProgressListener;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class SequenceTrainingTest extends KitTest {
    static final double DT = 0.1;

    private static DataLoss kernelProblem(DiscreteRnn model, int sequences, long seed) {
        SequenceDataset data = SequenceDataset.whiteNoise(TargetFunctional.ofKernel(TestKernels.dampedCosine(), DT),
                sequences, 120, seed);
        return DataLoss.of(model, data).withWashout(40);
    }

    @Test
    void fullBatchGradientDescentReducesTheLinearDataLoss() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        DataLoss loss = kernelProblem(model, 16, 1);
        double[] theta0 = model.initialParameters(new Random(2));
        TrainingResult r = GradientDescent.of(0.1).withBatchSize(16).withMaxSteps(300).minimize(loss, theta0, loss.referenceLoss());
        assertEquals(StopReason.MAX_STEPS, r.stopReason());
        assertEquals(300, r.steps());
        assertTrue(loss.value(r.parameters()) < 0.2 * loss.value(theta0),
                "loss " + loss.value(theta0) + " -> " + loss.value(r.parameters()));
    }

    @Test
    void tanhStudentLearnsTanhTeacher() {
        DiscreteRnn teacher = DiscreteRnn.tanh(2, DT);
        DiscreteRnn student = DiscreteRnn.tanh(3, DT);
        SequenceDataset data = SequenceDataset.whiteNoise(
                TargetFunctional.ofRnn(teacher, teacher.initialParameters(new Random(3))), 16, 100, 4);
        DataLoss loss = DataLoss.of(student, data).withWashout(20);
        double[] theta0 = student.initialParameters(new Random(5));
        TrainingResult r = GradientDescent.of(0.2).withBatchSize(4).withSeed(6).withMaxSteps(400).minimize(loss, theta0, loss.referenceLoss());
        assertTrue(loss.value(r.parameters()) < 0.5 * loss.value(theta0),
                "loss " + loss.value(theta0) + " -> " + loss.value(r.parameters()));
    }

    @Test
    void sameSeedGivesIdenticalRunsAndAnotherSeedDoesNot() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        DataLoss loss = kernelProblem(model, 12, 7);
        double[] theta0 = model.initialParameters(new Random(8));
        GradientDescent trainer = GradientDescent.of(0.05).withBatchSize(3).withSeed(9).withMaxSteps(50);
        TrainingResult a = trainer.minimize(loss, theta0, loss.referenceLoss());
        TrainingResult b = trainer.minimize(DataLoss.of(model, loss.data()).withWashout(40), theta0.clone(), loss.referenceLoss());
        TrainingResult c = trainer.withSeed(10).minimize(loss, theta0, loss.referenceLoss());
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertArrayEquals(a.lossHistory(), b.lossHistory(), 0.0);
        assertFalse(java.util.Arrays.equals(a.lossHistory(), c.lossHistory()));
    }

    @Test
    void listenersSeeEveryStepAndLossRecorderRecords() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        DataLoss loss = kernelProblem(model, 8, 11);
        LossRecorder recorder = new LossRecorder();
        List<Integer> seen = new ArrayList<>();
        TrainingResult r = GradientDescent.of(0.05).withBatchSize(4).withMaxSteps(20)
                .withListener(recorder)
                .withListener(step -> {
                    seen.add(step.step());
                    return false;
                })
                .train(SequenceProblem.of(loss, 12));
        assertEquals(21, seen.size());
        assertEquals(21, recorder.table().rowCount());
        assertEquals(r.lossHistory().length, 21);
        assertEquals(loss.referenceLoss(), r.referenceLoss(), 0.0);
    }

    @Test
    void progressListenerReportsEveryPeriodAndTheStop() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        List<String> lines = new ArrayList<>();
        GradientDescent.of(0.05).withBatchSize(4).withMaxSteps(20).withListener(new ProgressListener(lines::add, 10))
                .train(SequenceProblem.of(kernelProblem(model, 8, 19), 20));
        assertEquals(4, lines.size(), lines.toString()); // steps 0, 10, 20 and the summary
        assertTrue(lines.get(3).startsWith("MAX_STEPS after 20 steps"), lines.get(3));
    }

    @Test
    void fullBatchRunEqualsTheLibraryGradientDescentOnTheDataLoss() {
        // DataLoss is a LossFunction: the kernel trainers run on it; full batches give the same path.
        DiscreteRnn model = DiscreteRnn.tanh(2, DT);
        DataLoss loss = kernelProblem(model, 6, 21);
        double[] theta0 = model.initialParameters(new Random(22));
        TrainingResult mine = GradientDescent.of(0.1).withBatchSize(6).withMaxSteps(30).minimize(loss, theta0, loss.referenceLoss());
        TrainingResult gd = GradientDescent.of(0.1).withMaxSteps(30).minimize(loss, theta0, loss.referenceLoss());
        assertArrayEquals(gd.parameters(), mine.parameters(), 0.0);
        assertArrayEquals(gd.lossHistory(), mine.lossHistory(), 0.0);
    }

    @Test
    void listenerCanStopTheRun() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        TrainingResult r = GradientDescent.of(0.05).withBatchSize(4).withMaxSteps(100)
                .withListener(step -> step.step() == 5)
                .train(SequenceProblem.of(kernelProblem(model, 8, 13), 14));
        assertEquals(StopReason.STOPPED_BY_LISTENER, r.stopReason());
        assertEquals(5, r.steps());
    }

    @Test
    void reachingTheTargetRelativeLossConverges() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT);
        DataLoss loss = kernelProblem(model, 16, 15);
        TrainingResult r = GradientDescent.of(0.1).withBatchSize(16)
                .withMaxSteps(2000).withTargetRelativeLoss(0.5)
                .train(SequenceProblem.of(loss, 16));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertTrue(loss.relativeLoss(r.parameters()) <= 0.5);
    }

    @Test
    void tooLargeLearningRateDivergesWithStepAndValue() {
        DiscreteRnn model = DiscreteRnn.linear(2, DT).withDiscretisation(Discretisation.EULER);
        DataLoss loss = kernelProblem(model, 8, 17);
        TrainingResult r = GradientDescent.of(50.0).withBatchSize(8).withMaxSteps(1000).train(SequenceProblem.of(loss, 18));
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(r.divergence().isPresent());
        var d = r.divergence().get();
        assertTrue(d.step() > 0 && d.step() < 1000, "divergent step " + d.step());
        assertTrue(r.message().contains("diverged at step " + d.step()), r.message());
        assertNotNull(d.quantity());
        for (double v : r.parameters()) {
            assertTrue(Double.isFinite(v), "the result keeps the last finite parameters");
        }
    }
}
