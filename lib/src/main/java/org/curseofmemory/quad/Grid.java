package org.curseofmemory.quad;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * A quadrature grid on [0, T]: nodes t_i and weights w_i with ∫₀^T f dt ≈ Σ w_i f(t_i).
 * Trainers minimise the kernel loss J = ½ Σ w_i (ρ(t_i) − ρ̂(t_i))² on such a grid (docs/theory.md §4).
 * Immutable; the arrays handed out are copies.
 */
public final class Grid {
    /** Nodes within this fraction of the step of t_0 + i·h count as uniform. */
    private static final double UNIFORM_TOLERANCE = 1e-9;

    /** Largest number of nodes a grid may have (like the simulator's step cap, 10⁷). */
    public static final int MAX_NODES = 10_000_000;

    private final double[] t;
    private final double[] w;
    private final double step;

    private Grid(double[] t, double[] w) {
        this.t = t;
        this.w = w;
        this.step = uniformStepOf(t);
    }

    private static double uniformStepOf(double[] t) {
        int n = t.length - 1;
        double h = n < 1 ? Double.NaN : (t[n] - t[0]) / n;
        if (!(h > 0)) {
            return Double.NaN;
        }
        for (int i = 1; i < n; i++) {
            if (Math.abs(t[i] - (t[0] + i * h)) > UNIFORM_TOLERANCE * h) {
                return Double.NaN;
            }
        }
        return h;
    }

    /**
     * Uniform grid 0, Δt, 2Δt, …, T with trapezoidal weights (Δt/2 at both ends).
     *
     * @param tMax end of the interval T &gt; 0
     * @param dt   step Δt in (0, T], with T/Δt + 1 ≤ {@link #MAX_NODES}
     */
    public static Grid uniform(double tMax, double dt) {
        Validate.positive("grid end tMax", tMax);
        Validate.positive("grid step dt", dt);
        Validate.atMost("grid step dt", dt, "tMax", tMax);
        double steps = Math.rint(tMax / dt);
        if (!(steps + 1 <= MAX_NODES)) {
            throw new KitArgumentException("grid tMax/dt=" + tMax / dt + " (tMax=" + tMax + ", dt=" + dt
                    + ") gives more than MAX_NODES=" + MAX_NODES + " nodes; use a larger step dt or a shorter tMax");
        }
        int n = (int) steps;
        double[] t = new double[n + 1];
        double[] w = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = i * dt;
            w[i] = dt;
        }
        w[0] = dt / 2;
        w[n] = dt / 2;
        return new Grid(t, w);
    }

    /**
     * A grid from explicit nodes and weights (copied).
     *
     * @param nodes   strictly increasing, non-negative nodes
     * @param weights non-negative weights, same length
     */
    public static Grid of(double[] nodes, double[] weights) {
        Validate.finiteArray("grid nodes", nodes, 1);
        Validate.finiteArray("grid weights", weights, 1);
        Validate.length("grid weights", weights, nodes.length);
        Validate.increasing("grid nodes", "nodes", nodes, true);
        for (int i = 0; i < nodes.length; i++) {
            Validate.nonNegative("grid weights[" + i + "]", weights[i]);
        }
        return new Grid(nodes.clone(), weights.clone());
    }

    /**
     * A composite Gauss–Legendre grid: the rule applied on each panel [ends[k], ends[k+1]], giving
     * Σ w_i f(t_i) ≈ ∫_{ends[0]}^{ends[last]} f. The approximation solvers use it with
     * {@link GaussLegendre#SIX} on geometrically growing panels.
     *
     * @param ends panel ends, non-negative and strictly increasing, at least 2
     * @param rule the rule on each panel
     */
    public static Grid gaussLegendre(double[] ends, GaussLegendre rule) {
        Validate.finiteArray("panel ends", ends, 2);
        Validate.notNull("rule", rule);
        Validate.increasing("panel ends", "ends", ends, true);
        int q = rule.points();
        if ((long) (ends.length - 1) * q > MAX_NODES) {
            throw new KitArgumentException("panel ends has " + (ends.length - 1) + " panels of " + q
                    + " nodes, more than MAX_NODES=" + MAX_NODES + " nodes in all; use fewer panels");
        }
        double[] t = new double[(ends.length - 1) * q];
        double[] w = new double[t.length];
        int i = 0;
        for (int k = 0; k + 1 < ends.length; k++) {
            double c = 0.5 * (ends[k] + ends[k + 1]);
            double h = 0.5 * (ends[k + 1] - ends[k]);
            for (int j = 0; j < q; j++) {
                t[i] = c + h * rule.node(j);
                w[i] = h * rule.weight(j);
                i++;
            }
        }
        return new Grid(t, w);
    }

    public int size() {
        return t.length;
    }

    /** The nodes (a copy). */
    public double[] nodes() {
        return t.clone();
    }

    /** The weights (a copy). */
    public double[] weights() {
        return w.clone();
    }

    /** Node t_i, for 0 ≤ i &lt; {@link #size()}. */
    public double node(int i) {
        return t[index(i)];
    }

    /** Weight w_i, for 0 ≤ i &lt; {@link #size()}. */
    public double weight(int i) {
        return w[index(i)];
    }

    private int index(int i) {
        return Validate.inRange("grid node index i", i, 0, t.length - 1);
    }

    /** The step h when the nodes are t_0 + i·h (to 1e-9 of h), else NaN. Fast paths use it. */
    public double uniformStep() {
        return step;
    }

    /** Last node T. */
    public double end() {
        return t[t.length - 1];
    }

    /** f sampled on the nodes. */
    public double[] sample(DoubleUnaryOperator f) {
        Validate.notNull("function f to sample", f);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = f.applyAsDouble(t[i]);
        }
        return out;
    }

    /** Σ w_i f_i for values already sampled on the nodes. */
    public double integrate(double[] values) {
        Validate.length("values", values, t.length);
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += w[i] * values[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "Grid[" + t.length + " nodes on [" + t[0] + ", " + end() + "]]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid && Arrays.equals(t, ((Grid) o).t) && Arrays.equals(w, ((Grid) o).w);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(t) + Arrays.hashCode(w);
    }
}
