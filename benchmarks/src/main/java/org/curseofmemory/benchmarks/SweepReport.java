package org.curseofmemory.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.curseofmemory.experiment.LineFit;
import org.curseofmemory.experiment.PlateauSweep;
import org.curseofmemory.optim.TrainingResult;

/**
 * Runs the plateau sweep once and prints, in the key=value lines of benchmarks/numpy/bench.py,
 * the steps of every run, the medians and the fitted slope of ln(median steps) against t₀, so
 * that run.sh can check that Java and NumPy did the same work (same seeds, same initial
 * parameters through the java.util.Random port, same stopping rule). Not a timing: see
 * {@link PlateauSweepBenchmark}.
 *
 * <p>With the argument {@code --cpu} it also measures CPU time (not wall time), which stays
 * meaningful on a machine shared with other jobs: the thread CPU time of one gradient step
 * (blocks of 1000 steps from θ₀, as in {@link ComplexModeStepBenchmark}) and the process CPU time
 * of the whole sweep on one thread, each after a warm-up.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /** 3.0 → "3", 2.5 → "2.5" (as Python's "{:g}" prints them). */
    static String compact(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public static void main(String[] args) {
        PlateauSweep.Result r = AirySweepSetup.sweep(1).run();
        long evaluations = 0;
        double[] t0 = r.values();
        double[] medians = r.medianSteps();
        for (int i = 0; i < t0.length; i++) {
            for (int j = 0; j < r.seeds().length; j++) {
                TrainingResult run = r.result(i, j);
                evaluations += run.gradientEvaluations();
                System.out.printf(Locale.ROOT, "java.sweep.run t0=%s seed=%d steps=%d rel_loss=%.6e reason=%s%n",
                        compact(t0[i]), r.seeds()[j], r.steps(i, j), run.finalRelativeLoss(), run.stopReason());
            }
            System.out.printf(Locale.ROOT, "java.sweep.t0 t0=%s median_steps=%s%n", compact(t0[i]), compact(medians[i]));
        }
        LineFit fit = r.logMedianStepsFit();
        System.out.printf(Locale.ROOT, "java.sweep modes=%d points=%d runs=%d evaluations=%d log_steps_slope=%.4f%n",
                AirySweepSetup.SWEEP_PAIRS, (int) Math.round(AirySweepSetup.SWEEP_END / AirySweepSetup.DT) + 1,
                t0.length * r.seeds().length, evaluations, fit.slope());
        if (args.length > 0 && args[0].equals("--cpu")) {
            System.out.printf(Locale.ROOT, "java.cpu step_us_median=%.3f sweep_ms_median=%.3f%n", stepCpuMicros(),
                    sweepCpuMillis());
        }
    }

    private static double stepCpuMicros() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        ComplexModeStepBenchmark bench = new ComplexModeStepBenchmark();
        bench.setUp();
        int period = AirySweepSetup.STEP_RESET_PERIOD;
        double sink = 0;
        double[] perStep = new double[10];
        for (int block = -10; block < perStep.length; block++) {
            long start = bean.getCurrentThreadCpuTime();
            for (int k = 0; k < period; k++) {
                sink += bench.gradientStep();
            }
            if (block >= 0) {
                perStep[block] = (bean.getCurrentThreadCpuTime() - start) / 1e3 / period;
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("gradient step produced NaN");
        }
        return median(perStep);
    }

    private static double sweepCpuMillis() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PlateauSweep sweep = AirySweepSetup.sweep(1);
        sweep.run();
        sweep.run();
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
            long start = os.getProcessCpuTime();
            sweep.run();
            ms[i] = (os.getProcessCpuTime() - start) / 1e6;
        }
        return median(ms);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
