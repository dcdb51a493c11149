package org.curseofmemory.benchmarks;

import java.util.concurrent.TimeUnit;
import org.curseofmemory.train.ComplexModesModel;
import org.curseofmemory.quad.Grid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One plain gradient-descent step on the kernel loss J = ½ Σ w_i (ρ̂(t_i) − ρ(t_i))² of the
 * complex-mode model (8 pairs, 2000 grid points, Airy target Ai(t − 3)): loss + analytic gradient
 * ({@link ComplexModesModel#lossAndGradient}) + update θ ← θ − 0.05 ∇J. The parameters restart from
 * θ₀ every {@value AirySweepSetup#STEP_RESET_PERIOD} steps, exactly as on the NumPy side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ComplexModeStepBenchmark {
    private ComplexModesModel model;
    private Grid grid;
    private double[] target;
    private double[] initial;
    private double[] theta;
    private double[] gradient;
    private int sinceReset;

    @Setup
    public void setUp() {
        model = AirySweepSetup.model(AirySweepSetup.STEP_PAIRS);
        grid = AirySweepSetup.stepGrid();
        target = AirySweepSetup.airyTarget(grid, AirySweepSetup.STEP_T0);
        initial = AirySweepSetup.stepInitialParameters();
        theta = initial.clone();
        gradient = new double[theta.length];
        sinceReset = 0;
    }

    @Benchmark
    public double gradientStep() {
        if (sinceReset == AirySweepSetup.STEP_RESET_PERIOD) {
            System.arraycopy(initial, 0, theta, 0, theta.length);
            sinceReset = 0;
        }
        sinceReset++;
        double loss = model.lossAndGradient(theta, grid, target, gradient);
        double lr = AirySweepSetup.LEARNING_RATE;
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= lr * gradient[i];
        }
        return loss;
    }
}
