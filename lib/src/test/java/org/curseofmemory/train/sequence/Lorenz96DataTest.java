package org.curseofmemory.train.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.signal.Lorenz96;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class Lorenz96DataTest extends KitTest {

    private static final Lorenz96 SYSTEM = Lorenz96.of(8, 8);
    private static final TargetFunctional AIRY = TargetFunctional.ofKernel(Kernels.airy(1, 3), 0.2);

    @Test
    void inputsAreStandardisedLorenzSignalsAndTargetsTheReadOut() {
        SequenceDataset data = Lorenz96Data.of(SYSTEM, AIRY, 6, 50, 11);
        assertEquals(6, data.size());
        assertEquals(50, data.steps());
        assertEquals(0.2, data.dt(), 0);
        double sum = 0, sumSq = 0;
        for (int i = 0; i < data.size(); i++) {
            for (double v : data.input(i)) {
                sum += v;
                sumSq += v * v;
            }
            assertArrayEquals(AIRY.outputs(data.input(i)), data.target(i), 1e-12);
        }
        assertEquals(0, sum / 300, 1e-12);
        assertEquals(1, sumSq / 300, 1e-12);
    }

    @Test
    void inputFollowsTheIntegrator() {
        // the recorded site-0 values, un-standardised, are an RK4 trajectory sampled every Δt
        SequenceDataset data = Lorenz96Data.of(SYSTEM, AIRY, 1, 40, 3);
        double[] u = data.input(0);
        // consecutive samples must be strongly correlated (a smooth flow sampled at Δt = 0.2), unlike white noise
        double lag1 = 0, lag0 = 0;
        for (int k = 0; k + 1 < u.length; k++) {
            lag1 += u[k] * u[k + 1];
            lag0 += u[k] * u[k];
        }
        assertTrue(lag1 / lag0 > 0.3, "lag-1 autocorrelation " + lag1 / lag0);
    }

    @Test
    void isReproducibleAndSeeded() {
        SequenceDataset a = Lorenz96Data.of(SYSTEM, AIRY, 3, 20, 5), b = Lorenz96Data.of(SYSTEM, AIRY, 3, 20, 5);
        SequenceDataset c = Lorenz96Data.of(SYSTEM, AIRY, 3, 20, 6);
        for (int i = 0; i < 3; i++) assertArrayEquals(a.input(i), b.input(i), 0);
        assertFalse(Arrays.equals(a.input(0), c.input(0)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Lorenz96Data.of(null, AIRY, 1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Lorenz96Data.of(SYSTEM, null, 1, 10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lorenz96Data.of(SYSTEM, AIRY, 0, 10, 0));
        assertTrue(e.getMessage().contains("number of sequences=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Lorenz96Data.of(SYSTEM, AIRY, 1, 0, 0));
        assertTrue(e.getMessage().contains("steps per sequence K=0"), e.getMessage());
        IllegalStateException flat = assertThrows(IllegalStateException.class,
                () -> Lorenz96Data.of(Lorenz96.of(8, 0), AIRY, 1, 10, 0));
        assertTrue(flat.getMessage().contains("standard deviation"), flat.getMessage());
    }
}
