package org.curseofmemory.quad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class GridTest extends KitTest {
    private static final double TRAPEZOID_TOL = 1e-5;

    @Test
    void uniformTrapezoidIntegratesExponential() {
        Grid g = Grid.uniform(40, 0.01);
        assertEquals(4001, g.size());
        assertEquals(40, g.end(), 1e-12);
        assertEquals(1 - Math.exp(-40), g.integrate(g.sample(t -> Math.exp(-t))), TRAPEZOID_TOL);
    }

    @Test
    void explicitGridIsCopiedAndValidated() {
        double[] nodes = {0, 1, 2};
        Grid g = Grid.of(nodes, new double[] {0.5, 1, 0.5});
        nodes[0] = 99;
        assertEquals(0, g.node(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grid.of(new double[] {0, 2, 1}, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Grid.of(new double[] {0, 1}, new double[] {1}));
        assertEquals("grid weights has length 1 but must have length 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Grid.uniform(-1, 0.1));
        assertEquals("grid end tMax=-1.0 must be > 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Grid.uniform(1, 2));
        assertEquals("grid step dt=2.0 must be <= tMax=1.0", e.getMessage());
    }
}
