package org.curseofmemory.optim;

import java.util.function.Consumer;
import org.curseofmemory.util.Validate;

/**
 * Progress lines for notebooks: every {@code period} steps (and at step 0) sends a line such as
 * {@code "step 1200  τ=60.00  loss=1.2340e-03  rel=5.0000e-02  |∇J|=2.000e-04"} to the sink, and
 * one summary line when the run ends. The library never prints; the notebook chooses the sink
 * (e.g. {@code System.out::println} or a display update). Never requests a stop.
 */
public final class ProgressListener implements TrainingListener {
    private final Consumer<String> sink;
    private final int period;

    /**
     * @param sink   receives the lines, not null
     * @param period emit every {@code period} steps, ≥ 1
     */
    public ProgressListener(Consumer<String> sink, int period) {
        this.sink = Validate.notNull("progress sink", sink);
        this.period = Validate.atLeast("progress period", period, 1);
    }

    @Override
    public boolean onStep(TrainingStep step) {
        if (step.step() % period == 0) {
            sink.accept(step.toString());
        }
        return false;
    }

    @Override
    public void onFinish(TrainingResult result) {
        sink.accept(result.stopReason() + " after " + result.steps() + " steps: " + result.message());
    }
}
