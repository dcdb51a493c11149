package org.curseofmemory.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class KernelTablesTest extends KitTest {
    @Test
    void samplesOnUniformTimes() {
        MemoryKernel a = Kernels.exponential(2).named("fast");
        MemoryKernel b = Kernels.powerLaw(0.5);
        Table table = KernelTables.sample(4, 5, a, b);
        assertEquals(List.of("t", "fast", "(1+t)^-1.5"), table.columnNames());
        assertEquals(5, table.rowCount());
        for (int i = 0; i < 5; i++) {
            double t = table.doubleColumn("t").get(i);
            assertEquals(i, t, 0.0);
            assertEquals(a.value(t), table.doubleColumn("fast").get(i), 0.0);
            assertEquals(b.value(t), table.doubleColumn("(1+t)^-1.5").get(i), 0.0);
        }
    }

    @Test
    void samplesOnAGrid() {
        Grid grid = Grid.uniform(2, 0.5);
        Table table = KernelTables.sample(grid, Kernels.airy(1, 1));
        assertEquals(grid.size(), table.rowCount());
        assertEquals(Airy.ai(2 - 1), table.doubleColumn("Ai(t-1)").get(4), 0.0);
    }
}
