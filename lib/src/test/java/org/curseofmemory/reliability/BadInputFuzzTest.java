package org.curseofmemory.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.curseofmemory.approx.Approximant;
import org.curseofmemory.approx.ApproximationMethod;
import org.curseofmemory.approx.FitNorm;
import org.curseofmemory.approx.PerturbationErrorResult;
import org.curseofmemory.kernel.KernelTables;
import org.curseofmemory.kernel.PowerLawKernel;
import org.curseofmemory.kernel.ShiftedChebyshev;
import org.curseofmemory.kernel.VectorKernel;
import org.curseofmemory.kernel.VectorMemoryKernel;
import org.curseofmemory.optim.AbstractTrainer;
import org.curseofmemory.optim.BatchLoss;
import org.curseofmemory.optim.Divergence;
import org.curseofmemory.optim.LossFunction;
import org.curseofmemory.optim.LossRecorder;
import org.curseofmemory.optim.OptimizationProblem;
import org.curseofmemory.optim.Trainer;
import org.curseofmemory.optim.TrainingListener;
import org.curseofmemory.experiment.Plateau;
import org.curseofmemory.rnn.Functional;
import org.curseofmemory.rnn.KernelMethod;
import org.curseofmemory.rnn.RnnKernel;
import org.curseofmemory.rnn.RnnVectorKernel;
import org.curseofmemory.rnn.Trajectory;
import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.train.ParametricModel;
import org.curseofmemory.train.sequence.Activation;
import org.curseofmemory.train.sequence.Discretisation;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.approx.FreeRateApproximation;
import org.curseofmemory.approx.JacksonApproximation;
import org.curseofmemory.approx.PerturbationError;
import org.curseofmemory.check.Check;
import org.curseofmemory.check.CheckFailure;
import org.curseofmemory.check.Exercise;
import org.curseofmemory.display.KernelDisplay;
import org.curseofmemory.experiment.PlateauSweep;
import org.curseofmemory.experiment.Sweep;
import org.curseofmemory.linalg.MatrixExponential;
import org.curseofmemory.linalg.Matrices;
import org.curseofmemory.optim.Progress;
import org.curseofmemory.optim.ProgressListener;
import org.curseofmemory.optim.StopReason;
import org.curseofmemory.optim.TrainingMonitor;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.plot.Chart;
import org.curseofmemory.plot.PlotlyJson;
import org.curseofmemory.plot.TableHtml;
import org.curseofmemory.quad.AdaptiveQuadrature;
import org.curseofmemory.quad.ChebyshevGauss;
import org.curseofmemory.quad.Composite;
import org.curseofmemory.quad.HalfLineQuadrature;
import org.curseofmemory.quad.Roots;
import org.curseofmemory.signal.Lorenz96;
import org.curseofmemory.train.sequence.DataLoss;
import org.curseofmemory.train.sequence.KernelPicture;
import org.curseofmemory.train.sequence.Lorenz96Data;
import org.curseofmemory.train.sequence.SequenceDataset;
import org.curseofmemory.train.sequence.SequenceProblem;
import org.curseofmemory.train.sequence.TargetFunctional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.curseofmemory.experiment.LineFit;
import org.curseofmemory.experiment.PlateauDetector;
import org.curseofmemory.kernel.Airy;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.Norms;
import org.curseofmemory.optim.Adam;
import org.curseofmemory.optim.DivergenceCriterion;
import org.curseofmemory.optim.GradientDescent;
import org.curseofmemory.optim.GradientFlow;
import org.curseofmemory.optim.StoppingCriteria;
import org.curseofmemory.quad.GaussLegendre;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.rnn.LinearFunctional;
import org.curseofmemory.rnn.LinearRnn;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.rnn.RnnSimulator;
import org.curseofmemory.signal.Signals;
import org.curseofmemory.testing.KitTest;
import org.curseofmemory.train.ComplexModesModel;
import org.curseofmemory.train.KernelModel;
import org.curseofmemory.train.LinearRnnModel;
import org.curseofmemory.train.RealModesModel;
import org.curseofmemory.train.TrainingProblem;
import org.curseofmemory.train.sequence.DiscreteRnn;
import org.curseofmemory.train.sequence.WhiteNoise;
import org.curseofmemory.util.DoubleArrays;
import org.curseofmemory.util.Validate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad-input fuzzing of the public API (issue 12). Every public factory and method below is driven
 * with NaN, ±∞, 0, −0, negatives, huge and tiny values, {@code Integer.MAX_VALUE} sizes,
 * null/empty/mismatched arrays and non-Hurwitz matrices, all combinations of a small fixed pool of
 * such values (deterministic, so a failure reproduces). Each case must, within a per-case timeout,
 * either return a finite, valid result or throw {@link IllegalArgumentException} (or, where
 * documented, {@link IllegalStateException} / {@link CheckFailure}) whose message names the
 * parameter and what was wrong. Anything else (NullPointerException, array index, negative array
 * size, arithmetic overflow, OutOfMemoryError, a non-finite result, a hang) fails. Output is caught
 * by {@link KitTest}.
 *
 * <p>Plain JUnit Jupiter rather than jqwik: the pools are small and exhaustive (every combination,
 * no shrinking needed), the suite inherits {@link KitTest}'s Jupiter lifecycle (which jqwik's own
 * engine would not run), and it needs no extra dependency to fetch, so {@code ./kit test} keeps
 * working offline. The cases run per class are written to {@code target/fuzz-case-counts.txt}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BadInputFuzzTest extends KitTest {
    /** A case that has not finished by then hangs. Generous: the largest valid cases (1000 x 1000
     *  samples) took over 5 s on a slow two-core host while the notebook tests ran beside them. */
    private static final Duration PER_CASE = Duration.ofSeconds(30);
    private static final Map<String, Integer> COUNTS = new TreeMap<>();

    /** A message names a parameter and says what was wrong: "x=NaN must…", "W must not be null", "has length…". */
    private static final Pattern CLEAR = Pattern.compile(".*[A-Za-z].*(=|must|null|length|empty|more than|overflow|not|no ).*",
            Pattern.DOTALL);

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;
    static final double[] DOUBLES = {NAN, INF, -INF, 0, -0.0, -1, -1e300, 1e300, Double.MAX_VALUE, Double.MIN_VALUE,
        1e-300, 0.5, 1, 3};
    static final int[] INTS = {Integer.MIN_VALUE, -1, 0, 1, 2, 1000, 100_000_000, Integer.MAX_VALUE};
    static final double[][] ARRAYS = {null, {}, {NAN}, {1, NAN}, {INF, 1}, {-1, -2}, {0}, {0.5}, {1, 2, 3},
        {1e308, -1e308}, {3, 2, 1}};
    static final double[][][] MATRICES = {null, {}, {{1}}, {{-1}}, {{NAN}}, {{-1, 0}}, {{-1, 0}, {0, 2}},
        {{0, 1}, {-1, 0}}, {{-1e300}}, {null}};

    private final List<String> failures = new ArrayList<>();

    // The cases of a test run one after another on one thread of their own, so that a hang is cut off
    // after PER_CASE. (JUnit's assertTimeoutPreemptively starts a thread per call: about 0.13 ms a case,
    // 2 s of the library tests for the 16,000 cases.) A case that hangs keeps its thread; the next
    // case gets a new one.
    private ExecutorService prober = newProber();
    private Duration perCase = PER_CASE;

    private static ExecutorService newProber() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterEach
    void stopProber() {
        prober.shutdownNow();
    }

    private <T> T withinTimeout(String where, Callable<T> call) throws Throwable {
        Future<T> result = prober.submit(call);
        try {
            return result.get(perCase.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hung) {
            result.cancel(true);
            prober.shutdownNow();
            prober = newProber();
            throw new org.opentest4j.AssertionFailedError(where + " did not finish in " + perCase);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @AfterAll
    static void writeCounts() throws IOException {
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (var e : COUNTS.entrySet()) {
            sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
            total += e.getValue();
        }
        sb.append("TOTAL\t").append(total).append('\n');
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("fuzz-case-counts.txt"), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Runs one case of class {@code cls}; records a failure instead of stopping. */
    private void probe(String cls, String label, Callable<?> call) {
        probe(cls, label, call, false);
    }

    /**
     * Like {@link #probe(String, String, Callable)}, for calls whose documented answer to finite but
     * huge input may be ±∞ (a loss that overflows, "no limit") or an ArithmeticException naming the overflow.
     */
    private void probeOverflowOk(String cls, String label, Callable<?> call) {
        probe(cls, label, call, true);
    }

    private void probe(String cls, String label, Callable<?> call, boolean overflowOk) {
        synchronized (COUNTS) {
            COUNTS.merge(cls, 1, Integer::sum);
        }
        String where = cls + ": " + label;
        Object result;
        try {
            result = withinTimeout(where, call);
        } catch (CheckFailure e) {
            return; // a grade or check that did not pass: the student-facing answer, not an error
        } catch (ArithmeticException e) {
            if (!overflowOk || e.getMessage() == null || !e.getMessage().contains("overflow")) {
                failures.add(where + " threw " + e);
            }
            return;
        } catch (IllegalArgumentException | IllegalStateException e) {
            String m = e.getMessage();
            if (m == null || !CLEAR.matcher(m).matches()) {
                failures.add(where + " threw " + e.getClass().getSimpleName() + " with an unclear message: " + m);
            }
            return;
        } catch (org.opentest4j.AssertionFailedError e) {
            failures.add(e.getMessage());
            return;
        } catch (Throwable e) {
            failures.add(where + " threw " + e);
            return;
        }
        String bad = invalid(result);
        if (bad != null && !(overflowOk && !bad.contains("NaN"))) {
            failures.add(where + " returned " + bad);
        }
    }

    /** null if the result is finite and valid, else a description. */
    private static String invalid(Object r) {
        if (r instanceof Double d && !Double.isFinite(d)) {
            return "the non-finite number " + d;
        }
        if (r instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    return "an array with entry [" + i + "]=" + a[i];
                }
            }
        }
        return null;
    }

    private void done() {
        assertTrue(failures.isEmpty(), failures.size() + " bad-input cases failed:\n" + String.join("\n",
                failures.subList(0, Math.min(40, failures.size()))));
    }

    private static String s(double[] a) {
        return a == null ? "null" : java.util.Arrays.toString(a);
    }

    private static String s(double[][] a) {
        return a == null ? "null" : java.util.Arrays.deepToString(a);
    }

    // ---------------------------------------------------------------- util

    @Test
    void validateAndDoubleArrays() {
        for (double v : DOUBLES) {
            probe("Validate", "finite " + v, () -> Validate.finite("x", v));
            probe("Validate", "positive " + v, () -> Validate.positive("x", v));
            probe("Validate", "kernelTime " + v, () -> Validate.kernelTime(v));
            for (double w : DOUBLES) {
                for (int n : INTS) {
                    probe("DoubleArrays", "linear " + v + "," + w + "," + n, () -> DoubleArrays.linear(v, w, n));
                    probe("DoubleArrays", "logarithmic " + v + "," + w + "," + n, () -> DoubleArrays.logarithmic(v, w, n));
                    probe("DoubleArrays", "powersOfTen " + v + "," + w + "," + n, () -> DoubleArrays.powersOfTen(v, w, n));
                }
            }
            for (int n : INTS) {
                probe("DoubleArrays", "uniform " + v + "," + n, () -> DoubleArrays.uniform(v, n));
            }
        }
        for (double[] a : ARRAYS) {
            // map applies f entry by entry (NaN in, NaN out): only its argument checks are fuzzed
            probe("DoubleArrays", "map " + s(a), () -> DoubleArrays.map(a, x -> 2 * x).length);
            probe("Validate", "finiteArray " + s(a), () -> Validate.finiteArray("a", a, 1));
        }
        done();
    }

    // ---------------------------------------------------------------- quad

    @Test
    void gridsAndQuadrature() {
        for (double tMax : DOUBLES) {
            for (double dt : DOUBLES) {
                probe("Grid", "uniform " + tMax + "," + dt, () -> Grid.uniform(tMax, dt).size());
            }
        }
        Grid g = Grid.uniform(2, 0.5);
        for (int i : INTS) {
            probe("Grid", "node " + i, () -> g.node(i));
            probe("Grid", "weight " + i, () -> g.weight(i));
            probe("GaussLegendre", "node " + i, () -> GaussLegendre.SIX.node(i));
        }
        for (double[] a : ARRAYS) {
            probe("Grid", "integrate " + s(a), () -> g.integrate(a));
            probe("Grid", "gaussLegendre " + s(a), () -> Grid.gaussLegendre(a, GaussLegendre.SIX).size());
            for (double[] b : ARRAYS) {
                probe("Grid", "of " + s(a) + "," + s(b), () -> Grid.of(a, b).size());
            }
        }
        probe("Grid", "sample null", () -> g.sample(null));
        for (double a : DOUBLES) {
            for (double b : DOUBLES) {
                probe("GaussLegendre", "integrate " + a + "," + b, () -> GaussLegendre.SIX.integrate(x -> 1 / (1 + x * x), a, b));
            }
        }
        done();
    }

    // ---------------------------------------------------------------- kernel

    @Test
    void kernelFactoriesValuesAndDerivatives() {
        for (double a : DOUBLES) {
            probe("Kernels", "exponential " + a, () -> Kernels.exponential(a).value(1));
            probe("Kernels", "powerLaw " + a, () -> Kernels.powerLaw(a).value(1));
            probe("Airy", "ai " + a, () -> Airy.ai(a));
            probe("Airy", "both " + a, () -> Airy.both(a));
            for (double b : DOUBLES) {
                probe("Kernels", "exponential " + a + "," + b, () -> Kernels.exponential(a, b).value(0.5));
                probe("Kernels", "powerLaw " + a + "," + b, () -> Kernels.powerLaw(a, b).value(0.5));
                probe("AiryKernel", "airy " + a + "," + b, () -> Kernels.airy(a, b).value(0.5));
                probe("BumpKernel", "delayedBump " + a + "," + b, () -> Kernels.delayedBump(a, b).value(0.5));
                probe("ExpSumKernel", "dampedCosine " + a + "," + b, () -> Kernels.dampedCosine(a, b).value(0.5));
            }
        }
        for (double[] a : ARRAYS) {
            for (double[] b : ARRAYS) {
                probe("ExpSumKernel", "exponentialSum " + s(a) + "," + s(b), () -> Kernels.exponentialSum(a, b).value(1));
            }
        }
        MemoryKernel[] kernels = {Kernels.exponential(1), Kernels.powerLaw(1), Kernels.airy(1, 2), Kernels.delayedBump(2, 1),
            Kernels.dampedCosine(), Kernels.fromLambda("e^-t", t -> Math.exp(-t)),
            Kernels.sum(Kernels.exponential(1), Kernels.powerLaw(0.5))};
        for (MemoryKernel k : kernels) {
            for (double t : DOUBLES) {
                probe("MemoryKernel", k.name() + " value " + t, () -> k.value(t));
                probe("MemoryKernel", k.name() + " tailL1 " + t, () -> k.tailL1(t).orElse(0));
                probe("Norms", k.name() + " l1 " + t, () -> Norms.l1(k, t));
                probe("Kernels", "finiteDifferenceDerivative h=" + t, () -> Kernels.finiteDifferenceDerivative(k, t).value(1));
            }
            for (int n : INTS) {
                probe("MemoryKernel", k.name() + " derivative " + n,
                        () -> k.derivative(n).map(d -> d.value(1.5)).orElse(0.0));
            }
        }
        probe("Kernels", "fromLambda null", () -> Kernels.fromLambda("x", null));
        probe("Kernels", "fromLambda blank", () -> Kernels.fromLambda(" ", t -> t));
        probe("Kernels", "sum null", () -> Kernels.sum(null));
        probe("Norms", "l1 null", () -> Norms.l1((MemoryKernel) null));
        done();
    }

    // ---------------------------------------------------------------- rnn, signal

    @Test
    void rnnsSignalsAndFunctionals() {
        for (double[][] w : MATRICES) {
            for (double[][] u : MATRICES) {
                for (double[] c : ARRAYS) {
                    probe("LinearRnn", "of " + s(w) + "," + s(u) + "," + s(c), () -> LinearRnn.of(w, u, c).width());
                }
            }
        }
        for (double[] a : ARRAYS) {
            for (double[] b : ARRAYS) {
                probe("LinearRnn", "diagonal " + s(a) + "," + s(b), () -> LinearRnn.diagonal(a, b).width());
            }
        }
        LinearRnn stable = LinearRnn.diagonal(new double[] {1, 2}, new double[] {1, -1});
        for (double dt : DOUBLES) {
            probe("RnnSimulator", "zeroOrderHold " + dt, () -> RnnSimulator.zeroOrderHold(dt).step());
            probe("RnnSimulator", "rk4 " + dt, () -> RnnSimulator.rk4(dt).step());
            for (double tEnd : DOUBLES) {
                probe("RnnSimulator", "simulate stable dt=" + dt + " T=" + tEnd,
                        () -> RnnSimulator.zeroOrderHold(dt).simulate(stable, Signals.step(), tEnd));
                probe("RnnSimulator", "simulate non-Hurwitz T=" + tEnd, () -> RnnSimulator.rk4(0.1)
                        .simulate(LinearRnn.of(new double[][] {{0.5}}, new double[][] {{1}}, new double[] {1}), Signals.step(), tEnd));
            }
            probe("Signals", "pulse " + dt, () -> Signals.pulse(dt, 1, 1).value(0.5));
            probe("Signals", "sine " + dt, () -> Signals.sine(dt, 0).value(0.5));
            probe("Signals", "exponential " + dt, () -> Signals.exponential(dt).value(0.5));
            probe("Signals", "whiteNoise " + dt, () -> Signals.whiteNoise(dt, 1).value(0.5));
            probe("Signals", "smoothRandom " + dt, () -> Signals.smoothRandom(dt, 1).value(0.5));
            for (double[] v : ARRAYS) {
                probe("Signals", "piecewiseConstant " + dt + "," + s(v), () -> Signals.piecewiseConstant(dt, v).value(0.5));
            }
            probe("LinearFunctional", "withQuadratureStep " + dt,
                    () -> LinearFunctional.of(Kernels.exponential(1)).withQuadratureStep(dt).apply(Signals.step(), 1.0));
            probe("LinearFunctional", "withHorizon " + dt,
                    () -> LinearFunctional.of(Kernels.exponential(1)).withHorizon(dt).apply(Signals.step(), 1.0));
            probe("LinearFunctional", "apply at t=" + dt, () -> LinearFunctional.of(stable).apply(Signals.step(), dt));
        }
        for (int n : INTS) {
            probe("Signals", "zero " + n, () -> Signals.zero(n).dimension());
            probe("Signals", "step i=" + n, () -> Signals.step(n, 2).dimension());
        }
        probe("LinearFunctional", "of null kernel", () -> LinearFunctional.of((MemoryKernel) null));
        probe("LinearFunctional", "apply null signal", () -> LinearFunctional.of(stable).apply(null, 1.0));
        for (double[] times : ARRAYS) {
            probe("LinearFunctional", "apply times " + s(times), () -> LinearFunctional.of(stable).apply(Signals.step(), times));
        }
        for (double a : DOUBLES) {
            for (double b : DOUBLES) {
                probe("Reparameterization", "inverseQuadratic " + a + "," + b,
                        () -> Reparameterization.inverseQuadratic(a, b).toString());
            }
        }
        done();
    }

    // ---------------------------------------------------------------- train, optim

    @Test
    void modelsProblemsAndTrainers() {
        for (int m : INTS) {
            probe("LinearRnnModel", "of " + m, () -> LinearRnnModel.of(m).initialParameters(new Random(1)));
            probe("RealModesModel", "of " + m, () -> RealModesModel.of(m, Reparameterization.EXP).initialParameters(new Random(1)));
            probe("ComplexModesModel", "of " + m,
                    () -> ComplexModesModel.of(m, Reparameterization.EXP).initialParameters(new Random(1)));
            probe("DiscreteRnn", "linear " + m, () -> DiscreteRnn.linear(m, 0.1).initialParameters(new Random(1)));
            probe("DiscreteRnn", "tanh " + m, () -> DiscreteRnn.tanh(m, 0.1).parameterCount());
            probe("DiscreteRnn", "withInputDimension " + m, () -> DiscreteRnn.linear(2, 0.1).withInputDimension(m).parameterCount());
            probe("DiscreteRnn", "impulseResponse " + m, () -> {
                DiscreteRnn r = DiscreteRnn.linear(2, 0.1);
                return r.impulseResponse(r.initialParameters(new Random(1)), m);
            });
            for (int d : INTS) {
                probe("WhiteNoise", "sample " + m + "," + d, () -> WhiteNoise.sample(m, d, 0.1, new Random(1)));
            }
            probe("StoppingCriteria", "withMaxSteps " + m, () -> StoppingCriteria.defaults().withMaxSteps(m).maxSteps());
            probe("FreeRateApproximation", "ofWidth " + m, () -> FreeRateApproximation.ofWidth(m).width());
            probe("JacksonApproximation", "ofWidth " + m, () -> JacksonApproximation.ofWidth(m).width());
            probe("PerturbationError", "withDraws " + m,
                    () -> PerturbationError.of(Approximant.of(Kernels.exponential(1), new double[] {1}, new double[] {1}))
                            .withDraws(m).withRadii(0, 1e-3).compute());
        }
        KernelModel[] models = {LinearRnnModel.of(2), RealModesModel.of(2, Reparameterization.EXP),
            ComplexModesModel.of(1, Reparameterization.SOFTPLUS)};
        Grid grid = Grid.uniform(4, 0.1);
        for (KernelModel model : models) {
            TrainingProblem p = TrainingProblem.of(model, grid, Kernels.exponential(1), 1);
            for (double[] theta : ARRAYS) {
                probe("TrainingProblem", model.name() + " loss " + s(theta), () -> p.loss(theta));
                probe("TrainingProblem", model.name() + " gradient " + s(theta), () -> p.gradient(theta));
                probe("TrainingProblem", model.name() + " withInitialParameters " + s(theta),
                        () -> p.withInitialParameters(theta).initialParameters());
                probe("KernelModel", model.name() + " lossAndGradient " + s(theta),
                        () -> model.lossAndGradient(theta, grid, p.target(), null));
                probe("KernelModel", model.name() + " kernel " + s(theta), () -> model.kernel(theta, grid.nodes()));
            }
            double[] theta0 = p.initialParameters();
            for (double v : DOUBLES) {
                double[] bad = theta0.clone();
                bad[0] = v;
                probeOverflowOk("TrainingProblem", model.name() + " gradient theta[0]=" + v, () -> p.gradient(bad));
                probeOverflowOk("KernelModel", model.name() + " lossAndGradient theta[0]=" + v,
                        () -> model.lossAndGradient(bad, grid, p.target(), new double[bad.length]));
            }
            probe("TrainingProblem", model.name() + " null grid", () -> TrainingProblem.of(model, null, Kernels.exponential(1), 1));
            probe("TrainingProblem", model.name() + " null target", () -> TrainingProblem.of(model, grid, null, 1));
        }
        TrainingProblem small = TrainingProblem.of(RealModesModel.of(2, Reparameterization.EXP), Grid.uniform(4, 0.1),
                Kernels.exponential(1), 1);
        for (double v : DOUBLES) {
            probe("GradientDescent", "of " + v, () -> GradientDescent.of(v)
                    .withStoppingCriteria(StoppingCriteria.defaults().withMaxSteps(50)).train(small).finalLoss());
            probe("Adam", "of " + v, () -> Adam.of(v).withStoppingCriteria(StoppingCriteria.defaults().withMaxSteps(50))
                    .train(small).finalLoss());
            probe("Adam", "withEpsilon " + v, () -> Adam.of(0.01).withEpsilon(v).epsilon());
            for (double w : DOUBLES) {
                probe("Adam", "withBetas " + v + "," + w, () -> Adam.of(0.01).withBetas(v, w).beta1());
                probe("GradientFlow", "withTolerances " + v + "," + w, () -> GradientFlow.create().withTolerances(v, w)
                        .relativeTolerance());
            }
            probe("GradientFlow", "withMaxTime " + v, () -> GradientFlow.create().withMaxTime(v)
                    .withStoppingCriteria(StoppingCriteria.defaults().withMaxSteps(50)).train(small).finalLoss());
            probe("GradientFlow", "withInitialStep " + v, () -> GradientFlow.create().withInitialStep(v).relativeTolerance());
            probeOverflowOk("StoppingCriteria", "withMaxTime " + v, () -> StoppingCriteria.defaults().withMaxTime(v).maxTime());
            probe("StoppingCriteria", "withTargetRelativeLoss " + v,
                    () -> StoppingCriteria.defaults().withTargetRelativeLoss(v).targetRelativeLoss());
            probe("StoppingCriteria", "withDivergenceFactor " + v, () -> StoppingCriteria.defaults().withDivergenceFactor(v));
            probe("DivergenceCriterion", "withFactor " + v, () -> DivergenceCriterion.withFactor(v).factor());
            probe("DivergenceCriterion", "check loss " + v,
                    () -> DivergenceCriterion.standard().check(1, v, 1, 1, new double[] {1}).isPresent());
        }
        probe("DivergenceCriterion", "check null theta", () -> DivergenceCriterion.standard().check(1, 1, 1, 1, null));
        probe("GradientDescent", "train null", () -> GradientDescent.of(0.1).train(null));
        done();
    }

    // ---------------------------------------------------------------- approx, experiment, check

    @Test
    void approximationExperimentsAndChecks() {
        for (double[] a : ARRAYS) {
            for (double[] b : ARRAYS) {
                probe("Approximant", "of " + s(a) + "," + s(b), () -> Approximant.of(Kernels.exponential(1), a, b).width());
                probe("LineFit", "leastSquares " + s(a) + "," + s(b), () -> LineFit.leastSquares(a, b).rSquared());
                probe("PlateauDetector", "detect " + s(a) + "," + s(b), () -> PlateauDetector.create().detect(a, b).size());
                probe("Exercise", "grade " + s(a) + "," + s(b), () -> {
                    Check.reportTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                    try {
                        Exercise.titled("fuzz").grade(a, b, 0.1);
                    } finally {
                        Check.reportTo(System.out);
                    }
                    return 0.0;
                });
            }
        }
        for (double v : DOUBLES) {
            probe("PlateauDetector", "withWindow " + v, () -> PlateauDetector.create().withWindow(v));
            probe("PlateauDetector", "withThreshold " + v, () -> PlateauDetector.create().withThreshold(v));
            probe("JacksonApproximation", "withBeta " + v, () -> JacksonApproximation.ofWidth(4).withBeta(v).beta().orElse(1));
            probe("PerturbationError", "withRadii " + v, () -> PerturbationError.of(
                    Approximant.of(Kernels.exponential(1), new double[] {1}, new double[] {1})).withRadii(v).compute());
            for (double w : DOUBLES) {
                probe("FreeRateApproximation", "withRateRange " + v + "," + w,
                        () -> FreeRateApproximation.ofWidth(3).withRateRange(v, w).width());
                probe("Check", "near " + v + "," + w, () -> {
                    Check.reportTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                    try {
                        Check.near("fuzz", v, w, 0.1);
                        Check.relativelyNear("fuzz", v, w, 0.1);
                    } finally {
                        Check.reportTo(System.out);
                    }
                    return 0.0;
                });
            }
        }
        probe("FreeRateApproximation", "approximate null", () -> FreeRateApproximation.ofWidth(2).approximate(null));
        probe("JacksonApproximation", "approximate powerLaw", () -> JacksonApproximation.ofWidth(2).approximate(Kernels.powerLaw(1))
                .width());
        done();
    }

    // ---------------------------------------------------------------- plot, display

    @Test
    void chartsTablesAndDisplay() {
        for (double[] x : ARRAYS) {
            for (double[] y : ARRAYS) {
                probe("Chart", "line " + s(x) + "," + s(y), () -> Chart.titled("fuzz").line("a", x, y).figure() != null);
                probe("Chart", "points " + s(x) + "," + s(y), () -> Chart.titled("fuzz").points("a", x, y).figure() != null);
            }
        }
        for (int w : INTS) {
            for (int h : INTS) {
                probe("Chart", "size " + w + "," + h, () -> Chart.titled("fuzz").size(w, h).toString());
            }
            probe("TableHtml", "of maxRows=" + w, () -> TableHtml.of(Table.create("t", DoubleColumn.create("x", 1, 2)), w));
        }
        probe("Chart", "titled null", () -> Chart.titled(null).toString());
        probe("Chart", "line null name", () -> Chart.titled("t").line(null, new double[] {1}, new double[] {1}).toString());
        probe("Chart", "xLabel null", () -> Chart.titled("t").xLabel(null).toString());
        probe("Chart", "logX on negative x", () -> Chart.titled("t").logX().line("a", new double[] {-1, 0}, new double[] {1, 2})
                .figure() != null);
        probe("Chart", "of null table", () -> Chart.of("t", null, "x", "y").toString());
        Table table = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 3, 4));
        probe("Chart", "of missing column", () -> Chart.of("t", table, "x", "nope").toString());
        probe("Chart", "of missing x column", () -> Chart.of("t", table, "nope", "y").toString());
        probe("Chart", "of no y columns", () -> Chart.of("t", table, "x").toString());
        probe("Chart", "of null y columns", () -> Chart.of("t", table, "x", (String[]) null).toString());
        probe("PlotlyJson", "toJson null", () -> PlotlyJson.toJson(null));
        probe("PlotlyJson", "toHtml null", () -> PlotlyJson.toHtml(null));
        probe("PlotlyJson", "toMap null", () -> PlotlyJson.toMap(null).size());
        probe("PlotlyJson", "summary null", () -> PlotlyJson.summary(null));
        probe("Chart", "figure with no series", () -> Chart.titled("empty").figure());
        probe("TableHtml", "of null", () -> TableHtml.of(null));
        probe("TableHtml", "of empty", () -> TableHtml.of(Table.create("empty")));
        probe("KernelDisplay", "register null", () -> KernelDisplay.register(null));
        probe("KernelDisplay", "register a string", () -> KernelDisplay.register("not a renderer"));
        probe("KernelDisplay", "register an object", () -> KernelDisplay.register(new Object()));
        probe("KernelDisplay", "install outside a kernel", () -> KernelDisplay.install().name());
        done();
    }

    // ---------------------------------------------------------------- linalg, quad

    @Test
    void matricesAndQuadratureHelpers() {
        for (double[][] m : MATRICES) {
            probe("Matrices", "fromRows " + s(m), () -> Matrices.fromRows("A", m).getNumRows());
            probe("MatrixExponential", "exp " + s(m), () -> MatrixExponential.exp(m));
            for (double t : DOUBLES) {
                probe("MatrixExponential", "exp " + s(m) + " t=" + t,
                        () -> Matrices.toRows(MatrixExponential.exp(Matrices.fromRows("A", m), t))[0]);
            }
        }
        probe("Matrices", "fromRows ragged", () -> Matrices.fromRows("A", new double[][] {{1, 2}, {3}}).getNumRows());
        probe("Matrices", "checkedCopy null", () -> Matrices.checkedCopy("A", null).getNumRows());
        probe("MatrixExponential", "exp null DMatrix", () -> MatrixExponential.exp((org.ejml.data.DMatrixRMaj) null));
        probe("MatrixExponential", "frechet null", () -> MatrixExponential.frechet(null, null));
        for (int n : INTS) {
            probe("Matrices", "identity " + n, () -> Matrices.identity(n));
            probe("MatrixExponential", "padeCoefficients " + n, () -> MatrixExponential.padeCoefficients(n));
            probe("ChebyshevGauss", "nodes " + n, () -> ChebyshevGauss.nodes(n));
            for (double h : DOUBLES) {
                probe("Composite", "simpson " + n + "," + h, () -> Composite.simpson(n, h, i -> 1.0));
            }
        }
        for (double x : DOUBLES) {
            probe("ChebyshevGauss", "weight " + x, () -> ChebyshevGauss.weight(x));
            probeOverflowOk("AdaptiveQuadrature", "horizonFor " + x, () -> AdaptiveQuadrature.horizonFor(x));
            for (double tol : DOUBLES) {
                probe("AdaptiveQuadrature", "integrate horizon=" + x + " relTol=" + tol, () -> AdaptiveQuadrature
                        .integrate(t -> Math.exp(-t), AdaptiveQuadrature.Power.ABS, x, 0, tol, 1e-12).value());
            }
            for (double b : DOUBLES) {
                probe("Roots", "illinois " + x + "," + b, () -> Roots.illinois(t -> t - 0.25, x, x - 0.25, b, b - 0.25));
                probe("Roots", "bisect " + x + "," + b, () -> Roots.bisect(t -> t - 0.25, x, x - 0.25, b));
            }
        }
        probe("AdaptiveQuadrature", "integrate null g",
                () -> AdaptiveQuadrature.integrate(null, AdaptiveQuadrature.Power.ABS, 10, 0, 1e-6, 1e-12).value());
        probe("AdaptiveQuadrature", "integrate null breakpoints",
                () -> AdaptiveQuadrature.integrate(t -> 1, AdaptiveQuadrature.Power.ABS, 10, 0, 1e-6, 1e-12, null).value());
        probe("AdaptiveQuadrature", "powerLawTail null", () -> AdaptiveQuadrature.powerLawTail(null, 10));
        probe("HalfLineQuadrature", "integrate null", () -> HalfLineQuadrature.integrate(null, 100, 1e-6));
        for (double end : DOUBLES) {
            for (double tol : DOUBLES) {
                probe("HalfLineQuadrature", "integrate e^-t end=" + end + " relTol=" + tol,
                        () -> HalfLineQuadrature.integrate(new TestIntegrand(), end, tol).value());
            }
        }
        // integrands written outside the library, each wrong in one way
        for (int parts : INTS) {
            TestIntegrand p = new TestIntegrand();
            p.parts = parts;
            probe("HalfLineIntegrand", "parts()=" + parts, () -> HalfLineQuadrature.integrate(p, INF, 1e-8).value());
        }
        for (double[] breaks : ARRAYS) {
            TestIntegrand p = new TestIntegrand();
            p.breakpoints = breaks;
            probe("HalfLineIntegrand", "breakpoints()=" + s(breaks), () -> HalfLineQuadrature.integrate(p, INF, 1e-8).value());
        }
        for (double v : DOUBLES) {
            TestIntegrand p = new TestIntegrand();
            p.badValue = v;
            probe("HalfLineIntegrand", "g(t)=" + v + " on [1, 2]", () -> HalfLineQuadrature.integrate(p, INF, 1e-8).value());
            probe("HalfLineIntegrand", "g(t)=" + v + " on [1, 2], end 10", () -> HalfLineQuadrature.integrate(p, 10, 1e-8).value());
        }
        for (double[] tail : new double[][] {null, {}, {NAN, 1}, {2, 1}, {0, INF}, {-INF, 0}, {1}, {0, 0, 0}}) {
            TestIntegrand p = new TestIntegrand();
            p.tail = tail;
            p.tailSet = true;
            probe("HalfLineIntegrand", "tailInterval()=" + s(tail), () -> HalfLineQuadrature.integrate(p, INF, 1e-8).value());
        }
        probe("Roots", "illinois null f", () -> Roots.illinois(null, 0, -1, 1, 1));
        done();
    }

    // ---------------------------------------------------------------- signal.Lorenz96, train.sequence

    @Test
    void lorenzAndSequenceTraining() {
        for (int n : INTS) {
            for (double f : DOUBLES) {
                probe("Lorenz96", "of " + n + "," + f, () -> Lorenz96.of(n, f).fixedPoint());
            }
        }
        Lorenz96 l96 = Lorenz96.of(5, 8);
        for (double[] x : ARRAYS) {
            probe("Lorenz96", "derivative " + s(x), () -> l96.derivative(x));
            probe("Lorenz96", "energy " + s(x), () -> l96.energy(x));
            probe("Lorenz96", "energyRate " + s(x), () -> l96.energyRate(x));
        }
        double[] x0 = l96.randomState(1);
        for (double h : DOUBLES) {
            probe("Lorenz96", "step h=" + h, () -> l96.step(x0, h));
            for (int n : INTS) {
                probe("Lorenz96", "advance h=" + h + " steps=" + n, () -> l96.advance(x0, h, n));
                probe("Lorenz96", "trajectory h=" + h + " steps=" + n, () -> l96.trajectory(x0, h, n).length);
            }
        }
        for (double dt : DOUBLES) {
            probe("TargetFunctional", "ofKernel dt=" + dt, () -> TargetFunctional.ofKernel(Kernels.exponential(1), dt)
                    .outputs(new double[] {1, 0, 0}));
        }
        probe("TargetFunctional", "ofKernel null", () -> TargetFunctional.ofKernel(null, 0.1));
        DiscreteRnn rnn = DiscreteRnn.linear(2, 0.1);
        double[] theta = rnn.initialParameters(new Random(1));
        for (double[] th : ARRAYS) {
            probe("TargetFunctional", "ofRnn " + s(th), () -> TargetFunctional.ofRnn(rnn, th).outputs(new double[] {1, 0}));
        }
        probe("TargetFunctional", "ofRnn null model", () -> TargetFunctional.ofRnn(null, theta));
        TargetFunctional target = TargetFunctional.ofKernel(Kernels.exponential(1), 0.1);
        for (double[] in : ARRAYS) {
            probe("TargetFunctional", "outputs " + s(in), () -> target.outputs(in));
        }
        for (int m : INTS) {
            for (int k : INTS) {
                probe("SequenceDataset", "whiteNoise " + m + "," + k, () -> SequenceDataset.whiteNoise(target, m, k, 1).size());
                if (m <= 1000 && k <= 1000) {
                    probe("Lorenz96Data", "of " + m + "," + k,
                            () -> Lorenz96Data.of(l96, TargetFunctional.ofKernel(Kernels.exponential(1), 0.05), m, k, 1).size());
                } else {
                    probe("Lorenz96Data", "of " + m + "," + k, () -> Lorenz96Data.of(l96, target, m, k, 1).size());
                }
            }
        }
        probe("SequenceDataset", "whiteNoise null target", () -> SequenceDataset.whiteNoise(null, 2, 2, 1));
        probe("Lorenz96Data", "of null system", () -> Lorenz96Data.of(null, target, 2, 2, 1));
        probe("Lorenz96Data", "of null target", () -> Lorenz96Data.of(l96, null, 2, 2, 1));
        for (double[][] in : MATRICES) {
            for (double[][] out : MATRICES) {
                for (double dt : new double[] {NAN, -1, 0, 0.1}) {
                    probe("SequenceDataset", "of " + s(in) + "," + s(out) + " dt=" + dt,
                            () -> SequenceDataset.of(in, out, 1, dt).size());
                }
            }
        }
        for (int d : INTS) {
            probe("SequenceDataset", "of inputDimension=" + d,
                    () -> SequenceDataset.of(new double[][] {{1, 2}}, new double[][] {{1, 2}}, d, 0.1).size());
        }
        SequenceDataset data = SequenceDataset.whiteNoise(target, 3, 8, 1);
        for (int i : INTS) {
            probe("SequenceDataset", "input " + i, () -> data.input(i));
            probe("SequenceDataset", "target " + i, () -> data.target(i));
        }
        probe("DataLoss", "of null model", () -> DataLoss.of(null, data));
        probe("DataLoss", "of null data", () -> DataLoss.of(rnn, null));
        probe("DataLoss", "of mismatched input dimension", () -> DataLoss.of(rnn.withInputDimension(3), data));
        DataLoss loss = DataLoss.of(rnn, data);
        for (int w : INTS) {
            probe("DataLoss", "withWashout " + w, () -> loss.withWashout(w).referenceLoss());
        }
        for (double[] th : ARRAYS) {
            probe("DataLoss", "gradient " + s(th), () -> loss.gradient(th));
            probe("DataLoss", "relativeLoss " + s(th), () -> loss.relativeLoss(th));
            probe("DataLoss", "meanSquaredErrors " + s(th), () -> loss.meanSquaredErrors(th));
            probe("DataLoss", "valueAndGradient " + s(th), () -> loss.valueAndGradient(th, new double[loss.dimension()]));
            probe("KernelPicture", "expectedDataLoss " + s(th), () -> KernelPicture.expectedDataLoss(rnn, th, Kernels.exponential(1), 10));
            probe("KernelPicture", "kernelLoss " + s(th), () -> KernelPicture.kernelLoss(rnn, th, Kernels.exponential(1),
                    Grid.uniform(1, 0.1)));
        }
        int[][] batches = {null, {}, {-1}, {0, 1}, {Integer.MAX_VALUE}, {0, 0}};
        for (int[] b : batches) {
            probe("DataLoss", "valueAndGradient batch " + java.util.Arrays.toString(b),
                    () -> loss.valueAndGradient(theta, new double[loss.dimension()], b));
        }
        probe("DataLoss", "valueAndGradient null gradient", () -> loss.valueAndGradient(theta, null));
        probe("DataLoss", "valueAndGradient short gradient", () -> loss.valueAndGradient(theta, new double[1]));
        for (double v : DOUBLES) {
            double[] bad = theta.clone();
            bad[0] = v;
            probeOverflowOk("DataLoss", "gradient theta[0]=" + v, () -> loss.gradient(bad));
        }
        for (int lags : INTS) {
            probe("KernelPicture", "expectedDataLoss lags=" + lags,
                    () -> KernelPicture.expectedDataLoss(rnn, theta, Kernels.exponential(1), lags));
        }
        probe("KernelPicture", "expectedDataLoss null rho", () -> KernelPicture.expectedDataLoss(rnn, theta, null, 10));
        probe("KernelPicture", "kernelLoss null grid", () -> KernelPicture.kernelLoss(rnn, theta, Kernels.exponential(1), null));
        probe("SequenceProblem", "of null", () -> SequenceProblem.of(null, 1));
        SequenceProblem problem = SequenceProblem.of(loss, 1);
        probe("SequenceProblem", "initialParameters", () -> problem.initialParameters());
        probe("SequenceProblem", "referenceLoss", () -> problem.referenceLoss());
        for (double[] th : ARRAYS) {
            probe("SequenceProblem", "lossFunction " + s(th), () -> problem.lossFunction().value(th));
        }
        done();
    }

    // ---------------------------------------------------------------- experiment sweeps, optim listeners

    @Test
    void sweepsAndTrainingListeners() {
        java.util.List<Double> values = java.util.List.of(1.0, 2.0);
        for (int t : INTS) {
            probe("Sweep", "run threads=" + t, () -> Sweep.run(values, new long[] {1}, (p, seed) -> p, t).size());
        }
        probe("Sweep", "run null values", () -> Sweep.run(null, new long[] {1}, (p, seed) -> p, 1));
        probe("Sweep", "run null seeds", () -> Sweep.run(values, null, (p, seed) -> p, 1));
        probe("Sweep", "run empty seeds", () -> Sweep.run(values, new long[0], (p, seed) -> p, 1).size());
        probe("Sweep", "run null task", () -> Sweep.run(values, new long[] {1}, null, 1));
        probe("Sweep", "run task throws", () -> Sweep.run(values, new long[] {1}, (p, seed) -> {
            throw new IllegalArgumentException("task value p=" + p + " must be small");
        }, 1));
        GradientDescent gd = GradientDescent.of(0.1).withStoppingCriteria(StoppingCriteria.defaults().withMaxSteps(20));
        java.util.function.DoubleFunction<TrainingProblem> problems = a -> TrainingProblem.of(
                RealModesModel.of(1, Reparameterization.EXP), Grid.uniform(2, 0.1), Kernels.exponential(a), 1);
        probe("PlateauSweep", "of null trainer", () -> PlateauSweep.of(null, problems));
        probe("PlateauSweep", "of null problems", () -> PlateauSweep.of(gd, null));
        for (double v : DOUBLES) {
            probe("PlateauSweep", "withRelativeLossLevel " + v, () -> PlateauSweep.of(gd, problems).withRelativeLossLevel(v)
                    .withValues(1).withSeeds(1).run().level());
            probe("PlateauSweep", "withValues " + v, () -> PlateauSweep.of(gd, problems).withValues(v).withSeeds(1).run()
                    .medianSteps());
        }
        for (int t : INTS) {
            probe("PlateauSweep", "withThreads " + t, () -> PlateauSweep.of(gd, problems).withThreads(t).toString());
        }
        probe("PlateauSweep", "withValues null", () -> PlateauSweep.of(gd, problems).withValues((double[]) null).run());
        probe("PlateauSweep", "withValues empty", () -> PlateauSweep.of(gd, problems).withValues().withSeeds(1).run());
        probe("PlateauSweep", "withSeeds null", () -> PlateauSweep.of(gd, problems).withSeeds((long[]) null).run());
        probe("PlateauSweep", "withSeeds empty", () -> PlateauSweep.of(gd, problems).withValues(1).withSeeds().run());
        probe("PlateauSweep", "withParameterName null", () -> PlateauSweep.of(gd, problems).withParameterName(null).toString());
        probe("PlateauSweep", "withProgress null", () -> PlateauSweep.of(gd, problems).withProgress(null).toString());
        PlateauSweep.Result r = PlateauSweep.of(gd, problems).withValues(1, 2).withSeeds(1).run();
        for (int i : INTS) {
            probe("PlateauSweep", "result.steps " + i, () -> r.steps(i, 0));
            probe("PlateauSweep", "result.result " + i, () -> r.result(0, i).finalLoss());
        }
        probe("Progress", "to null", () -> Progress.to(null));
        Progress quiet = Progress.to(line -> { });
        probe("Progress", "labelled null", () -> quiet.labelled(null).toString());
        probe("Progress", "report null", () -> {
            quiet.report(null);
            return 0.0;
        });
        for (int period : INTS) {
            probe("Progress", "every " + period, () -> quiet.every(period).toString());
            probe("ProgressListener", "new period=" + period, () -> new ProgressListener(line -> { }, period).toString());
        }
        probe("ProgressListener", "new null sink", () -> new ProgressListener(null, 1).toString());
        for (double v : DOUBLES) {
            probe("Progress", "number " + v, () -> Progress.number(v));
        }
        probe("TrainingMonitor", "new null name", () -> new TrainingMonitor(null, StoppingCriteria.defaults(), List.of()).stopped());
        probe("TrainingMonitor", "new null criteria", () -> new TrainingMonitor("gd", null, List.of()).stopped());
        probe("TrainingMonitor", "new null listeners", () -> new TrainingMonitor("gd", StoppingCriteria.defaults(), null).stopped());
        for (double v : DOUBLES) {
            probe("TrainingMonitor", "observe gradientNorm=" + v, () -> new TrainingMonitor("gd", StoppingCriteria.defaults(),
                    List.of()).observe(0, 0, 1, v, new double[] {1}));
            probe("TrainingMonitor", "observe time=" + v, () -> new TrainingMonitor("gd", StoppingCriteria.defaults(),
                    List.of()).observe(0, v, 1, 1, new double[] {1}));
        }
        for (int step : INTS) {
            probe("TrainingMonitor", "observe step=" + step, () -> new TrainingMonitor("gd", StoppingCriteria.defaults(),
                    List.of()).observe(step, 0, 1, 1, new double[] {1}));
            probe("TrainingMonitor", "addGradientEvaluations " + step, () -> {
                new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of()).addGradientEvaluations(step);
                return 0.0;
            });
        }
        probe("TrainingMonitor", "observe null theta", () -> new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of())
                .observe(0, 0, 1, 1, null));
        for (double loss : DOUBLES) {
            probe("TrainingMonitor", "observe loss=" + loss + " then finish", () -> {
                TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults().withMaxSteps(1), List.of());
                m.observe(0, 0, loss, 1, new double[] {1});
                if (!m.stopped()) {
                    m.observe(1, 1, loss, 1, new double[] {1});
                }
                TrainingResult res = m.finish();
                return res.historySize() == 0 ? res.referenceLoss() : res.finalRelativeLoss();
            });
            probe("TrainingMonitor", "observe loss=" + loss + " after a first step", () -> {
                TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
                m.observe(0, 0, 1, 1, new double[] {1});
                m.observe(1, 1, loss, 1, new double[] {1});
                return m.stopped() ? m.finish().finalLoss() : 1.0;
            });
            probe("TrainingMonitor", "new referenceLoss=" + loss,
                    () -> new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of(), loss).stopped());
        }
        probe("TrainingMonitor", "finish before observe", () -> new TrainingMonitor("gd", StoppingCriteria.defaults(),
                List.of()).finish());
        probe("TrainingMonitor", "finish after stop without observe", () -> {
            TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
            m.stop(StopReason.STALLED, "x");
            return m.finish();
        });
        probe("TrainingMonitor", "observe after the stop", () -> {
            TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults().withMaxSteps(0), List.of());
            m.observe(0, 0, 1, 1, new double[] {1});
            return m.observe(1, 1, 1, 1, new double[] {1});
        });
        probe("TrainingMonitor", "observe a longer theta", () -> {
            TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
            m.observe(0, 0, 1, 1, new double[] {1});
            return m.observe(1, 1, 1, 1, new double[] {1, 2});
        });
        probe("TrainingMonitor", "stop null reason", () -> new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of())
                .stop(null, "x"));
        done();
    }

    // ---------------------------------------------------------------- the remaining public classes

    /** Flat matrix helpers, Chebyshev series and kernel tables: shapes, sizes and ranges. */
    @Test
    void flatMatricesChebyshevSeriesAndKernelTables() {
        double[] finite = {1, 2, 3, 4};
        double[][] flats = {null, {}, {1}, finite, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
        for (int n : INTS) {
            for (double[] a : flats) {
                probe("Matrices", "transpose n=" + n + " " + s(a), () -> Matrices.transpose(a, n, new double[4]));
                probe("Matrices", "multiply n=" + n + " " + s(a), () -> Matrices.multiply(a, finite, n, new double[4]));
                probe("Matrices", "multiplyVector n=" + n + " " + s(a),
                        () -> Matrices.multiplyVector(finite, a, n, new double[2]));
                probe("MatrixExponential", "flat exp n=" + n + " " + s(a), () -> MatrixExponential.exp(a, n, new double[4]));
                probe("MatrixExponential", "flat frechet n=" + n + " " + s(a),
                        () -> MatrixExponential.frechet(finite, a, n, new double[4]));
                probe("MatrixExponential", "flat frechetAdjoint n=" + n + " " + s(a),
                        () -> MatrixExponential.frechetAdjoint(a, finite, n, new double[4]));
            }
        }
        for (double[] a : ARRAYS) {
            // the flat products pass entry values through (NaN in, NaN out): only shapes are fuzzed
            probe("Matrices", "multiply output " + s(a), () -> Matrices.multiply(finite, finite, 2, a));
            probe("MatrixExponential", "flat exp " + s(a) + " n=1", () -> MatrixExponential.exp(a, 1, new double[1]));
            probe("ShiftedChebyshev", "toMonomial " + s(a), () -> ShiftedChebyshev.toMonomial(a));
            for (double x : DOUBLES) {
                probe("ShiftedChebyshev", "clenshaw " + s(a) + " x=" + x, () -> ShiftedChebyshev.clenshaw(a, x));
                probe("ShiftedChebyshev", "basis x=" + x + " out=" + s(a), () -> {
                    double[] out = a == null ? null : a.clone();
                    ShiftedChebyshev.basis(x, out);
                    return out;
                });
            }
        }
        for (double[] a : flats) {
            probe("Matrices", "dot " + s(a), () -> Matrices.dot(a, new double[] {1, 2}));
        }
        probe("Matrices", "multiply aliased", () -> Matrices.multiply(finite, finite, 2, finite));
        probe("Matrices", "toRows null", () -> Matrices.toRows(null));
        probe("Matrices", "shape null", () -> Matrices.shape(null));
        for (double v : DOUBLES) {
            probe("Matrices", "finiteEntry " + v, () -> Matrices.finiteEntry("A", 0, 1, v));
            probe("MatrixExponential", "expUnchecked [[" + v + "]]",
                    () -> MatrixExponential.expUnchecked(Matrices.fromRows("A", new double[][] {{v}})).get(0, 0));
        }
        probe("MatrixExponential", "expUnchecked null", () -> MatrixExponential.expUnchecked(null));
        probe("MatrixExponential", "expUnchecked 2x3", () -> MatrixExponential.expUnchecked(new org.ejml.data.DMatrixRMaj(2, 3)));
        for (int n : INTS) {
            probe("ShiftedChebyshev", "toMonomial of " + n + " ones", () -> n < 0 || n > 1000
                    ? ShiftedChebyshev.toMonomial(null) : ShiftedChebyshev.toMonomial(DoubleArrays.uniform(1, n)));
        }
        probe("ShiftedChebyshev", "toMonomial huge coefficients",
                () -> ShiftedChebyshev.toMonomial(DoubleArrays.uniform(1e300, ShiftedChebyshev.MAX_MONOMIAL_TERMS)));
        MemoryKernel k = Kernels.exponential(1);
        for (double tMax : DOUBLES) {
            for (int n : INTS) {
                probe("KernelTables", "sample " + tMax + "," + n, () -> KernelTables.sample(tMax, n, k).rowCount());
            }
        }
        probe("KernelTables", "sample null grid", () -> KernelTables.sample(null, k));
        probe("KernelTables", "sample no kernels", () -> KernelTables.sample(Grid.uniform(1, 0.5)));
        probe("KernelTables", "sample null kernels", () -> KernelTables.sample(1, 3, (MemoryKernel[]) null));
        probe("KernelTables", "sample null kernel", () -> KernelTables.sample(1, 3, k, null));
        probe("KernelTables", "sample duplicate names", () -> KernelTables.sample(1, 3, k, k));
        probe("KernelTables", "sample NaN kernel", () -> KernelTables.sample(1, 3, Kernels.fromLambda("nan", t -> Double.NaN)));
        done();
    }

    /** Kernels of RNNs, vector kernels, power laws, input signals and functionals. */
    @Test
    void rnnKernelsVectorKernelsAndSignals() {
        LinearRnn rnn = LinearRnn.diagonal(new double[] {1, 2}, new double[] {1, -1});
        LinearRnn twoInputs = LinearRnn.of(new double[][] {{-1, 0}, {0, -2}}, new double[][] {{1, 0}, {0, 1}},
                new double[] {1, 1});
        probe("RnnKernel", "kernel null method", () -> rnn.kernel(null));
        probe("RnnVectorKernel", "vectorKernel null method", () -> twoInputs.vectorKernel(null));
        for (KernelMethod method : KernelMethod.values()) {
            probe("KernelMethod", method + " kernel", () -> rnn.kernel(method).value(1));
            RnnKernel kernel = rnn.kernel(method);
            RnnVectorKernel vector = twoInputs.vectorKernel(method);
            for (double t : DOUBLES) {
                probe("RnnKernel", method + " value " + t, () -> kernel.value(t));
                probe("RnnVectorKernel", method + " value " + t, () -> vector.value(t));
                probe("RnnVectorKernel", method + " valueInto " + t, () -> {
                    double[] out = new double[2];
                    vector.valueInto(t, out);
                    return out;
                });
            }
            for (double[] times : ARRAYS) {
                probe("RnnKernel", method + " sample " + s(times), () -> kernel.sample(times));
            }
            for (int n : INTS) {
                probe("RnnKernel", method + " derivative " + n, () -> kernel.derivative(n).map(d -> d.value(1)).orElse(0.0));
                probe("RnnVectorKernel", method + " component " + n, () -> vector.component(n).value(1));
            }
            probe("RnnVectorKernel", method + " valueInto null", () -> {
                vector.valueInto(1, null);
                return 0.0;
            });
            probe("RnnVectorKernel", method + " valueInto short", () -> {
                vector.valueInto(1, new double[1]);
                return 0.0;
            });
        }
        probe("VectorKernel", "of null", () -> VectorKernel.of((MemoryKernel[]) null));
        probe("VectorKernel", "of nothing", () -> VectorKernel.of());
        probe("VectorKernel", "of a null component", () -> VectorKernel.of(Kernels.exponential(1), null));
        VectorKernel vk = VectorKernel.of(Kernels.exponential(1), Kernels.powerLaw(1));
        for (double t : DOUBLES) {
            probe("VectorMemoryKernel", "value " + t, () -> ((VectorMemoryKernel) vk).value(t));
        }
        probe("Norms", "l1 vector kernel", () -> Norms.l1(vk));
        for (int i : INTS) {
            probe("VectorKernel", "component " + i, () -> vk.component(i).value(1));
        }
        for (double a : DOUBLES) {
            for (double w : DOUBLES) {
                probe("PowerLawKernel", "of " + a + "," + w, () -> PowerLawKernel.of(a, w).value(1));
            }
            probe("PowerLawKernel", "times " + a, () -> PowerLawKernel.of(1, 1).times(a).value(1));
            probe("PowerLawKernel", "tailL1 T=" + a, () -> PowerLawKernel.of(1, 1).tailL1(a).orElse(0));
            probe("PowerLawKernel", "tailL2Squared T=" + a, () -> PowerLawKernel.of(1, 0.5).tailL2Squared(a).orElse(0));
        }
        probe("PowerLawKernel", "withName null", () -> PowerLawKernel.of(1, 1).withName(null));
        probe("PowerLawKernel", "named blank", () -> PowerLawKernel.of(1, 1).named(" "));
        InputSignal step = Signals.step();
        for (double v : DOUBLES) {
            probe("InputSignal", "value " + v, () -> step.value(v));
            probe("InputSignal", "times " + v, () -> step.times(v).value(1));
            probe("InputSignal", "delayed " + v, () -> step.delayed(v).value(1));
            for (double dt : DOUBLES) {
                probe("InputSignal", "sample t0=" + v + " dt=" + dt, () -> step.sample(v, dt, 3));
            }
        }
        for (int n : INTS) {
            probe("InputSignal", "sample n=" + n, () -> step.sample(0, 0.1, n));
            probe("InputSignal", "component " + n, () -> step.component(n, 1));
            probe("InputSignal", "vector d=2 component " + n, () -> Signals.step(0, 2).component(n, 1));
        }
        probe("InputSignal", "plus null", () -> step.plus(null));
        probe("InputSignal", "plus other dimension", () -> step.plus(Signals.zero(2)));
        probe("InputSignal", "valueInto null", () -> {
            step.valueInto(1, null);
            return 0.0;
        });
        probe("InputSignal", "value of a 2-d signal", () -> Signals.zero(2).value(1));
        Functional f = LinearFunctional.of(Kernels.exponential(1));
        for (double[] times : ARRAYS) {
            probe("Functional", "apply times " + s(times), () -> f.apply(step, times));
        }
        probe("Functional", "apply null signal", () -> f.apply(null, new double[] {1}));
        done();
    }

    /** Simulated trajectories, approximation results and the enums that select a method. */
    @Test
    void trajectoriesPerturbationResultsAndEnums() {
        LinearRnn rnn = LinearRnn.diagonal(new double[] {1, 2}, new double[] {1, -1});
        Trajectory plain = RnnSimulator.rk4(0.1).simulate(rnn, Signals.step(), 1);
        Trajectory full = RnnSimulator.rk4(0.1).withRecordStates(true).withRecordInputs(true)
                .simulate(rnn, Signals.step(), 1);
        // RK4 far beyond its stability limit (Δt·λ = −20): the trajectory overflows and is reported as diverged
        Trajectory diverged = RnnSimulator.rk4(10).simulate(rnn, Signals.step(), 2000);
        for (Trajectory tr : new Trajectory[] {plain, full, diverged}) {
            String name = tr == plain ? "plain" : tr == full ? "with states" : "diverged";
            for (int i : INTS) {
                probe("Trajectory", name + " time " + i, () -> tr.time(i));
                probe("Trajectory", name + " output " + i, () -> tr.output(i));
                probe("Trajectory", name + " state " + i, () -> tr.state(i));
            }
            probe("Trajectory", name + " states", () -> tr.states().length);
            probe("Trajectory", name + " inputs", () -> tr.inputs().length);
            probe("Trajectory", name + " finalOutput", () -> tr.finalOutput());
            probe("Trajectory", name + " outputs", () -> tr.outputs());
            probe("Trajectory", name + " toTable", () -> tr.toTable().rowCount());
            probe("Trajectory", name + " toTableWithDetails", () -> tr.toTableWithDetails().rowCount());
        }
        Approximant fit = Approximant.of(Kernels.exponential(1), new double[] {1}, new double[] {1});
        PerturbationErrorResult result = PerturbationError.of(fit).withRadii(1e-3, 1e-2).withDraws(2).compute();
        for (double level : DOUBLES) {
            // +∞ is the documented answer when the level is never reached
            probeOverflowOk("PerturbationErrorResult", "kneeRadius " + level, () -> result.kneeRadius(level));
        }
        for (int j : INTS) {
            probe("PerturbationErrorResult", "worstError " + j, () -> result.worstError(j));
        }
        probe("PerturbationErrorResult", "table", () -> result.table().rowCount());
        probe("PerturbationErrorResult", "relativeWorstErrors", () -> result.relativeWorstErrors());
        probe("PerturbationErrorResult", "firstUnstableRadius", () -> result.firstUnstableRadius().orElse(0));
        probe("PerturbationError", "withMode null", () -> PerturbationError.of(fit).withMode(null));
        probe("PerturbationError", "withReference null", () -> PerturbationError.of(fit).withReference(null));
        probe("PerturbationError", "withReparameterization null", () -> PerturbationError.of(fit).withReparameterization(null));
        for (FitNorm norm : FitNorm.values()) {
            probe("FitNorm", "FreeRate withFitNorm " + norm, () -> FreeRateApproximation.ofWidth(2).withFitNorm(norm)
                    .approximate(Kernels.exponential(1)).width());
            probe("FitNorm", "Jackson withFitNorm " + norm, () -> JacksonApproximation.ofWidth(2).withFitNorm(norm)
                    .approximate(Kernels.powerLaw(1)).width());
            for (double beta : DOUBLES) {
                probe("FitNorm", "fitCoefficients " + norm + " beta=" + beta,
                        () -> JacksonApproximation.fitCoefficients(Kernels.powerLaw(1), beta, 3, norm));
            }
        }
        probe("FitNorm", "FreeRate withFitNorm null", () -> FreeRateApproximation.ofWidth(2).withFitNorm(null));
        probe("FitNorm", "Jackson withFitNorm null", () -> JacksonApproximation.ofWidth(2).withFitNorm(null));
        probe("FitNorm", "fitCoefficients null norm", () -> JacksonApproximation.fitCoefficients(Kernels.powerLaw(1), 1, 3, null));
        for (ApproximationMethod m : ApproximationMethod.values()) {
            probe("ApproximationMethod", "valueOf " + m, () -> ApproximationMethod.valueOf(m.name()).ordinal() * 1.0);
        }
        probe("ApproximationMethod", "reported by Approximant.of", () -> fit.method() == ApproximationMethod.GIVEN ? 1.0
                : Double.NaN);
        DiscreteRnn model = DiscreteRnn.linear(2, 0.1);
        double[] theta = model.initialParameters(new Random(1));
        probe("Discretisation", "withDiscretisation null", () -> model.withDiscretisation(null));
        probe("Activation", "withActivation null", () -> model.withActivation(null));
        for (Discretisation d : Discretisation.values()) {
            for (double[] in : ARRAYS) {
                // finite but huge inputs (±1e308) may overflow the outputs to ±∞, never to NaN
                probeOverflowOk("Discretisation", d + " outputs " + s(in), () -> model.withDiscretisation(d).outputs(theta, in));
            }
        }
        for (Activation a : Activation.values()) {
            for (double z : DOUBLES) {
                // pointwise functions of the network's inner loop: NaN in, NaN out; ±∞ in may give ±∞ out
                if (!Double.isNaN(z)) {
                    probeOverflowOk("Activation", a + " value " + z, () -> a.value(z));
                    probeOverflowOk("Activation", a + " derivative " + z, () -> a.derivative(z));
                }
            }
            for (double[] in : ARRAYS) {
                probeOverflowOk("Activation", a + " outputs " + s(in), () -> model.withActivation(a).outputs(theta, in));
            }
        }
        for (StopReason why : StopReason.values()) {
            probe("StopReason", "stop " + why, () -> {
                TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
                m.observe(0, 0, 1, 1, new double[] {1});
                m.stop(why, "fuzz");
                return m.finish().stopReason() == why ? 1.0 : Double.NaN;
            });
        }
        probe("StopReason", "stop null", () -> new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of())
                .stop(null, "x"));
        for (double v : DOUBLES) {
            probe("Divergence", "from check loss=" + v, () -> DivergenceCriterion.standard().check(3, v, 1, 1,
                    new double[] {1}).map(Divergence::step).orElse(0) * 1.0);
            probe("Divergence", "from check theta=" + v, () -> DivergenceCriterion.standard().check(3, 1, 1, 1,
                    new double[] {v}).map(d -> d.message().length()).orElse(0) * 1.0);
        }
        probe("Norms", "l1Estimate null", () -> Norms.l1Estimate((MemoryKernel) null));
        for (double t : DOUBLES) {
            probe("QuadratureEstimate", "l1Estimate T=" + t, () -> Norms.l1Estimate(Kernels.exponential(1), t).value());
            probe("QuadratureEstimate", "l2SquaredEstimate T=" + t,
                    () -> Norms.l2SquaredEstimate(Kernels.exponential(1), t).value());
        }
        done();
    }

    /** Trainers through their shared base, losses, listeners, recorded results and plateaus. */
    @Test
    void trainersLossesListenersAndResults() {
        TrainingProblem small = TrainingProblem.of(RealModesModel.of(2, Reparameterization.EXP), Grid.uniform(4, 0.1),
                Kernels.exponential(1), 1);
        GradientDescent gd = GradientDescent.of(0.1).withMaxSteps(30);
        for (int n : INTS) {
            probe("AbstractTrainer", "withMaxSteps " + n, () -> gd.withMaxSteps(n).stoppingCriteria().maxSteps());
            probe("AbstractTrainer", "withBatchSize " + n, () -> gd.withBatchSize(n).batchSize());
        }
        for (double v : DOUBLES) {
            probe("AbstractTrainer", "withTargetLoss " + v, () -> gd.withTargetLoss(v).stoppingCriteria().targetLoss());
            probe("AbstractTrainer", "withTargetRelativeLoss " + v,
                    () -> gd.withTargetRelativeLoss(v).stoppingCriteria().targetRelativeLoss());
            probe("AbstractTrainer", "withGradientTolerance " + v,
                    () -> gd.withGradientTolerance(v).stoppingCriteria().gradientTolerance());
            probe("AbstractTrainer", "withDivergenceFactor " + v, () -> gd.withDivergenceFactor(v).toString());
            probe("AbstractTrainer", "minimize referenceLoss=" + v,
                    () -> gd.minimize(small.lossFunction(), small.initialParameters(), v).finalLoss());
        }
        probe("AbstractTrainer", "withStoppingCriteria null", () -> gd.withStoppingCriteria(null));
        probe("AbstractTrainer", "withListener null", () -> gd.withListener(null));
        probe("AbstractTrainer", "minimize null loss", () -> gd.minimize(null, new double[] {1}));
        for (double[] init : ARRAYS) {
            probe("AbstractTrainer", "minimize initial " + s(init), () -> gd.minimize(small.lossFunction(), init).finalLoss());
        }
        Trainer trainer = gd;
        probe("Trainer", "train null", () -> trainer.train(null));
        probe("Trainer", "withStoppingCriteria null", () -> trainer.withStoppingCriteria(null));
        probe("Trainer", "withListener null", () -> trainer.withListener(null));
        LossFunction lossFunction = small.lossFunction();
        for (double[] th : ARRAYS) {
            probe("LossFunction", "value " + s(th), () -> lossFunction.value(th));
            probe("LossFunction", "valueAndGradient " + s(th),
                    () -> lossFunction.valueAndGradient(th, new double[lossFunction.dimension()]));
        }
        probe("LossFunction", "valueAndGradient null gradient",
                () -> lossFunction.valueAndGradient(small.initialParameters(), null));
        DiscreteRnn rnn = DiscreteRnn.linear(2, 0.1);
        SequenceDataset data = SequenceDataset.whiteNoise(TargetFunctional.ofKernel(Kernels.exponential(1), 0.1), 3, 8, 1);
        BatchLoss batchLoss = DataLoss.of(rnn, data);
        double[] theta = rnn.initialParameters(new Random(1));
        int[][] batches = {null, {}, {-1}, {0, 2}, {3}, {Integer.MIN_VALUE}};
        for (int[] b : batches) {
            probe("BatchLoss", "valueAndGradient batch " + java.util.Arrays.toString(b),
                    () -> batchLoss.valueAndGradient(theta, new double[batchLoss.dimension()], b));
        }
        probe("BatchLoss", "sampleCount", () -> batchLoss.sampleCount() * 1.0);
        OptimizationProblem[] problems = {small, SequenceProblem.of(DataLoss.of(rnn, data), 1)};
        for (OptimizationProblem op : problems) {
            for (long seed : new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}) {
                probe("OptimizationProblem", op.getClass().getSimpleName() + " withSeed " + seed,
                        () -> op.withSeed(seed).initialParameters());
            }
            probe("OptimizationProblem", op.getClass().getSimpleName() + " referenceLoss", () -> op.referenceLoss());
        }
        ParametricModel[] models = {rnn, DiscreteRnn.tanh(3, 0.1).withInputDimension(2)};
        for (ParametricModel pm : models) {
            probe("ParametricModel", pm.name() + " initialParameters null", () -> pm.initialParameters(null));
            probe("ParametricModel", pm.name() + " initialParameters", () -> pm.initialParameters(new Random(1)));
            probe("ParametricModel", pm.name() + " parameterNames", () -> pm.parameterNames().length * 1.0);
        }
        for (int every : INTS) {
            probe("LossRecorder", "new every=" + every, () -> new LossRecorder("loss", every).size() * 1.0);
        }
        probe("LossRecorder", "new null name", () -> new LossRecorder(null, 1));
        TrainingListener recorder = new LossRecorder("fuzz", 3);
        probe("TrainingListener", "onStep null", () -> recorder.onStep(null));
        probe("TrainingListener", "onFinish null", () -> {
            recorder.onFinish(null);
            return 0.0;
        });
        probe("LossRecorder", "records a run", () -> {
            LossRecorder r = new LossRecorder("fuzz", 7);
            gd.withListener(r).train(small);
            return r.table().rowCount() * 1.0;
        });
        TrainingResult trained = gd.train(small);
        TrainingMonitor divergedAtOnce = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of());
        divergedAtOnce.observe(0, 0, Double.NaN, 1, new double[] {1});
        TrainingResult empty = divergedAtOnce.finish();
        for (TrainingResult r : new TrainingResult[] {trained, empty}) {
            String name = r == trained ? "trained" : "diverged at step 0";
            for (double level : DOUBLES) {
                probe("TrainingResult", name + " firstStepAtOrBelowRelativeLoss " + level,
                        () -> r.firstStepAtOrBelowRelativeLoss(level).orElse(-1) * 1.0);
                probe("TrainingResult", name + " firstTimeAtOrBelowRelativeLoss " + level,
                        () -> r.firstTimeAtOrBelowRelativeLoss(level).orElse(-1.0));
            }
            probe("TrainingResult", name + " finalLoss", () -> r.finalLoss());
            probe("TrainingResult", name + " finalRelativeLoss", () -> r.finalRelativeLoss());
            probe("TrainingResult", name + " table", () -> r.table().rowCount() * 1.0);
            probe("TrainingResult", name + " lossHistory", () -> r.lossHistory());
            probe("TrainingResult", name + " relativeLossHistory", () -> r.relativeLossHistory());
            probe("TrainingResult", name + " stepAxis", () -> r.stepAxis());
            probe("TrainingResult", name + " toString", () -> r.toString());
            probe("PlateauDetector", name + " detect result", () -> PlateauDetector.create().detect(r).size() * 1.0);
        }
        probe("PlateauDetector", "detect null result", () -> PlateauDetector.create().detect((TrainingResult) null));
        for (double v : DOUBLES) {
            probe("PlateauDetector", "withMinLength " + v, () -> PlateauDetector.create().withMinLength(v));
            probe("PlateauDetector", "withTargetRelativeLoss " + v, () -> PlateauDetector.create().withTargetRelativeLoss(v));
        }
        double[] x = DoubleArrays.linear(0, 100, 101);
        double[] plateauLoss = DoubleArrays.map(x, t -> t < 50 ? 1 - 1e-4 * t : Math.exp(-(t - 50)));
        for (double window : DOUBLES) {
            probe("Plateau", "detected with window " + window, () -> PlateauDetector.create().withWindow(window)
                    .detect(x, plateauLoss).stream().mapToDouble(Plateau::length).sum());
        }
        probe("Plateau", "length", () -> PlateauDetector.create().detect(x, plateauLoss).stream()
                .mapToDouble(Plateau::length).max().orElse(0));
        TrainingMonitor m = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of(new LossRecorder()));
        for (int i : INTS) {
            probe("TrainingStep", "parameter " + i, () -> {
                double[] got = new double[1];
                TrainingMonitor monitor = new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of(step -> {
                    got[0] = step.parameter(i);
                    return false;
                }));
                monitor.observe(0, 0, 1, 1, new double[] {1, 2});
                return got[0];
            });
        }
        probe("TrainingStep", "parameters", () -> {
            double[][] got = new double[1][];
            new TrainingMonitor("gd", StoppingCriteria.defaults(), List.of(step -> {
                got[0] = step.parameters();
                return false;
            })).observe(0, 0, 1, 1, new double[] {1, 2});
            return got[0];
        });
        probe("CheckFailure", "from Check.near", () -> {
            Check.reportTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                Check.near("fuzz", 1, 2, 0.1);
            } finally {
                Check.reportTo(System.out);
            }
            return 0.0;
        });
        for (String message : new String[] {null, "", "x=1 must be small"}) {
            probe("CheckFailure", "new " + message, () -> new CheckFailure(message).getMessage() == null ? 0.0 : 1.0);
            probe("KitArgumentException", "new " + message, () -> {
                throw new KitArgumentException("fuzz message '" + message + "' must be shown");
            });
        }
        probe("KitArgumentException", "thrown by Validate", () -> Validate.positive("x", -1));
        done();
    }

    /**
     * Public top-level types of lib/src/main with no fuzz cases, each with the reason. Everything else
     * must have cases: {@link #everyPublicClassIsFuzzed()} fails on a new public class without them
     * and on an entry here that is stale.
     */
    private static final Map<String, String> NOT_FUZZED = Map.of();

    /**
     * g(t) = e^{-t} (∫₀^∞ = 1) as an integrand written outside the library would give it; the
     * fuzz cases set one of its answers wrong at a time.
     */
    private static final class TestIntegrand implements org.curseofmemory.quad.HalfLineIntegrand {
        int parts = 1;
        double[] breakpoints = {};
        double badValue = 1; // g on [1, 2] is e^{-t} times this
        double[] tail;
        boolean tailSet;

        @Override public int parts() { return parts; }
        @Override public boolean squared() { return false; }
        @Override public double[] breakpoints() { return breakpoints; }
        @Override public String description() { return "test integrand e^-t"; }
        @Override public boolean isDistance() { return false; }
        @Override public double signPart(int i, double t) { return Math.exp(-t); }
        @Override public double noiseFactor() { return 1e-15; }

        @Override
        public double g(double t, double[] magnitude) {
            double v = t >= 1 && t <= 2 ? badValue * Math.exp(-t) : Math.exp(-t);
            magnitude[0] = Math.abs(v);
            return v;
        }

        @Override
        public double[] tailInterval(double T) {
            return tailSet ? tail : new double[] {Math.exp(-T), Math.exp(-T)};
        }
    }

    /**
     * The coverage claim cannot rot: every public top-level class, interface, record and enum compiled
     * from lib/src/main has cases in {@link #COUNTS} (or a reason in {@link #NOT_FUZZED}). Runs last;
     * it needs the whole class to have run.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void everyPublicClassIsFuzzed() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<String> publicTypes = new ArrayList<>();
        try (var files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '.');
                if (!name.endsWith(".class") || name.contains("$") || name.endsWith("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        getClass().getClassLoader());
                if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                    publicTypes.add(c.getSimpleName());
                }
            }
        }
        assertTrue(publicTypes.size() > 50, "found only " + publicTypes.size() + " public classes under " + classes);
        List<String> missing = new ArrayList<>();
        for (String type : publicTypes) {
            boolean counted;
            synchronized (COUNTS) {
                counted = COUNTS.containsKey(type);
            }
            if (!counted && !NOT_FUZZED.containsKey(type)) {
                missing.add(type);
            }
        }
        java.util.Collections.sort(missing);
        assertTrue(missing.isEmpty(), missing.size() + " public classes of lib/src/main have no bad-input cases (add"
                + " probes, or run the whole BadInputFuzzTest class): " + missing);
        for (String exempt : NOT_FUZZED.keySet()) {
            assertTrue(publicTypes.contains(exempt) && !COUNTS.containsKey(exempt),
                    "NOT_FUZZED entry " + exempt + " is stale (no such public class, or it now has cases)");
        }
    }

    /** The suite's own guard: the timeout really fires on a hang. */
    @Test
    void perCaseTimeoutCatchesAHang() {
        List<String> before = new ArrayList<>(failures);
        perCase = Duration.ofMillis(200);   // the same mechanism as PER_CASE, without waiting 30 s for it
        probe("BadInputFuzzTest", "hang", () -> {
            Thread.sleep(60_000);
            throw new TimeoutException();
        });
        assertTrue(failures.size() == before.size() + 1 && failures.get(failures.size() - 1).contains("did not finish"),
                failures.toString());
        failures.clear();
        synchronized (COUNTS) {
            COUNTS.remove("BadInputFuzzTest");
        }
    }
}
