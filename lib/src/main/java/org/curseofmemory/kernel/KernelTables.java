package org.curseofmemory.kernel;

import org.curseofmemory.util.KitArgumentException;
import java.util.HashSet;
import java.util.Set;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Samples memory kernels ρ(t) (docs/theory.md §1) into a Tablesaw {@link Table} for plotting: a column "t" with the
 * sample times and one double column per kernel, named by {@link MemoryKernel#name()} (use
 * {@link MemoryKernel#named(String)} to choose column names; they must be distinct and differ from "t").
 */
public final class KernelTables {
    /**
     * Name of the time column t (the lag variable of ρ(t), docs/theory.md §1).
     */
    public static final String TIME_COLUMN = "t";
    /** Largest number of samples of {@link #sample(double, int, MemoryKernel...)} (a table to plot or print). */
    public static final int MAX_SAMPLES = 1_000_000;

    private KernelTables() {
    }

    /**
     * Table with t = the grid nodes and ρ_j(t) for each kernel (docs/theory.md §1; e.g. the loss grid of docs/theory.md §4).
     *
     * @param grid    sample times (its nodes), not null
     * @param kernels at least one kernel, distinct names
     */
    public static Table sample(Grid grid, MemoryKernel... kernels) {
        Validate.notNull("grid", grid);
        return build(grid.nodes(), kernels);
    }

    /**
     * Table with n equally spaced times t_i = i·tMax/(n−1), i = 0..n−1, and ρ_j(t_i) for each kernel
     * (docs/theory.md §1).
     *
     * @param tMax    last time tMax &gt; 0
     * @param n       number of samples n in [2, {@link #MAX_SAMPLES}]
     * @param kernels at least one kernel, distinct names
     */
    public static Table sample(double tMax, int n, MemoryKernel... kernels) {
        Validate.positive("sampling end tMax", tMax);
        Validate.capped("number of samples n", n, 2, MAX_SAMPLES);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i == n - 1 ? tMax : i * tMax / (n - 1);
        }
        return build(t, kernels);
    }

    private static Table build(double[] t, MemoryKernel[] kernels) {
        Validate.notNull("kernels", kernels);
        if (kernels.length < 1) {
            throw new KitArgumentException("kernels has length 0 but needs length >= 1");
        }
        Set<String> names = new HashSet<>();
        names.add(TIME_COLUMN);
        Table table = Table.create("memory kernels");
        table.addColumns(DoubleColumn.create(TIME_COLUMN, t));
        for (int j = 0; j < kernels.length; j++) {
            MemoryKernel k = Validate.notNull("kernel " + j, kernels[j]);
            String name = k.name();
            if (!names.add(name)) {
                throw new KitArgumentException("kernel " + j + " has column name '" + name
                        + "', already used: column names must be distinct; rename it with kernel.named(...)");
            }
            double[] v = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                v[i] = k.value(t[i]);
                if (!Double.isFinite(v[i])) {
                    throw new KitArgumentException("kernel '" + name + "' returned " + v[i] + " at t=" + t[i]
                            + "; a memory kernel must be finite on [0, inf)");
                }
            }
            table.addColumns(DoubleColumn.create(name, v));
        }
        return table;
    }
}
