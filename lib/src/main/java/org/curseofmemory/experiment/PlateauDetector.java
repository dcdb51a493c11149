package org.curseofmemory.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.curseofmemory.optim.GradientFlow;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.util.Validate;

/**
 * Finds plateaus in a training curve (docs/theory.md §4 [summary]; the detection rule is the kit's):
 * a point x_j (step or flow time) is <em>flat</em> if a full window lies behind it and the
 * relative loss L = J/J_ref decreased over the window by less than the threshold,
 * <pre>  (L(x_j − window) − L(x_j)) / L(x_j − window) &lt; threshold,  and  L(x_j) &gt; target,  </pre>
 * (L(x_j − window) = the last recorded value at or before x_j − window). Each maximal run of flat
 * points, extended back by its first window, is a candidate; overlapping candidates are merged
 * and those of length ≥ minLength are reported as {@link Plateau}s.
 *
 * <p>The analysis is a pure function of a finished run ({@link #detect(TrainingResult)}) or of a
 * curve ({@link #detect(double[], double[])}): the detector keeps no state, so one detector may be
 * shared by the threads of a sweep. Defaults: window 100 (steps), threshold 0.01,
 * minLength = window, target 0, axis = step. Immutable ({@code withX} returns a new detector).
 */
public final class PlateauDetector {
    private final double window;
    private final double threshold;
    private final double minLength;
    private final double target;
    private final boolean useTime;

    private PlateauDetector(double window, double threshold, double minLength, double target, boolean useTime) {
        this.window = window;
        this.threshold = threshold;
        this.minLength = minLength;
        this.target = target;
        this.useTime = useTime;
    }

    /** The detector with the defaults above. */
    public static PlateauDetector create() {
        return new PlateauDetector(100, 0.01, 100, 0, false);
    }

    /** A detector with window length &gt; 0 (in steps, or flow time if {@link #usingTime()}); minLength follows. */
    public PlateauDetector withWindow(double windowLength) {
        Validate.positive("plateau window", windowLength);
        return new PlateauDetector(windowLength, threshold, windowLength, target, useTime);
    }

    /** A detector with relative-decrease threshold in (0, 1). */
    public PlateauDetector withThreshold(double relativeDecrease) {
        Validate.positive("plateau threshold", relativeDecrease);
        Validate.below("plateau threshold", relativeDecrease, 1);
        return new PlateauDetector(window, relativeDecrease, minLength, target, useTime);
    }

    /** A detector reporting only plateaus of length ≥ minLength (≥ 0). */
    public PlateauDetector withMinLength(double length) {
        Validate.nonNegative("plateau minLength", length);
        return new PlateauDetector(window, threshold, length, target, useTime);
    }

    /** A detector ignoring points whose relative loss is ≤ target (≥ 0): those are converged, not stuck. */
    public PlateauDetector withTargetRelativeLoss(double targetRelativeLoss) {
        Validate.nonNegative("plateau target relative loss", targetRelativeLoss);
        return new PlateauDetector(window, threshold, minLength, targetRelativeLoss, useTime);
    }

    /** A detector measuring along flow time τ instead of step index (for {@link GradientFlow}). */
    public PlateauDetector usingTime() {
        return new PlateauDetector(window, threshold, minLength, target, true);
    }

    /**
     * Plateaus of a finished run's relative-loss history (steps or time as configured). A diverged
     * run's history is read up to its last finite loss.
     */
    public List<Plateau> detect(TrainingResult result) {
        Validate.notNull("training result", result);
        double[] x = useTime ? result.timeHistory() : result.stepAxis();
        double[] loss = result.relativeLossHistory();
        int n = 0;
        while (n < loss.length && n < x.length && Double.isFinite(loss[n]) && Double.isFinite(x[n])) {
            n++;
        }
        return n == loss.length ? detect(x, loss) : detect(Arrays.copyOf(x, n), Arrays.copyOf(loss, n));
    }

    /**
     * Plateaus of the curve (x_j, L_j).
     *
     * @param x            finite, non-negative, non-decreasing abscissae (steps or times)
     * @param relativeLoss finite relative losses ≥ 0, same length
     * @throws IllegalArgumentException for decreasing or non-finite x, or negative or non-finite losses
     */
    public List<Plateau> detect(double[] x, double[] relativeLoss) {
        Validate.increasing("plateau abscissae x", "x", x, false);
        Validate.length("relative loss", relativeLoss, x.length);
        Validate.finiteArray("relative loss", relativeLoss, 0);
        for (int j = 0; j < relativeLoss.length; j++) {
            Validate.nonNegative("relative loss[" + j + "]", relativeLoss[j]);
        }
        List<double[]> spans = new ArrayList<>();
        int back = 0;
        double runStart = Double.NaN;
        double runEnd = Double.NaN;
        for (int j = 0; j < x.length; j++) {
            boolean flat = false;
            if (x[j] - x[0] >= window) {
                while (back + 1 < j && x[back + 1] <= x[j] - window) {
                    back++;
                }
                double l0 = relativeLoss[back];
                double l1 = relativeLoss[j];
                flat = l1 > target && l0 > 0 && (l0 - l1) / l0 < threshold;
            }
            if (flat) {
                if (Double.isNaN(runStart)) {
                    runStart = x[back];
                }
                runEnd = x[j];
            } else if (!Double.isNaN(runStart)) {
                spans.add(new double[] {runStart, runEnd});
                runStart = Double.NaN;
            }
        }
        if (!Double.isNaN(runStart)) {
            spans.add(new double[] {runStart, runEnd});
        }
        List<double[]> merged = new ArrayList<>();
        for (double[] s : spans) {
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
                double[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s.clone());
            }
        }
        List<Plateau> out = new ArrayList<>();
        for (double[] s : merged) {
            if (s[1] - s[0] < minLength) {
                continue;
            }
            double logSum = 0;
            int count = 0;
            for (int j = 0; j < x.length; j++) {
                if (x[j] >= s[0] && x[j] <= s[1] && relativeLoss[j] > 0) {
                    logSum += Math.log(relativeLoss[j]);
                    count++;
                }
            }
            out.add(new Plateau(s[0], s[1], Math.exp(logSum / count)));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "PlateauDetector[window=" + window + ", threshold=" + threshold + ", minLength=" + minLength
                + ", target=" + target + ", axis=" + (useTime ? "time" : "step") + "]";
    }
}
