package org.curseofmemory.benchmarks;

import java.util.concurrent.TimeUnit;
import org.curseofmemory.experiment.PlateauSweep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole plateau sweep of docs/theory.md §4 with the library's {@link PlateauSweep}: Airy targets
 * Ai(t − t₀), t₀ = 1..6, 5 seeds, 4 complex mode pairs, plain GD (lr 0.05) until relative loss
 * ≤ 0.1 (cap 20000 steps). {@code threads} is the sweep's pool size (the NumPy side runs on one
 * thread; compare with threads = 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PlateauSweepBenchmark {
    @Param({"1"})
    public int threads;

    private PlateauSweep sweep;

    @Setup
    public void setUp() {
        sweep = AirySweepSetup.sweep(threads);
    }

    @Benchmark
    public PlateauSweep.Result wholeSweep() {
        return sweep.run();
    }
}
