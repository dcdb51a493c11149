package org.curseofmemory.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ApproximantTest extends KitTest {

    static final double CLOSED_FORM_TOLERANCE = 1e-9;

    @Test
    void givenExponentialSumHasClosedFormErrors() {
        // ρ = e^{−t}, ρ̂ = 0.5 e^{−t}: ρ − ρ̂ = 0.5 e^{−t}, L1 = 0.5, L2 = 0.5/√2.
        MemoryKernel target = Kernels.exponential(1.0);
        Approximant a = Approximant.of(target, new double[] {1.0}, new double[] {0.5});
        assertEquals(0.5, a.l1Error(), CLOSED_FORM_TOLERANCE);
        assertEquals(0.5 / Math.sqrt(2), a.l2Error(), CLOSED_FORM_TOLERANCE);
        assertEquals(1.0, a.targetL1Norm(), CLOSED_FORM_TOLERANCE);
        assertEquals(0.5, a.relativeL1Error(), CLOSED_FORM_TOLERANCE);
        assertEquals(ApproximationMethod.GIVEN, a.method());
        assertTrue(a.beta().isEmpty());
        assertTrue(a.chebyshevCoefficients().isEmpty());
    }

    @Test
    void powerLawTailIsIncludedInTheError() {
        // ρ̂ = 0: the error is the whole norm 1/ω, most of it in the heavy tail for ω = 0.25.
        MemoryKernel target = Kernels.fromLambda("(1+t)^-1.25", t -> Math.pow(1 + t, -1.25));
        Approximant a = Approximant.of(target, new double[] {1.0}, new double[] {0.0});
        assertEquals(4.0, a.l1Error(), 1e-6);
        assertEquals(Math.sqrt(1 / 1.5), a.l2Error(), 1e-6);
    }

    @Test
    void ratesAreSortedWithTheirAmplitudes() {
        Approximant a = Approximant.of(Kernels.exponential(1.0), new double[] {3, 1, 2}, new double[] {30, 10, 20});
        assertArrayEquals(new double[] {1, 2, 3}, a.rates(), 0.0);
        assertArrayEquals(new double[] {10, 20, 30}, a.amplitudes(), 0.0);
        assertArrayEquals(new double[] {-1, -2, -3}, a.eigenvalues(), 0.0);
        assertEquals(1, a.slowestRate(), 0.0);
        assertEquals(3, a.width());
        assertEquals(30, a.maxAbsAmplitude(), 0.0);
    }

    @Test
    void arraysHandedOutAreCopies() {
        Approximant a = Approximant.of(Kernels.exponential(1.0), new double[] {1, 2}, new double[] {1, 1});
        a.rates()[0] = 99;
        a.amplitudes()[0] = 99;
        assertEquals(1, a.rates()[0], 0.0);
        assertEquals(1, a.amplitudes()[0], 0.0);
    }

    @Test
    void tablesHaveTheDocumentedColumns() {
        Approximant a = JacksonApproximation.ofWidth(3).withBeta(1).approximate(Kernels.exponential(1.0));
        Table modes = a.modes();
        assertEquals(Arrays.asList("k", "rate", "eigenvalue", "amplitude"), modes.columnNames());
        assertEquals(3, modes.rowCount());
        Table values = a.toTable(Grid.uniform(5, 0.5));
        assertEquals(Arrays.asList("t", "target", "approximant", "error"), values.columnNames());
        assertEquals(11, values.rowCount());
        assertEquals(Math.exp(-2), values.doubleColumn("target").get(4), 1e-15);
        assertEquals(21, a.toTable(10, 21).rowCount());
    }

    @Test
    void kernelCarriesANameAndTheToStringSummarises() {
        Approximant a = JacksonApproximation.ofWidth(2).withBeta(0.5).approximate(Kernels.exponential(1.0));
        assertTrue(a.kernel().name().contains("Jackson m=2"), a.kernel().name());
        assertTrue(a.toString().contains("JACKSON"), a.toString());
    }
}
