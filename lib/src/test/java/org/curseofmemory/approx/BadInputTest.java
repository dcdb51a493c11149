package org.curseofmemory.approx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public entry of the package rejects bad input with a message naming the parameter and value. */
class BadInputTest extends KitTest {

    static final MemoryKernel EXP = Kernels.exponential(1.0);
    static final Approximant FIT = Approximant.of(EXP, new double[] {1.0}, new double[] {1.0});

    static void fails(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' must contain '" + f + "'");
        }
    }

    @Test
    void widthBelowOne() {
        fails(() -> JacksonApproximation.ofWidth(0), "width m=0", "[1, 200]");
        fails(() -> FreeRateApproximation.ofWidth(-3), "width m=-3", "[1, 200]");
    }

    @Test
    void widthAboveCap() {
        fails(() -> JacksonApproximation.ofWidth(201), "width m=201", "[1, 200]");
        fails(() -> FreeRateApproximation.ofWidth(8).withWidth(1000), "width m=1000");
    }

    @Test
    void betaNotPositive() {
        fails(() -> JacksonApproximation.ofWidth(4).withBeta(-0.5), "rate spacing beta=-0.5", "must be > 0");
        fails(() -> JacksonApproximation.ofWidth(4).withBeta(0), "rate spacing beta=0.0", "must be > 0");
        fails(() -> JacksonApproximation.ofWidth(4).withBeta(Double.NaN), "rate spacing beta=NaN");
    }

    @Test
    void betaOutsideSupportedRange() {
        fails(() -> JacksonApproximation.ofWidth(4).withBeta(1e-12), "rate spacing beta=1.0E-12", "[1.0E-8, 1000000.0]");
        fails(() -> JacksonApproximation.ofWidth(4).optimizeBeta(1, 0.5), "betaMin=1.0", "betaMax=0.5",
                "betaMax > betaMin");
    }

    @Test
    void nullTargetAndNullOptions() {
        fails(() -> JacksonApproximation.ofWidth(4).withBeta(1).approximate(null), "target kernel must not be null");
        fails(() -> FreeRateApproximation.ofWidth(4).approximate(null), "target kernel must not be null");
        fails(() -> JacksonApproximation.ofWidth(4).withFitNorm(null), "fit norm must not be null");
        fails(() -> PerturbationError.of(null), "approximant must not be null");
        fails(() -> PerturbationError.of(FIT).withMode(null), "perturbation mode must not be null");
    }

    @Test
    void nonIntegrableTarget() {
        MemoryKernel harmonic = Kernels.fromLambda("1/(1+t)", t -> 1 / (1 + t));
        fails(() -> JacksonApproximation.ofWidth(4).withBeta(1).approximate(harmonic), "'1/(1+t)'",
                "not integrable");
        MemoryKernel zero = Kernels.fromLambda("zero", t -> 0.0);
        fails(() -> FreeRateApproximation.ofWidth(4).approximate(zero), "'zero'", "identically zero");
    }

    @Test
    void emptyOrNegativeRadii() {
        fails(() -> PerturbationError.of(FIT).withRadii(), "perturbation radii beta has length 0");
        fails(() -> PerturbationError.of(FIT).withRadii(1e-3, -1e-3), "perturbation radius beta[1]=-0.001",
                "must be >= 0");
        fails(() -> PerturbationError.of(FIT).withRadii(Double.NaN), "perturbation radius beta[0]=NaN");
        fails(() -> PerturbationError.of(FIT).withLogRadii(1e-3, 1e-6, 4), "largest radius max=1.0E-6");
    }

    @Test
    void negativeOrZeroDraws() {
        fails(() -> PerturbationError.of(FIT).withDraws(-1), "number of draws n=-1", "[1, " + PerturbationError.MAX_DRAWS + "]");
        fails(() -> PerturbationError.of(FIT).withDraws(0), "number of draws n=0");
    }

    @Test
    void badRateRangeAndIterations() {
        fails(() -> FreeRateApproximation.ofWidth(4).withRateRange(2, 1), "slowest=2.0", "fastest=1.0");
        fails(() -> FreeRateApproximation.ofWidth(4).withRateRange(-1, 1), "slowest rate=-1.0", "must be > 0");
        fails(() -> FreeRateApproximation.ofWidth(4).optimizeRates(0), "maxIterations=0", ">= 1");
    }

    @Test
    void givenApproximantWithBadParameters() {
        fails(() -> Approximant.of(EXP, new double[] {1, -0.5}, new double[] {1, 1}), "rates[1]=-0.5",
                "non-Hurwitz");
        fails(() -> Approximant.of(EXP, new double[] {1, 2}, new double[] {1}), "amplitudes has length 1",
                "must have length 2");
        fails(() -> Approximant.of(EXP, new double[0], new double[0]), "width m (number of rates)=0");
        fails(() -> Approximant.of(EXP, new double[] {Double.POSITIVE_INFINITY}, new double[] {1}),
                "rates[0]=Infinity");
    }

    @Test
    void badTableArguments() {
        fails(() -> FIT.toTable(null), "grid must not be null");
        fails(() -> FIT.toTable(10, 1), "table points=1", ">= 2");
        fails(() -> FIT.toTable(-1, 10), "table end tMax=-1.0");
    }
}
