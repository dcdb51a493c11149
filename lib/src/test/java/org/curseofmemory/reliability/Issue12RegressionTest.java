package org.curseofmemory.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.List;
import org.curseofmemory.experiment.Sweep;
import org.curseofmemory.linalg.MatrixExponential;
import org.curseofmemory.linalg.Matrices;
import org.curseofmemory.optim.StoppingCriteria;
import org.curseofmemory.optim.TrainingMonitor;
import org.curseofmemory.quad.ChebyshevGauss;
import org.curseofmemory.quad.Composite;
import org.curseofmemory.quad.Roots;
import org.curseofmemory.signal.Lorenz96;
import org.curseofmemory.train.sequence.Lorenz96Data;
import org.curseofmemory.train.sequence.SequenceDataset;
import org.curseofmemory.train.sequence.TargetFunctional;
import org.curseofmemory.approx.FreeRateApproximation;
import org.curseofmemory.approx.PerturbationError;
import org.curseofmemory.check.Check;
import org.curseofmemory.check.CheckFailure;
import org.curseofmemory.check.Exercise;
import org.curseofmemory.experiment.LineFit;
import org.curseofmemory.experiment.PlateauDetector;
import org.curseofmemory.experiment.PlateauSweep;
import org.curseofmemory.kernel.AiryKernel;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.optim.DivergenceCriterion;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.curseofmemory.train.LinearRnnModel;
import org.curseofmemory.train.RealModesModel;
import org.curseofmemory.train.TrainingProblem;
import org.curseofmemory.train.sequence.DiscreteRnn;
import org.curseofmemory.train.sequence.WhiteNoise;
import org.curseofmemory.util.KitArgumentException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One regression test per library finding of issue 12 (bad input: clear error, never a hang). */
class Issue12RegressionTest extends KitTest {
    private static final Duration FAST = Duration.ofSeconds(10);
    private final ByteArrayOutputStream graded = new ByteArrayOutputStream();

    @BeforeEach
    void captureGrades() {
        Check.reportTo(new PrintStream(graded, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreGrades() {
        Check.reportTo(System.out);
    }

    /** Throws KitArgumentException, quickly, with a message containing every fragment. */
    private static void rejects(Executable call, String... fragments) {
        KitArgumentException e = assertTimeoutPreemptively(FAST, () -> assertThrows(KitArgumentException.class, call));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void gradingAnArrayWithANaNEntryIsNeverCorrect() {
        Exercise ex = Exercise.titled("1");
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> ex.grade(new double[] {Double.NaN, 1}, new double[] {5, 1}, 0.1));
        assertTrue(f.getMessage().contains("entry 0") && f.getMessage().contains("not a finite number"), f.getMessage());
        assertThrows(CheckFailure.class, () -> ex.grade(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 1}, 0.1));
        assertThrows(CheckFailure.class, () -> ex.grade(Double.POSITIVE_INFINITY, 1, 0.1));
        assertThrows(CheckFailure.class, () -> ex.grade(Double.NEGATIVE_INFINITY, 1, 0.1));
        ex.grade(new double[] {Double.NaN, Double.NaN}, new double[] {5, 1}, 0.1); // all placeholders: not attempted
        ex.grade(Double.NaN, 1, 0.1);
        assertTrue(!graded.toString(StandardCharsets.UTF_8).contains("correct"), graded.toString(StandardCharsets.UTF_8));
    }

    @Test
    void uniformGridRejectsTooManyNodesInsteadOfOverflowing() {
        rejects(() -> Grid.uniform(4294967396.0, 1), "MAX_NODES=" + Grid.MAX_NODES, "dt=1.0");
        rejects(() -> Grid.uniform(Double.MAX_VALUE, Double.MIN_VALUE), "MAX_NODES");
        assertEquals(Grid.MAX_NODES, Grid.uniform(Grid.MAX_NODES - 1, 1).size());
    }

    @Test
    void gridIndexAndSampleArgumentsAreChecked() {
        Grid g = Grid.uniform(1, 0.5);
        rejects(() -> g.node(-1), "grid node index i=-1", "[0, 2]");
        rejects(() -> g.weight(3), "grid node index i=3");
        rejects(() -> g.sample(null), "function f to sample");
    }

    @Test
    void hugeWidthsAreCappedBeforeParameterCountsOverflow() {
        rejects(() -> LinearRnnModel.of(Integer.MAX_VALUE), "RNN width m=2147483647", "<= " + LinearRnnModel.MAX_WIDTH);
        rejects(() -> DiscreteRnn.linear(Integer.MAX_VALUE, 0.1), "hidden width m=2147483647", "<= " + DiscreteRnn.MAX_WIDTH);
        rejects(() -> DiscreteRnn.tanh(100_000, 0.1), "hidden width m=100000");
        rejects(() -> DiscreteRnn.linear(4, 0.1).withInputDimension(Integer.MAX_VALUE), "input dimension d=2147483647");
        rejects(() -> RealModesModel.of(Integer.MAX_VALUE, Reparameterization.EXP), "number of modes=2147483647");
        LinearRnnModel widest = LinearRnnModel.of(LinearRnnModel.MAX_WIDTH);
        assertEquals(LinearRnnModel.MAX_WIDTH * (LinearRnnModel.MAX_WIDTH + 2), widest.parameterCount());
        assertEquals(widest.parameterCount(), widest.initialParameters(new Random(1)).length);
    }

    @Test
    void plateauDetectorRejectsDecreasingStepsAndBadLosses() {
        PlateauDetector d = PlateauDetector.create();
        rejects(() -> d.detect(new double[] {2, 1, 0}, new double[] {1, 1, 1}), "plateau abscissae x", "x[1]=1.0");
        rejects(() -> d.detect(new double[] {0, 1, 2}, new double[] {1, -1, 1}), "relative loss[1]=-1.0");
        rejects(() -> d.detect(new double[] {0, 1, 2}, new double[] {1, Double.NaN, 1}), "relative loss[1]=NaN");
    }

    @Test
    void lossAndGradientRejectNonFiniteParametersLikeWithInitialParameters() {
        LinearRnnModel model = LinearRnnModel.of(2);
        Grid grid = Grid.uniform(2, 0.1);
        TrainingProblem p = TrainingProblem.of(model, grid, Kernels.exponential(1), 0);
        double[] theta = p.initialParameters();
        theta[3] = Double.NaN;
        rejects(() -> p.withInitialParameters(theta), "initial parameters[3]=NaN");
        rejects(() -> p.gradient(theta), "parameters theta[3]=NaN");
        rejects(() -> p.loss(theta), "parameters theta[3]=NaN");
        rejects(() -> model.lossAndGradient(theta, grid, p.target(), null), "parameters theta[3]=NaN");
        // the trainers' loss function still reports J = NaN there, so a diverging run stops with DIVERGED
        assertTrue(Double.isNaN(p.lossFunction().value(theta)));
    }

    @Test
    void lineFitOfHugeValuesIsExact() {
        LineFit f = LineFit.leastSquares(new double[] {0, 1}, new double[] {1e200, 3e200});
        assertEquals(1.0, f.rSquared(), 1e-12);
        assertEquals(2e200, f.slope(), 1e188);
        LineFit g = LineFit.leastSquares(new double[] {1e200, 2e200}, new double[] {1, 2});
        assertEquals(1.0, g.rSquared(), 1e-12);
        assertEquals(1e-200, g.slope(), 1e-212);
        LineFit tiny = LineFit.leastSquares(new double[] {0, 1e-200}, new double[] {0, 1e-200});
        assertEquals(1.0, tiny.slope(), 1e-12);
        // ordinary values keep the plain formula
        assertEquals(2.0, LineFit.leastSquares(new double[] {0, 1, 2}, new double[] {1, 3, 5}).slope());
    }

    @Test
    void airyKernelsReturnTheLimitOrRefuseInsteadOfNaN() {
        AiryKernel a = AiryKernel.of(1, 0);
        MemoryKernel d3 = a.derivative(3).orElseThrow();
        assertEquals(0.0, d3.value(1e200));
        assertEquals(0.0, a.derivative(50).orElseThrow().value(1e10));
        assertEquals(0.0, AiryKernel.of(1e300, 0).value(1e300));
        rejects(() -> AiryKernel.of(1e3, 1e300), "Airy kernel s0·t0", "<= " + AiryKernel.MAX_OSCILLATION_ARGUMENT);
        rejects(() -> AiryKernel.of(1e200, 0).derivative(10), "s0^10", "overflows");
    }

    @Test
    void kernelsRejectNegativeAndNaNLags() {
        MemoryKernel[] kernels = {Kernels.exponential(1), Kernels.powerLaw(1), Kernels.airy(1, 2),
            Kernels.delayedBump(2, 1), Kernels.dampedCosine(), Kernels.fromLambda("e^-t", t -> Math.exp(-t))};
        for (MemoryKernel k : kernels) {
            rejects(() -> k.value(-1), "kernel time t=-1.0", ">= 0");
            rejects(() -> k.value(Double.NaN), "kernel time t=NaN");
            rejects(() -> k.value(Double.POSITIVE_INFINITY), "kernel time t=Infinity");
        }
    }

    @Test
    void nullArgumentsGiveClearMessages() {
        rejects(() -> DivergenceCriterion.standard().check(0, 1, 1, 1, null), "parameters theta must not be null");
        PlateauSweep sweep = PlateauSweep.of(GradientDescent.of(0.1), v -> null).withValues(1).withSeeds(1)
                .withParameterName("t0");
        rejects(sweep::run, "problem factory returned null for t0=1.0");
    }

    @Test
    void whiteNoiseRejectsHugeLengths() {
        rejects(() -> WhiteNoise.sample(Integer.MAX_VALUE, 1, 0.1, new Random(1)), "steps K=2147483647",
                "MAX_VALUES=" + WhiteNoise.MAX_VALUES);
        rejects(() -> WhiteNoise.sample(100_000, 100_000, 0.1, new Random(1)), "input dimension d=100000");
    }

    @Test
    void relativelyNearZeroAsksForAnAbsoluteTolerance() {
        rejects(() -> Check.relativelyNear("loss", 0.1, 0, 0.05), "expected=0", "absolute tolerance");
    }

    @Test
    void hugeDerivativeOrdersAreRefusedAtOnce() {
        int max = MemoryKernel.MAX_DERIVATIVE_ORDER;
        rejects(() -> Kernels.powerLaw(1).derivative(Integer.MAX_VALUE), "derivative order=2147483647", "<= " + max);
        rejects(() -> Kernels.airy(1, 2).derivative(Integer.MAX_VALUE), "derivative order=2147483647");
        rejects(() -> Kernels.delayedBump(2, 1).derivative(1_000_000), "derivative order=1000000");
        rejects(() -> Kernels.exponential(1).derivative(Integer.MAX_VALUE), "derivative order=2147483647");
        rejects(() -> Kernels.exponential(1e10).derivative(max), "overflow");
        assertTimeoutPreemptively(FAST, () -> {
            Kernels.airy(1, 2).derivative(max).orElseThrow().value(1);
            Kernels.delayedBump(2, 1).derivative(max).orElseThrow().value(2.5);
            Kernels.powerLaw(1).derivative(max).orElseThrow().value(1);
        });
    }

    @Test
    void perturbationErrorAtItsDocumentedMaximumFinishesInSeconds() {
        var fit = FreeRateApproximation.ofWidth(2).approximate(Kernels.exponential(1));
        rejects(() -> PerturbationError.of(fit).withDraws(PerturbationError.MAX_DRAWS + 1), "number of draws n=");
        rejects(() -> PerturbationError.of(fit).withLogRadii(1e-6, 1, 1_000_000), "number of radii points=1000000");
        rejects(() -> PerturbationError.of(fit).withDraws(PerturbationError.MAX_DRAWS).withLogRadii(1e-6, 1, 50).compute(),
                "MAX_EVALUATIONS");
        int radii = PerturbationError.MAX_EVALUATIONS / PerturbationError.MAX_DRAWS;
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> PerturbationError.of(fit)
                .withDraws(PerturbationError.MAX_DRAWS).withLogRadii(1e-6, 1, radii - 1).compute());
    }

    @Test
    void quadratureHelpersNameTheirBadArguments() {
        rejects(() -> Composite.simpson(Integer.MAX_VALUE, 0.1, i -> 1), "number of intervals n=2147483647",
                "<= " + Composite.MAX_INTERVALS);
        rejects(() -> Composite.simpson(0, 0.1, i -> 1), "number of intervals n=0", ">= 1");
        rejects(() -> Composite.simpson(2, Double.NaN, i -> 1), "interval width h=NaN");
        rejects(() -> Composite.simpson(1000, Double.MAX_VALUE, i -> 1), "n·h=");
        assertEquals(2.0, Composite.simpson(4, 0.5, i -> 1), 1e-15);
        rejects(() -> ChebyshevGauss.weight(Double.NaN), "Chebyshev node x=NaN", "[-1.0, 1.0]");
        rejects(() -> ChebyshevGauss.nodes(Integer.MAX_VALUE), "number of nodes n=2147483647");
        rejects(() -> Roots.illinois(t -> t, Double.NaN, -1, 1, 1), "bracket end lo=NaN");
        rejects(() -> Roots.illinois(t -> t, 1, 1, 2, 2), "fLo=1.0", "fHi=2.0", "opposite signs");
        rejects(() -> Roots.bisect(t -> t, 2, 1, 1), "lo=2.0 must be <= hi=1.0");
        assertEquals(0.25, Roots.illinois(t -> t - 0.25, 0, -0.25, 1, 0.75), 1e-15);
        assertEquals(Double.MAX_VALUE, Roots.bisect(t -> -1, 1, -1, Double.MAX_VALUE), Double.MAX_VALUE * 1e-15);
    }

    @Test
    void matrixHelpersRefuseHugeSizesAndNameTheOverflow() {
        rejects(() -> Matrices.identity(Integer.MAX_VALUE), "matrix size n=2147483647", "<= " + Matrices.MAX_SIZE);
        rejects(() -> Matrices.multiply(new double[4], new double[3], 2, new double[4]), "matrix b has length 3",
                "n·n=4");
        rejects(() -> MatrixExponential.padeCoefficients(-1), "Padé degree q=-1");
        rejects(() -> MatrixExponential.padeCoefficients(Integer.MAX_VALUE), "Padé degree q=2147483647");
        rejects(() -> MatrixExponential.exp(new double[][] {{1e300}}), "overflowed", "‖A‖₁=1.0E300");
        rejects(() -> MatrixExponential.exp(Matrices.fromRows("A", new double[][] {{1}}), 1e300), "time t=1.0E300");
        rejects(() -> MatrixExponential.exp(new double[4], 2, null), "output out must not be null");
    }

    @Test
    void lorenz96RefusesRunawayStepsAndHugeCounts() {
        Lorenz96 l96 = Lorenz96.of(5, 8);
        double[] x0 = l96.randomState(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l96.step(x0, 1e300));
        assertTrue(e.getMessage().contains("h=1.0E300"), e.getMessage());
        rejects(() -> l96.advance(x0, 1e-300, Integer.MAX_VALUE), "number of steps=2147483647",
                "MAX_SITE_STEPS=" + Lorenz96.MAX_SITE_STEPS);
        rejects(() -> l96.trajectory(x0, 0.01, Integer.MAX_VALUE), "number of steps=2147483647");
        rejects(() -> l96.trajectory(x0, 0.01, 10_000_000), "MAX_TRAJECTORY_VALUES");
        assertEquals(11, l96.trajectory(x0, 0.01, 10).length);
    }

    @Test
    void generatedDatasetsAreCappedAndTheirMaximaFinishInSeconds() {
        TargetFunctional kernel = TargetFunctional.ofKernel(Kernels.exponential(1), 0.1);
        rejects(() -> SequenceDataset.whiteNoise(kernel, Integer.MAX_VALUE, 1, 1), "n=2147483647",
                "MAX_VALUES=" + SequenceDataset.MAX_VALUES);
        rejects(() -> SequenceDataset.whiteNoise(kernel, 10, 100_000, 1), "K=100000", "MAX_TARGET_WORK");
        rejects(() -> SequenceDataset.of(new double[0][], new double[0][], 1, 0.1), "inputs must hold at least 1");
        Lorenz96 l96 = Lorenz96.of(40, 8);
        rejects(() -> Lorenz96Data.of(l96, kernel, Lorenz96Data.MAX_SEQUENCES, 10, 1), "n=100000",
                "MAX_SITE_STEPS=" + Lorenz96Data.MAX_SITE_STEPS);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(1, SequenceDataset.whiteNoise(kernel, 1, TargetFunctional.MAX_KERNEL_STEPS, 1).size());
            l96.advance(l96.randomState(1), 0.01, (int) (Lorenz96.MAX_SITE_STEPS / l96.dimension()));
        });
    }

    @Test
    void trainingMonitorAndSweepMessagesAreClear() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of()).finish());
        assertTrue(e.getMessage().contains("must not be called before the run stopped"), e.getMessage());
        TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
        m.observe(0, 0, 1, 1, new double[] {1});
        rejects(() -> m.observe(1, 1, 1, 1, new double[] {1, 2}), "parameters theta has length 2", "length 1");
        TrainingMonitor nan = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
        assertTrue(nan.observe(0, 0, Double.NaN, 1, new double[] {1}));
        assertEquals(0, nan.finish().historySize());
        rejects(() -> Sweep.run(List.of(1), new long[] {1}, (p, seed) -> p, Integer.MAX_VALUE),
                "sweep threads=2147483647", "<= " + Sweep.MAX_THREADS);
    }
}
