package org.curseofmemory.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.quad.Grid;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public entry rejects bad input with IllegalArgumentException naming the parameter, value and range. */
class BadInputTest extends KitTest {

    private static void rejects(String expectedMessagePart, Executable call) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call);
        assertTrue(ex.getMessage().contains(expectedMessagePart),
                () -> "message '" + ex.getMessage() + "' should contain '" + expectedMessagePart + "'");
    }

    @Test
    void exponentialRates() {
        rejects("decay rate beta=0.0 must be > 0", () -> Kernels.exponential(0));
        rejects("decay rate beta=-0.5 must be > 0", () -> Kernels.exponential(-0.5));
        rejects("decay rate beta=NaN must be > 0", () -> Kernels.exponential(Double.NaN));
        rejects("amplitude a=Infinity must be a finite number", () -> Kernels.exponential(Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void exponentialSums() {
        rejects("decay rate lambda[1]=-2.0 must be > 0",
                () -> Kernels.exponentialSum(new double[] {1, 1}, new double[] {1, -2}));
        rejects("real decay rates lambda has length 1 but must have length 2",
                () -> Kernels.exponentialSum(new double[] {1, 1}, new double[] {1}));
        rejects("real amplitudes a[0]=NaN must be a finite number",
                () -> Kernels.exponentialSum(new double[] {Double.NaN}, new double[] {1}));
        rejects("complex decay rate w=0.0 must be > 0", () -> Kernels.exponentialSum().withComplexMode(1, 0, 0, 1));
        rejects("complex frequency theta=NaN must be a finite number",
                () -> Kernels.exponentialSum().withComplexMode(1, 0, 1, Double.NaN));
        rejects("real amplitudes a must not be null", () -> ExpSumKernel.of(null, new double[0]));
    }

    @Test
    void powerLaw() {
        rejects("power-law exponent omega=0.0 must be > 0", () -> Kernels.powerLaw(0));
        rejects("power-law exponent omega=-1.0 must be > 0", () -> Kernels.powerLaw(-1));
        rejects("power-law exponent omega=NaN must be > 0", () -> Kernels.powerLaw(Double.NaN));
        rejects("power-law amplitude c=NaN must be a finite number", () -> Kernels.powerLaw(Double.NaN, 1));
    }

    @Test
    void airyDampedCosineBump() {
        rejects("Airy scale s0=0.0 must be > 0", () -> Kernels.airy(0, 1));
        rejects("Airy shift t0=Infinity must be a finite number", () -> Kernels.airy(1, Double.POSITIVE_INFINITY));
        rejects("damped cosine decay a=-1.0 must be > 0", () -> Kernels.dampedCosine(-1, 1));
        rejects("damped cosine frequency b=NaN must be a finite number", () -> Kernels.dampedCosine(1, Double.NaN));
        rejects("bump width=0.0 must be > 0", () -> Kernels.delayedBump(5, 0));
        rejects("bump width=-1.0 must be > 0", () -> Kernels.delayedBump(5, -1));
        rejects("need bump center=0.5 >= bump width=1.0", () -> Kernels.delayedBump(0.5, 1));
        rejects("bump center=NaN must be a finite number", () -> Kernels.delayedBump(Double.NaN, 1));
    }

    @Test
    void lambdaAndCombinators() {
        rejects("kernel function rho must not be null", () -> Kernels.fromLambda("x", null));
        rejects("kernel name must not be null", () -> Kernels.fromLambda(null, t -> t));
        rejects("kernel name=' ' must not be blank", () -> Kernels.fromLambda(" ", t -> t));
        rejects("breakpoints[0]=-1.0 must be > 0", () -> Kernels.fromLambda("x", t -> t, -1.0));
        MemoryKernel k = Kernels.powerLaw(1);
        rejects("scale factor=NaN must be a finite number", () -> k.times(Double.NaN));
        rejects("kernel to add must not be null", () -> k.plus(null));
        rejects("kernel to subtract must not be null", () -> k.minus(null));
        rejects("derivative order=-1 must be >= 0", () -> k.derivative(-1));
        rejects("finite-difference step h=0.0 must be > 0", () -> Kernels.finiteDifferenceDerivative(k, 0));
        rejects("kernel name=' ' must not be blank", () -> k.named(" "));
    }

    @Test
    void normsAndVectors() {
        MemoryKernel k = Kernels.exponential(1);
        rejects("integration end T=0.0 must be > 0", () -> Norms.l1(k, 0));
        rejects("integration end T=NaN must be > 0", () -> Norms.l2(k, Double.NaN));
        rejects("kernel must not be null", () -> Norms.l1((MemoryKernel) null));
        rejects("second kernel must not be null", () -> Norms.l2Distance(k, null));
        rejects("vector kernel components has length 0 but needs length >= 1", () -> Kernels.vector());
        rejects("vector kernel component 1 must not be null", () -> Kernels.vector(k, null));
        rejects("component index i=2 must be in [0, 1]", () -> Kernels.vector(k, k).component(2));
        rejects("vector kernels have dimensions 1 and 2",
                () -> Norms.l1Distance(Kernels.vector(k), Kernels.vector(k, k)));
    }

    @Test
    void tables() {
        MemoryKernel k = Kernels.exponential(1);
        rejects("number of samples n=1 must be >= 2", () -> KernelTables.sample(1, 1, k));
        rejects("sampling end tMax=-1.0 must be > 0", () -> KernelTables.sample(-1, 10, k));
        rejects("kernels has length 0 but needs length >= 1", () -> KernelTables.sample(1, 10));
        rejects("kernel 1 has column name 'exp(-1t)', already used",
                () -> KernelTables.sample(1, 10, k, Kernels.exponential(1)));
        rejects("kernel 0 has column name 't', already used", () -> KernelTables.sample(1, 10, k.named("t")));
        rejects("grid must not be null", () -> KernelTables.sample((Grid) null, k));
    }
}
