package org.curseofmemory.optim;

import org.curseofmemory.util.Validate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A {@link TrainingListener} that records every {@code every}-th step (and the last one) into a
 * Tablesaw table with columns "step", "time", "loss", "relative loss" (J/J_ref, docs/theory.md §4).
 * Reset at the start of each run. Never requests a stop. Not thread-safe: one recorder per run.
 */
public final class LossRecorder implements TrainingListener {
    private final String name;
    private final int every;
    private Table table;
    private IntColumn step;
    private DoubleColumn time;
    private DoubleColumn loss;
    private DoubleColumn relative;
    private int lastRecorded;
    private TrainingStepCopy pending;

    /** Records every step into a table named "loss". */
    public LossRecorder() {
        this("loss", 1);
    }

    /**
     * @param name  table name (e.g. a legend label)
     * @param every record every {@code every}-th step, ≥ 1 (the last step is always recorded)
     */
    public LossRecorder(String name, int every) {
        this.name = Validate.notNull("table name", name);
        this.every = Validate.atLeast("recording period every", every, 1);
        reset();
    }

    private void reset() {
        step = IntColumn.create("step");
        time = DoubleColumn.create("time");
        loss = DoubleColumn.create("loss");
        relative = DoubleColumn.create("relative loss");
        table = Table.create(name, step, time, loss, relative);
        lastRecorded = -1;
        pending = null;
    }

    @Override
    public void onStart() {
        reset();
    }

    @Override
    public boolean onStep(TrainingStep s) {
        Validate.notNull("training step", s);
        if (s.step() % every == 0) {
            add(s.step(), s.time(), s.loss(), s.relativeLoss());
            pending = null;
        } else {
            pending = new TrainingStepCopy(s.step(), s.time(), s.loss(), s.relativeLoss());
        }
        return false;
    }

    @Override
    public void onFinish(TrainingResult result) {
        if (pending != null && pending.step > lastRecorded) {
            add(pending.step, pending.time, pending.loss, pending.relative);
        }
        pending = null;
    }

    private void add(int k, double t, double l, double r) {
        step.append(k);
        time.append(t);
        loss.append(l);
        relative.append(r);
        lastRecorded = k;
    }

    /** A copy of the table recorded so far. */
    public Table table() {
        return table.copy();
    }

    /** Number of rows recorded so far. */
    public int size() {
        return table.rowCount();
    }

    private record TrainingStepCopy(int step, double time, double loss, double relative) {
    }
}
