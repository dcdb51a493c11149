package org.curseofmemory.train;

import org.curseofmemory.util.Grid;
import org.curseofmemory.util.Validate;

/** Package-private helpers shared by the kernel models. */
final class GridSteps {
    /** Relative tolerance for treating a grid as uniform. */
    static final double UNIFORM_TOLERANCE = 1e-9;

    private GridSteps() {
    }

    /**
     * The step h if t_i = t_0 + i h for all i (within {@link #UNIFORM_TOLERANCE}·h), else −1.
     * A single node counts as non-uniform.
     */
    static double uniformStep(double[] t) {
        int n = t.length - 1;
        if (n < 1) {
            return -1;
        }
        double h = (t[n] - t[0]) / n;
        if (!(h > 0)) {
            return -1;
        }
        double tol = UNIFORM_TOLERANCE * h;
        for (int i = 1; i < n; i++) {
            if (Math.abs(t[i] - (t[0] + i * h)) > tol) {
                return -1;
            }
        }
        return h;
    }

    static void checkTimes(double[] t) {
        Validate.finiteArray("times t", t, 0);
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || (i > 0 && t[i] < t[i - 1])) {
                throw new IllegalArgumentException("times t must be non-negative and non-decreasing, but t[" + i
                        + "]=" + t[i]);
            }
        }
    }

    static void checkLossArguments(int p, double[] theta, Grid grid, double[] target, double[] gradient) {
        Validate.length("parameters theta", theta, p);
        Validate.notNull("grid", grid);
        Validate.length("target values", target, grid.size());
        if (gradient != null) {
            Validate.length("gradient", gradient, p);
        }
    }

    static double[] nodes(Grid grid) {
        return grid.nodes();
    }
}
