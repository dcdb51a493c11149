package org.curseofmemory.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Java arm of benchmarks/interleave.py: times the gradient step of
 * {@link ComplexModeStepBenchmark} (8 pairs, 2000 points, restart from θ₀ every 1000 steps) in
 * CPU time of the thread that runs the steps (nanosecond resolution; the JVM's process CPU clock
 * ticks in 10 ms here, and after the warm-up the JIT and GC threads are idle), on request, so that the driver can alternate rounds of Java, NumPy and JAX.
 * Protocol (one line each way): the driver writes a step count N, the server runs N steps and
 * answers {@code cpu_us=<CPU µs per step> wall_us=<wall µs per step>}; end of input stops it.
 * Warms up (JIT) before it answers the first request.
 */
public final class StepServer {
    private StepServer() {
    }

    public static void main(String[] args) throws IOException {
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        ComplexModeStepBenchmark bench = new ComplexModeStepBenchmark();
        bench.setUp();
        double sink = 0;
        for (int i = 0; i < 50_000; i++) {
            sink += bench.gradientStep();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready arm=java");
        System.out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int steps = Integer.parseInt(line.trim());
            long cpu = clock.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                sink += bench.gradientStep();
            }
            double cpuUs = (clock.getCurrentThreadCpuTime() - cpu) / 1e3 / steps;
            double wallUs = (System.nanoTime() - wall) / 1e3 / steps;
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("gradient step produced NaN");
            }
            System.out.printf(Locale.ROOT, "cpu_us=%.4f wall_us=%.4f%n", cpuUs, wallUs);
            System.out.flush();
        }
    }
}
