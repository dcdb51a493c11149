package org.curseofmemory.rnn;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.linalg.Matrices;
import org.curseofmemory.linalg.MatrixExponential;
import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;

/**
 * Time stepping of a linear RNN dh/dt = W h + U x, ŷ = cᵀh on [0, T] from h(0) = 0, the input being zero
 * before 0 (docs/theory.md §2). Immutable; configure with {@code withX(...)}. Two steppers with fixed step Δt,
 * t_k = kΔt, k = 0..N, N = round(T/Δt):
 * <ul>
 *   <li>{@link Method#ZERO_ORDER_HOLD}: the exact solution when x is held at x_k = x(t_k) over
 *   [t_k, t_{k+1}): h_{k+1} = e^{WΔt} h_k + W⁻¹(e^{WΔt} − I) U x_k. Both matrices come from one
 *   exponential of the augmented matrix [[W, U], [0, 0]]Δt, so W need not be invertible. Exact (to
 *   rounding) for inputs that are constant on each step, e.g. a step or white noise with the same Δt;
 *   first order in Δt for smooth inputs.</li>
 *   <li>{@link Method#RK4}: classical fourth-order Runge–Kutta, sampling x at t_k, t_k + Δt/2, t_{k+1};
 *   error O(Δt⁴) for smooth inputs, stable only while Δt·|λ| is below about 2.8 for the eigenvalues λ
 *   of W. For inputs that jump on the grid (white noise, pulses) the stage at t_{k+1} already sees the
 *   next value, which costs accuracy (O(Δt)); {@link #withInputHold(boolean) withInputHold(true)} makes RK4
 *   hold x_k over the step like the zero-order hold, so both integrate the same piecewise-constant
 *   input and agree to O(Δt⁴).</li>
 * </ul>
 * Steps are capped at {@link #MAX_STEPS}. A non-finite state ends the run with
 * {@link Trajectory.Status#DIVERGED}.
 */
public final class RnnSimulator {

    /** The steppers. */
    public enum Method {
        /** Exact zero-order-hold discretisation. */
        ZERO_ORDER_HOLD("zero-order hold"),
        /** Classical fourth-order Runge–Kutta. */
        RK4("RK4");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Largest number of steps N = T/Δt a simulation may take. */
    public static final int MAX_STEPS = 10_000_000;

    private final Method method;
    private final double dt;
    private final boolean recordStates;
    private final boolean recordInputs;
    private final boolean inputHold;

    private RnnSimulator(Method method, double dt, boolean recordStates, boolean recordInputs, boolean inputHold) {
        this.method = method;
        this.dt = dt;
        this.recordStates = recordStates;
        this.recordInputs = recordInputs;
        this.inputHold = inputHold;
    }

    /** Exact zero-order-hold stepper with step Δt &gt; 0. */
    public static RnnSimulator zeroOrderHold(double dt) {
        return new RnnSimulator(Method.ZERO_ORDER_HOLD, Validate.positive("time step dt", dt), false, false, true);
    }

    /** Classical RK4 stepper with step Δt &gt; 0. */
    public static RnnSimulator rk4(double dt) {
        return new RnnSimulator(Method.RK4, Validate.positive("time step dt", dt), false, false, false);
    }

    /** A copy with another step Δt &gt; 0. */
    public RnnSimulator withStep(double dt) {
        return new RnnSimulator(method, Validate.positive("time step dt", dt), recordStates, recordInputs, inputHold);
    }

    /**
     * A copy with another stepper. The zero-order hold always holds x_k over a step; RK4 samples x at its
     * stages unless {@link #withInputHold(boolean)} is set.
     */
    public RnnSimulator withMethod(Method method) {
        Validate.notNull("simulation method", method);
        return new RnnSimulator(method, dt, recordStates, recordInputs, method == Method.ZERO_ORDER_HOLD || inputHold);
    }

    /**
     * A copy in which RK4 holds the input at x_k = x(t_k) over each step (true) or samples x at its stages
     * t_k, t_k + Δt/2, t_{k+1} (false, the default for RK4). The zero-order hold always holds, so
     * {@code false} is refused for it.
     */
    public RnnSimulator withInputHold(boolean hold) {
        if (!hold && method == Method.ZERO_ORDER_HOLD) {
            throw new KitArgumentException("input hold=false is only available for RK4: the zero-order-hold"
                    + " stepper holds x_k over each step by definition");
        }
        return new RnnSimulator(method, dt, recordStates, recordInputs, hold);
    }

    /** True when the input is held at x_k over each step. */
    public boolean inputHold() {
        return inputHold;
    }

    /** A copy that records (or not) the hidden states h(t_k) (memory N·m doubles). */
    public RnnSimulator withRecordStates(boolean record) {
        return new RnnSimulator(method, dt, record, recordInputs, inputHold);
    }

    /** A copy that records (or not) the inputs x(t_k) (memory N·d doubles). */
    public RnnSimulator withRecordInputs(boolean record) {
        return new RnnSimulator(method, dt, recordStates, record, inputHold);
    }

    /** The stepper. */
    public Method method() {
        return method;
    }

    /** The time step Δt. */
    public double step() {
        return dt;
    }

    /**
     * Simulates the RNN driven by x on [0, T].
     *
     * @param rnn  the RNN (Hurwitz or {@link LinearRnn#unchecked unchecked})
     * @param x    input signal of dimension d = rnn.inputDimension(); only x(t), t ≥ 0, is used
     * @param tEnd end time T &gt; 0, at least Δt, with T/Δt ≤ {@link #MAX_STEPS}
     */
    public Trajectory simulate(LinearRnn rnn, InputSignal x, double tEnd) {
        Validate.notNull("rnn", rnn);
        Validate.notNull("input signal x", x);
        Validate.positive("end time T", tEnd);
        if (x.dimension() != rnn.inputDimension()) {
            throw new KitArgumentException("input signal x (" + x.name() + ") has dimension " + x.dimension()
                    + " but the RNN has input dimension d=" + rnn.inputDimension());
        }
        Validate.atMost("time step dt", dt, "end time T", tEnd);
        double ratio = tEnd / dt;
        if (ratio > MAX_STEPS + 0.5) {
            throw new KitArgumentException("T/dt=" + ratio + " steps (T=" + tEnd + ", dt=" + dt
                    + ") exceeds the cap of " + MAX_STEPS + " steps; increase dt or shorten T");
        }
        int steps = (int) Math.round(ratio);
        return method == Method.ZERO_ORDER_HOLD ? zoh(rnn, x, steps, tEnd) : rk4(rnn, x, steps, tEnd);
    }

    private Trajectory zoh(LinearRnn rnn, InputSignal x, int steps, double tEnd) {
        int m = rnn.width();
        int d = rnn.inputDimension();
        DMatrixRMaj aug = new DMatrixRMaj(m + d, m + d);
        DMatrixRMaj w = rnn.w();
        DMatrixRMaj u = rnn.u();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                aug.unsafe_set(i, j, w.unsafe_get(i, j) * dt);
            }
            for (int j = 0; j < d; j++) {
                aug.unsafe_set(i, m + j, u.unsafe_get(i, j) * dt);
            }
        }
        DMatrixRMaj e = MatrixExponential.exp(aug);
        double[] phi = new double[m * m];
        double[] gamma = new double[m * d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                phi[i * m + j] = e.unsafe_get(i, j);
            }
            for (int j = 0; j < d; j++) {
                gamma[i * d + j] = e.unsafe_get(i, m + j);
            }
        }
        return run(rnn, x, steps, tEnd, (t, h, xk, out, scratch) -> {
            for (int i = 0; i < m; i++) {
                double s = 0;
                int base = i * m;
                for (int j = 0; j < m; j++) {
                    s += phi[base + j] * h[j];
                }
                int gb = i * d;
                for (int j = 0; j < d; j++) {
                    s += gamma[gb + j] * xk[j];
                }
                out[i] = s;
            }
        });
    }

    private Trajectory rk4(LinearRnn rnn, InputSignal x, int steps, double tEnd) {
        int m = rnn.width();
        int d = rnn.inputDimension();
        double[] w = rnn.w().data.clone();
        double[] u = rnn.u().data.clone();
        double[] xMid = new double[d];
        double[] xEnd = new double[d];
        double[] k1 = new double[m];
        double[] k2 = new double[m];
        double[] k3 = new double[m];
        double[] k4 = new double[m];
        double[] tmp = new double[m];
        boolean hold = inputHold;
        return run(rnn, x, steps, tEnd, (t, h, xk, out, scratch) -> {
            if (hold) {
                System.arraycopy(xk, 0, xMid, 0, d);
                System.arraycopy(xk, 0, xEnd, 0, d);
            } else {
                x.valueInto(t + dt / 2, xMid);
                x.valueInto(t + dt, xEnd);
            }
            field(w, u, m, d, h, xk, k1);
            for (int i = 0; i < m; i++) {
                tmp[i] = h[i] + dt / 2 * k1[i];
            }
            field(w, u, m, d, tmp, xMid, k2);
            for (int i = 0; i < m; i++) {
                tmp[i] = h[i] + dt / 2 * k2[i];
            }
            field(w, u, m, d, tmp, xMid, k3);
            for (int i = 0; i < m; i++) {
                tmp[i] = h[i] + dt * k3[i];
            }
            field(w, u, m, d, tmp, xEnd, k4);
            for (int i = 0; i < m; i++) {
                out[i] = h[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        });
    }

    /** f(h, x) = W h + U x. */
    private static void field(double[] w, double[] u, int m, int d, double[] h, double[] x, double[] out) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            int base = i * m;
            for (int j = 0; j < m; j++) {
                s += w[base + j] * h[j];
            }
            int ub = i * d;
            for (int j = 0; j < d; j++) {
                s += u[ub + j] * x[j];
            }
            out[i] = s;
        }
    }

    private interface Stepper {
        /** Writes h_{k+1} into out given t_k, h_k and x_k = x(t_k). */
        void step(double t, double[] h, double[] xk, double[] out, double[] scratch);
    }

    private Trajectory run(LinearRnn rnn, InputSignal x, int steps, double tEnd, Stepper stepper) {
        int m = rnn.width();
        int d = rnn.inputDimension();
        double[] c = rnn.c();
        double[] times = new double[steps + 1];
        double[] outputs = new double[steps + 1];
        double[][] inputs = recordInputs ? new double[steps + 1][] : null;
        double[][] states = recordStates ? new double[steps + 1][] : null;
        double[] h = new double[m];
        double[] next = new double[m];
        double[] xk = new double[d];
        int last = steps;
        Trajectory.Status status = Trajectory.Status.COMPLETED;
        for (int k = 0; ; k++) {
            double t = k * dt;
            x.valueInto(t, xk);
            times[k] = t;
            double y = 0;
            for (int i = 0; i < m; i++) {
                y += c[i] * h[i];
            }
            outputs[k] = y;
            if (inputs != null) {
                inputs[k] = xk.clone();
            }
            if (states != null) {
                states[k] = h.clone();
            }
            if (k == steps) {
                break;
            }
            stepper.step(t, h, xk, next, null);
            boolean finite = true;
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(next[i])) {
                    finite = false;
                    break;
                }
            }
            if (!finite || !Double.isFinite(Matrices.dot(c, next))) {
                status = Trajectory.Status.DIVERGED;
                last = k;
                break;
            }
            double[] swap = h;
            h = next;
            next = swap;
        }
        if (last < steps) {
            times = java.util.Arrays.copyOf(times, last + 1);
            outputs = java.util.Arrays.copyOf(outputs, last + 1);
            if (inputs != null) {
                inputs = java.util.Arrays.copyOf(inputs, last + 1);
            }
            if (states != null) {
                states = java.util.Arrays.copyOf(states, last + 1);
            }
        }
        String label = method == Method.RK4 && inputHold ? "RK4 (input held over each step)" : method.toString();
        return new Trajectory(times, outputs, inputs, states, dt, label, status, tEnd);
    }


    @Override
    public String toString() {
        return "RnnSimulator[" + method + ", dt=" + dt + (recordStates ? ", states" : "")
                + (recordInputs ? ", inputs" : "") + (method == Method.RK4 && inputHold ? ", input hold" : "") + "]";
    }
}
