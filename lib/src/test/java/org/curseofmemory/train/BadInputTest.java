package org.curseofmemory.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.curseofmemory.experiment.LineFit;
import org.curseofmemory.experiment.PlateauDetector;
import org.curseofmemory.experiment.PlateauSweep;
import org.curseofmemory.experiment.Sweep;
import org.curseofmemory.optim.Adam;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.optim.GradientFlow;
import org.curseofmemory.optim.LossRecorder;
import org.curseofmemory.optim.ProgressListener;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.optim.StoppingCriteria;
import org.curseofmemory.optim.TrainingMonitor;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails at the entrance with a message naming the parameter, the value and the range. */
class BadInputTest extends KitTest {
    static final Grid GRID = Grid.uniform(10, 0.1);
    static final ComplexModesModel MODEL = ComplexModesModel.of(2, Reparameterization.EXP);

    static TrainingProblem problem() {
        return TrainingProblem.of(MODEL, GRID, ModelGradientTest.TARGET, 1);
    }

    static void fails(String expectedMessage, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedMessage),
                "message '" + e.getMessage() + "' should contain '" + expectedMessage + "'");
    }

    @Test
    void learningRates() {
        fails("learning rate=0.0 must be > 0", () -> GradientDescent.of(0));
        fails("learning rate=-0.1 must be > 0", () -> GradientDescent.of(1).withLearningRate(-0.1));
        fails("learning rate=NaN must be > 0", () -> Adam.of(Double.NaN));
        fails("Adam beta1=1.0 must be in [0, 1)", () -> Adam.of(0.1).withBetas(1.0, 0.9));
        fails("Adam epsilon=0.0 must be > 0", () -> Adam.of(0.1).withEpsilon(0));
    }

    @Test
    void stoppingCriteria() {
        fails("maxSteps=0 must be >= 1", () -> GradientDescent.of(0.1).withMaxSteps(0));
        fails("targetRelativeLoss=1.5 must be in [0.0, 1.0]", () -> Adam.of(0.1).withTargetRelativeLoss(1.5));
        fails("targetLoss=-1.0 must be >= 0", () -> GradientFlow.create().withTargetLoss(-1));
        fails("divergence factor=0.5 must be > 1", () -> GradientDescent.of(0.1).withDivergenceFactor(0.5));
        fails("maxTime=0.0 must be > 0", () -> GradientFlow.create().withMaxTime(0));
        fails("gradientTolerance=-0.001 must be >= 0", () -> GradientDescent.of(0.1).withGradientTolerance(-1e-3));
    }

    @Test
    void gradientFlowSettings() {
        fails("relative tolerance rtol=0.0 must be > 0", () -> GradientFlow.create().withTolerances(0, 1e-9));
        fails("initial step size=-1.0 must be > 0", () -> GradientFlow.create().withInitialStep(-1));
        fails("maximum step size=0.0 must be > 0", () -> GradientFlow.create().withMaxStepSize(0));
    }

    @Test
    void parameterVectors() {
        fails("initial parameters has length 3 but must have length 8",
                () -> GradientDescent.of(0.1).minimize(problem().lossFunction(), new double[3]));
        fails("initial parameters[1]=NaN must be a finite number",
                () -> problem().withInitialParameters(new double[] {0, Double.NaN, 0, 0, 0, 0, 0, 0}));
        fails("parameters theta has length 2 but must have length 8", () -> problem().loss(new double[2]));
        fails("gradient has length 1 but must have length 8",
                () -> MODEL.lossAndGradient(new double[8], GRID, new double[GRID.size()], new double[1]));
        fails("target values has length 5 but must have length 101",
                () -> MODEL.lossAndGradient(new double[8], GRID, new double[5], null));
    }

    @Test
    void nullsAndProblems() {
        fails("grid must not be null", () -> TrainingProblem.of(MODEL, null, ModelGradientTest.TARGET, 1));
        fails("grid must not be null", () -> MODEL.lossAndGradient(new double[8], null, new double[3], null));
        fails("kernel model must not be null", () -> TrainingProblem.ofSamples(null, GRID, new double[101], "x", 1));
        fails("training problem must not be null", () -> GradientDescent.of(0.1).train(null));
        fails("loss function must not be null", () -> Adam.of(0.1).minimize(null, new double[1]));
        fails("listener must not be null", () -> GradientDescent.of(0.1).withListener(null));
        fails("target kernel zero is zero on the grid",
                () -> TrainingProblem.ofSamples(MODEL, GRID, new double[GRID.size()], "zero", 1));
        fails("random must not be null", () -> MODEL.initialParameters(null));
    }

    @Test
    void reparameterizationsAndModels() {
        fails("inverse quadratic coefficient a=0.0 must be > 0", () -> Reparameterization.inverseQuadratic(0, 1));
        fails("inverse quadratic offset b=-1.0 must be > 0", () -> Reparameterization.inverseQuadratic(1, -1));
        fails("decay rate=3.0 is not reachable by INVERSE_QUADRATIC(a=1.0, b=0.5): it must be < 1/b=2.0",
                () -> Reparameterization.INVERSE_QUADRATIC.parameterForDecayRate(3.0));
        fails("decay rate=-1.0 must be > 0", () -> Reparameterization.EXP.parameterForDecayRate(-1));
        fails("decay rate=2.5 is not reachable",
                () -> RealModesModel.of(2, Reparameterization.INVERSE_QUADRATIC).withInitialDecayRange(0.5, 2.5));
        fails("number of mode pairs=0 must be >= 1", () -> ComplexModesModel.of(0, Reparameterization.EXP));
        fails("number of modes=-2 must be >= 1", () -> RealModesModel.of(-2, Reparameterization.EXP));
        fails("RNN width m=0 must be >= 1", () -> LinearRnnModel.of(0));
        fails("initial decay range lo=2.0 must be <= hi=1.0",
                () -> ComplexModesModel.of(1, Reparameterization.EXP).withInitialDecayRange(2, 1));
        fails("times t must be non-negative and non-decreasing, but t[1]=0.5",
                () -> MODEL.kernel(new double[8], new double[] {1, 0.5}));
    }

    @Test
    void listenersAndSweeps() {
        fails("progress period=0 must be >= 1", () -> new ProgressListener(s -> { }, 0));
        fails("progress sink must not be null", () -> new ProgressListener(null, 10));
        fails("recording period every=0 must be >= 1", () -> new LossRecorder("x", 0));
        fails("plateau threshold=1.5 must be < 1", () -> PlateauDetector.create().withThreshold(1.5));
        fails("plateau window=0.0 must be > 0", () -> PlateauDetector.create().withWindow(0));
        fails("sweep threads=0 must be >= 1", () -> Sweep.run(List.of(1), new long[] {1}, (v, s) -> v, 0));
        fails("sweep seeds must not be empty", () -> PlateauSweep.of(GradientDescent.of(0.1), v -> problem())
                .withSeeds());
        fails("relative loss level=1.0 must be < 1",
                () -> PlateauSweep.of(GradientDescent.of(0.1), v -> problem()).withRelativeLossLevel(1.0));
        fails("x values must not all be equal", () -> LineFit.leastSquares(new double[] {1, 1}, new double[] {0, 2}));
        fails("reference loss=0.0 must be > 0", () -> new TrainingMonitor("t", StoppingCriteria.defaults(),
                List.of(), 0.0));
    }

    @Test
    void monitorMisuseIsAnIllegalState() {
        TrainingMonitor m = new TrainingMonitor("t", StoppingCriteria.defaults().withMaxSteps(1), List.of());
        IllegalStateException early = assertThrows(IllegalStateException.class, m::finish);
        assertTrue(early.getMessage().contains("before the run stopped"), early.getMessage());
        m.observe(0, 0, 1.0, 1.0, new double[] {0});
        assertTrue(m.observe(1, 1, 0.5, 1.0, new double[] {0}));
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> m.observe(2, 2, 0.25, 1.0, new double[] {0}));
        assertTrue(again.getMessage().contains("training already stopped (MAX_STEPS)"), again.getMessage());
        assertEquals(StopReason.MAX_STEPS, m.finish().stopReason());
    }
}
