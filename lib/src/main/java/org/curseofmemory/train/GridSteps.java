package org.curseofmemory.train;

import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;

/** Package-private helpers shared by the kernel models. */
final class GridSteps {
    /** Relative tolerance for treating two grid intervals as equal (one matrix exponential for both). */
    static final double UNIFORM_TOLERANCE = 1e-9;

    private GridSteps() {
    }

    static void checkTimes(double[] t) {
        Validate.finiteArray("times t", t, 0);
        Validate.increasing("times t", "t", t, false);
    }

    static void checkLossArguments(int p, double[] theta, Grid grid, double[] target, double[] gradient) {
        Validate.length("parameters theta", theta, p);
        Validate.finiteArray("parameters theta", theta, 0);
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
