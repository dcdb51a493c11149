package org.curseofmemory.optim;

import java.util.Locale;
import java.util.function.Consumer;
import org.curseofmemory.util.Validate;

/**
 * A thread-safe progress line for notebooks: every line goes to one sink (e.g. a notebook's
 * {@code line -> updateDisplay(id, line)}), one call at a time, prefixed by a label. Several
 * trainers of a parallel sweep may report to the same progress. The library never prints; the
 * notebook chooses the sink.
 *
 * <pre>{@code
 * Progress progress = Progress.to(line -> updateDisplay(bar, line)).labelled("plain GD sweep");
 * GradientDescent gd = GradientDescent.of(0.05).withListener(progress.every(100));
 * }</pre>
 */
public final class Progress {
    private final Consumer<String> sink;
    private final Object lock;
    private final String prefix;

    private Progress(Consumer<String> sink, Object lock, String prefix) {
        this.sink = sink;
        this.lock = lock;
        this.prefix = prefix;
    }

    /** Progress sent to {@code sink}, not null; calls to the sink never overlap. */
    public static Progress to(Consumer<String> sink) {
        Validate.notNull("progress sink", sink);
        return new Progress(sink, new Object(), "");
    }

    /** The same sink (and lock) with lines prefixed by "label: ". */
    public Progress labelled(String label) {
        Validate.notNull("progress label", label);
        return new Progress(sink, lock, label + ": ");
    }

    /** Sends one line (with the label) to the sink. */
    public void report(String line) {
        synchronized (lock) {
            sink.accept(prefix + line);
        }
    }

    /**
     * A listener reporting every {@code period} steps and the end of a run (see
     * {@link ProgressListener}); it keeps no state, so one listener may serve parallel runs.
     */
    public TrainingListener every(int period) {
        return new ProgressListener(this::report, period);
    }

    /** A parameter value for a progress line: "3" for whole numbers, else 4 significant digits. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
