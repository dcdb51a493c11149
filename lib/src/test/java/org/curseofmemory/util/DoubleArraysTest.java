package org.curseofmemory.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class DoubleArraysTest extends KitTest {

    @Test
    void axesEqualTheLoopsTheyReplaceBitForBit() {
        double[] betas = DoubleArrays.powersOfTen(-6, 0, 19);
        double[] lags = DoubleArrays.uniform(0.05, 601);
        double[] w = DoubleArrays.linear(-4, 4, 161);
        for (int j = 0; j < 19; j++) {
            assertEquals(Math.pow(10, -6 + j / 3.0), betas[j], 0.0);
        }
        for (int i = 0; i < 601; i++) {
            assertEquals(0.05 * i, lags[i], 0.0);
        }
        for (int i = 0; i < 161; i++) {
            assertEquals(-4 + 8.0 * i / 160, w[i], 0.0);
        }
        assertArrayEquals(new double[] {2, 4, 8}, DoubleArrays.of(2, 4, 8), 0.0);
        assertArrayEquals(new double[] {1, 4, 9}, DoubleArrays.map(new double[] {1, 2, 3}, x -> x * x), 0.0);
    }

    @Test
    void badAxesAreRejectedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DoubleArrays.linear(2, 1, 5));
        assertEquals("axis lo=2.0 must be <= hi=1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DoubleArrays.powersOfTen(0, 1, 1));
    }
}
