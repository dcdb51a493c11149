package org.curseofmemory.rnn;

import org.curseofmemory.util.Validate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The immutable result of a simulation of dh/dt = W h + U x, ŷ = cᵀh ({@link RnnSimulator}), or of a
 * functional evaluated on a uniform grid ({@link LinearFunctional#outputs}): times t_k = kΔt, outputs
 * ŷ(t_k), and optionally the inputs x(t_k) and states h(t_k) (docs/theory.md §2).
 *
 * <p>{@link #status()} says how the run ended: {@link Status#COMPLETED}, or {@link Status#DIVERGED} when
 * a state became non-finite (an unstable W or an RK4 step too large for W); a diverged trajectory holds
 * the points up to the last finite state. All arrays handed out are copies.
 */
public final class Trajectory {

    /** How a run ended. */
    public enum Status {
        /** All requested steps were taken. */
        COMPLETED,
        /** The state became non-finite; the trajectory stops at the last finite point. */
        DIVERGED
    }

    private final double[] times;
    private final double[] outputs;
    private final double[][] inputs; // may be null
    private final double[][] states; // may be null
    private final double stepSize;
    private final String method;
    private final Status status;
    private final double plannedEnd;

    Trajectory(double[] times, double[] outputs, double[][] inputs, double[][] states, double stepSize,
               String method, Status status, double plannedEnd) {
        this.times = times;
        this.outputs = outputs;
        this.inputs = inputs;
        this.states = states;
        this.stepSize = stepSize;
        this.method = method;
        this.status = status;
        this.plannedEnd = plannedEnd;
    }

    /** Number of recorded points (N + 1 for N completed steps). */
    public int size() {
        return times.length;
    }

    /** Times t_k = kΔt (a copy). */
    public double[] times() {
        return times.clone();
    }

    /** Outputs ŷ(t_k) (a copy). */
    public double[] outputs() {
        return outputs.clone();
    }

    /** t_k for an index k in [0, size()). */
    public double time(int k) {
        return times[index(k)];
    }

    /** ŷ(t_k) for an index k in [0, size()). */
    public double output(int k) {
        return outputs[index(k)];
    }

    /** Last recorded output. */
    public double finalOutput() {
        return outputs[outputs.length - 1];
    }

    /** True when the inputs x(t_k) were recorded. */
    public boolean hasInputs() {
        return inputs != null;
    }

    /** Inputs x(t_k) as rows [k][i] (a copy). @throws IllegalStateException if not recorded */
    public double[][] inputs() {
        if (inputs == null) {
            throw new IllegalStateException("inputs were not recorded; use RnnSimulator.withRecordInputs(true)");
        }
        return deepCopy(inputs);
    }

    /** True when the states h(t_k) were recorded. */
    public boolean hasStates() {
        return states != null;
    }

    /** States h(t_k) as rows [k][i] (a copy). @throws IllegalStateException if not recorded */
    public double[][] states() {
        if (states == null) {
            throw new IllegalStateException("states were not recorded; use RnnSimulator.withRecordStates(true)");
        }
        return deepCopy(states);
    }

    /** h(t_k) (a copy). @throws IllegalStateException if states were not recorded */
    public double[] state(int k) {
        if (states == null) {
            throw new IllegalStateException("states were not recorded; use RnnSimulator.withRecordStates(true)");
        }
        return states[index(k)].clone();
    }

    /** The time step Δt. */
    public double stepSize() {
        return stepSize;
    }

    /** How the points were computed, e.g. "zero-order hold" or "RK4". */
    public String method() {
        return method;
    }

    /** How the run ended. */
    public Status status() {
        return status;
    }

    /** True when {@link #status()} is {@link Status#DIVERGED}. */
    public boolean diverged() {
        return status == Status.DIVERGED;
    }

    /** The end time T that was requested (the last recorded time is smaller if the run diverged). */
    public double plannedEnd() {
        return plannedEnd;
    }

    /** A Tablesaw table with columns t and y. */
    public Table toTable() {
        return Table.create("trajectory (" + method + ")",
                DoubleColumn.create("t", times), DoubleColumn.create("y", outputs));
    }

    /**
     * A Tablesaw table with columns t, y, then x (or x1..xd) if inputs were recorded and h1..hm if
     * states were recorded.
     */
    public Table toTableWithDetails() {
        Table table = toTable();
        if (inputs != null) {
            int d = inputs.length == 0 ? 0 : inputs[0].length;
            for (int i = 0; i < d; i++) {
                table.addColumns(DoubleColumn.create(d == 1 ? "x" : "x" + (i + 1), column(inputs, i)));
            }
        }
        if (states != null) {
            int m = states.length == 0 ? 0 : states[0].length;
            for (int i = 0; i < m; i++) {
                table.addColumns(DoubleColumn.create("h" + (i + 1), column(states, i)));
            }
        }
        return table;
    }

    private int index(int k) {
        return Validate.inRange("time index k", k, 0, times.length - 1);
    }

    private static double[] column(double[][] rows, int i) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = rows[k][i];
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public String toString() {
        return "Trajectory[" + method + ", " + times.length + " points on [0, " + times[times.length - 1] + "], dt="
                + stepSize + ", " + status + (status == Status.DIVERGED ? " (planned end " + plannedEnd + ")" : "") + "]";
    }
}
