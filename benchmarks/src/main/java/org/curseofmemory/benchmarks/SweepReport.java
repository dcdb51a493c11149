package org.curseofmemory.benchmarks;

import java.util.Locale;
import org.curseofmemory.train.LineFit;
import org.curseofmemory.train.PlateauSweep;
import org.curseofmemory.train.TrainingResult;

/**
 * Runs the plateau sweep once and prints, in the key=value lines of benchmarks/numpy/bench.py,
 * the steps of every run, the medians and the fitted slope of ln(median steps) against t₀, so
 * that run.sh can check that Java and NumPy did the same work (same seeds, same initial
 * parameters through the java.util.Random port, same stopping rule). Not a timing: see
 * {@link PlateauSweepBenchmark}.
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
    }
}
