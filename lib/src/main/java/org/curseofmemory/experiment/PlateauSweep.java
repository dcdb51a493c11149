package org.curseofmemory.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.DoubleFunction;
import org.curseofmemory.optim.OptimizationProblem;
import org.curseofmemory.optim.Progress;
import org.curseofmemory.optim.Trainer;
import org.curseofmemory.optim.TrainingResult;
import org.curseofmemory.util.DoubleArrays;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The plateau experiment (docs/theory.md §4.2, §4.4; the optimisation analysis of Li, Han, E &amp; Li
 * 2021, stated qualitatively) as a reusable sweep: for each memory parameter value p
 * (e.g. the Airy shift t₀) and each seed, train {@code problems.apply(p).withSeed(seed)} until the
 * relative loss reaches {@code level} (default 0.1) and record the number of steps (and flow time)
 * needed. Runs on a fixed pool ({@link Sweep}, default 2 threads) with deterministic result order;
 * the same seeds give identical results. The curse of memory in optimisation [summary] predicts
 * that the median steps grow exponentially in the memory, i.e. ln(median steps) is roughly linear
 * in t₀ ({@link Result#logMedianStepsFit()}; the kit's NumPy calibration: slope of ln(median of 5 seeds) about 0.65–0.87 over t₀ = 1..6 depending on the seeds,
 * R² ≈ 0.9; quote a slope with its t₀ range and seed spread, docs/theory.md §4.4 [kit]).
 *
 * <p>The trainer must not carry stateful listeners (they would be shared between threads). Runs
 * that never reach the level are censored at their last step and flagged {@code reached=false};
 * medians then are lower bounds. Immutable.
 */
public final class PlateauSweep {
    private final Trainer trainer;
    private final DoubleFunction<? extends OptimizationProblem> problems;
    private final double[] values;
    private final long[] seeds;
    private final double level;
    private final int threads;
    private final String parameterName;
    private final Progress progress;

    private PlateauSweep(Trainer trainer, DoubleFunction<? extends OptimizationProblem> problems, double[] values, long[] seeds,
                         double level, int threads, String parameterName, Progress progress) {
        this.trainer = trainer;
        this.problems = problems;
        this.values = values;
        this.seeds = seeds;
        this.level = level;
        this.threads = threads;
        this.parameterName = parameterName;
        this.progress = progress;
    }

    /**
     * A sweep of {@code trainer} over problems built by {@code problems} (parameter value ↦ problem);
     * defaults: values 1..6, seeds 0..4, level 0.1, 2 threads, parameter name "t0".
     */
    public static PlateauSweep of(Trainer trainer, DoubleFunction<? extends OptimizationProblem> problems) {
        Validate.notNull("trainer", trainer);
        Validate.notNull("problem factory", problems);
        return new PlateauSweep(trainer, problems, new double[] {1, 2, 3, 4, 5, 6}, new long[] {0, 1, 2, 3, 4},
                0.1, Sweep.DEFAULT_THREADS, "t0", null);
    }

    /** A copy sweeping these finite parameter values (at least one). */
    public PlateauSweep withValues(double... parameterValues) {
        Validate.finiteArray("sweep values", parameterValues, 1);
        return new PlateauSweep(trainer, problems, parameterValues.clone(), seeds, level, threads, parameterName, progress);
    }

    /** A copy with these seeds (at least one). */
    public PlateauSweep withSeeds(long... seedValues) {
        Validate.notEmpty("sweep seeds", seedValues);
        return new PlateauSweep(trainer, problems, values, seedValues.clone(), level, threads, parameterName, progress);
    }

    /** A copy measuring steps to relative loss ≤ level, level in (0, 1). */
    public PlateauSweep withRelativeLossLevel(double relativeLossLevel) {
        Validate.positive("relative loss level", relativeLossLevel);
        Validate.below("relative loss level", relativeLossLevel, 1);
        return new PlateauSweep(trainer, problems, values, seeds, relativeLossLevel, threads, parameterName, progress);
    }

    /** A copy using a pool of threads, in [1, {@link Sweep#MAX_THREADS}]. */
    public PlateauSweep withThreads(int threadCount) {
        Validate.capped("sweep threads", threadCount, 1, Sweep.MAX_THREADS);
        return new PlateauSweep(trainer, problems, values, seeds, level, threadCount, parameterName, progress);
    }

    /** A copy naming the swept parameter (table column name). */
    public PlateauSweep withParameterName(String name) {
        Validate.notNull("parameter name", name);
        return new PlateauSweep(trainer, problems, values, seeds, level, threads, name, progress);
    }

    /**
     * A copy that reports each finished run to {@code progress} (thread-safe), as
     * "label: run 7 of 30 done (last: t0 = 3, seed 1, 412 steps), about 12 s left". The estimate
     * scales the time so far by the runs still to go; runs finishing on several threads are counted
     * and reported one at a time, so the count never goes backwards.
     */
    public PlateauSweep withProgress(Progress sink) {
        Validate.notNull("progress", sink);
        return new PlateauSweep(trainer, problems, values, seeds, level, threads, parameterName, sink);
    }

    /** Runs the sweep. */
    public Result run() {
        Trainer t = trainer.withStoppingCriteria(trainer.stoppingCriteria().withTargetRelativeLoss(level));
        List<Double> vs = new ArrayList<>();
        for (double v : values) {
            vs.add(v);
        }
        int total = values.length * seeds.length;
        int[] done = {0};
        long start = System.nanoTime();
        List<TrainingResult> results = Sweep.run(vs, seeds, (v, s) -> {
            OptimizationProblem problem = problems.apply(v);
            if (problem == null) {
                throw new KitArgumentException("problem factory returned null for " + parameterName + "=" + v
                        + "; it must return a problem for every swept value");
            }
            TrainingResult r = t.train(problem.withSeed(s));
            if (progress != null) {
                synchronized (done) {
                    done[0]++;
                    double elapsed = (System.nanoTime() - start) * 1e-9;
                    progress.report(String.format(java.util.Locale.ROOT,
                            "run %d of %d done (last: %s = %s, seed %d, %d steps)%s", done[0], total, parameterName,
                            Progress.number(v), s, r.steps(), timeLeft(elapsed, done[0], total)));
                }
            }
            return r;
        }, threads);
        return new Result(values.clone(), seeds.clone(), level, parameterName, results);
    }

    /** ", about 12 s left" from the time so far and the runs done; empty once every run is done. */
    static String timeLeft(double elapsedSeconds, int done, int total) {
        if (done >= total) {
            return "";
        }
        double left = elapsedSeconds * (total - done) / done;
        return left < 60 ? String.format(java.util.Locale.ROOT, ", about %.0f s left", Math.ceil(left))
                : String.format(java.util.Locale.ROOT, ", about %.0f min left", Math.ceil(left / 60));
    }

    /** Immutable outcome of a {@link PlateauSweep}. */
    public static final class Result {
        private final double[] values;
        private final long[] seeds;
        private final double level;
        private final String parameterName;
        private final List<TrainingResult> results;
        private final int[] steps;
        private final double[] times;
        private final boolean[] reached;

        Result(double[] values, long[] seeds, double level, String parameterName, List<TrainingResult> results) {
            this.values = values;
            this.seeds = seeds;
            this.level = level;
            this.parameterName = parameterName;
            this.results = List.copyOf(results);
            int n = results.size();
            steps = new int[n];
            times = new double[n];
            reached = new boolean[n];
            for (int i = 0; i < n; i++) {
                TrainingResult r = results.get(i);
                OptionalInt k = r.firstStepAtOrBelowRelativeLoss(level);
                reached[i] = k.isPresent();
                if (k.isPresent()) {
                    steps[i] = k.getAsInt();
                    times[i] = r.firstTimeAtOrBelowRelativeLoss(level).orElseThrow();
                } else {
                    steps[i] = r.steps();
                    double[] th = r.timeHistory();
                    times[i] = th.length == 0 ? 0 : th[th.length - 1];
                }
            }
        }

        /** The swept parameter values. */
        public double[] values() {
            return values.clone();
        }

        /** The seeds. */
        public long[] seeds() {
            return seeds.clone();
        }

        /** The relative-loss level whose first passage is measured. */
        public double level() {
            return level;
        }

        /** All runs, value-major, seed-minor. */
        public List<TrainingResult> results() {
            return results;
        }

        /** The run for value index i and seed index j. */
        public TrainingResult result(int valueIndex, int seedIndex) {
            return results.get(index(valueIndex, seedIndex));
        }

        /** Steps to the level (censored at the last step if not reached). */
        public int steps(int valueIndex, int seedIndex) {
            return steps[index(valueIndex, seedIndex)];
        }

        /** Whether the run reached the level. */
        public boolean reached(int valueIndex, int seedIndex) {
            return reached[index(valueIndex, seedIndex)];
        }

        /** The parameter value of every run, value-major and seed-minor (x of a scatter of all runs). */
        public double[] runValues() {
            double[] out = new double[steps.length];
            for (int q = 0; q < out.length; q++) {
                out[q] = values[q / seeds.length];
            }
            return out;
        }

        /** The steps to the level of every run, in the order of {@link #runValues()}. */
        public double[] runSteps() {
            return DoubleArrays.of(steps);
        }

        /** Whether every run reached the level. */
        public boolean allReached() {
            for (boolean b : reached) {
                if (!b) {
                    return false;
                }
            }
            return true;
        }

        /** Median over seeds of the steps to the level, per value. */
        public double[] medianSteps() {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                double[] s = new double[seeds.length];
                for (int j = 0; j < seeds.length; j++) {
                    s[j] = steps[index(i, j)];
                }
                out[i] = median(s);
            }
            return out;
        }

        /** Median over seeds of the time τ to the level, per value. */
        public double[] medianTimes() {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                double[] s = new double[seeds.length];
                for (int j = 0; j < seeds.length; j++) {
                    s[j] = times[index(i, j)];
                }
                out[i] = median(s);
            }
            return out;
        }

        /** Least-squares line of ln(max(1, median steps)) against the parameter value. */
        public LineFit logMedianStepsFit() {
            double[] m = medianSteps();
            double[] y = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                y[i] = Math.log(Math.max(1.0, m[i]));
            }
            return LineFit.leastSquares(values, y);
        }

        /**
         * One row per run: parameter value, "seed", "steps", "time", "reached", "stop reason",
         * "final relative loss", "gradient evaluations".
         */
        public Table table() {
            DoubleColumn v = DoubleColumn.create(parameterName);
            LongColumn sd = LongColumn.create("seed");
            IntColumn st = IntColumn.create("steps");
            DoubleColumn tm = DoubleColumn.create("time");
            BooleanColumn re = BooleanColumn.create("reached");
            StringColumn why = StringColumn.create("stop reason");
            DoubleColumn fl = DoubleColumn.create("final relative loss");
            LongColumn ge = LongColumn.create("gradient evaluations");
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < seeds.length; j++) {
                    int q = index(i, j);
                    TrainingResult r = results.get(q);
                    v.append(values[i]);
                    sd.append(seeds[j]);
                    st.append(steps[q]);
                    tm.append(times[q]);
                    re.append(reached[q]);
                    why.append(r.stopReason().name());
                    fl.append(r.historySize() == 0 ? Double.NaN : r.finalRelativeLoss());
                    ge.append(r.gradientEvaluations());
                }
            }
            return Table.create("plateau sweep", v, sd, st, tm, re, why, fl, ge);
        }

        /** One row per value: parameter value, "median steps", "median time", "reached" (count). */
        public Table summary() {
            double[] ms = medianSteps();
            double[] mt = medianTimes();
            int[] count = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < seeds.length; j++) {
                    count[i] += reached[index(i, j)] ? 1 : 0;
                }
            }
            return Table.create("plateau sweep summary", DoubleColumn.create(parameterName, values.clone()),
                    DoubleColumn.create("median steps", ms), DoubleColumn.create("median time", mt),
                    IntColumn.create("reached", count));
        }

        private int index(int valueIndex, int seedIndex) {
            Validate.inRange("value index", valueIndex, 0, values.length - 1);
            Validate.inRange("seed index", seedIndex, 0, seeds.length - 1);
            return valueIndex * seeds.length + seedIndex;
        }

        private static double median(double[] a) {
            double[] s = a.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
    }
}
