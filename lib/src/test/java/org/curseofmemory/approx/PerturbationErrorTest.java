package org.curseofmemory.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.curseofmemory.kernel.Kernels;
import org.curseofmemory.rnn.Reparameterization;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PerturbationErrorTest extends KitTest {

    /** First-order behaviour: E(10β)/E(β) for tiny β must be 10 within this relative tolerance. */
    static final double LINEARITY_TOLERANCE = 1e-3;

    static final Approximant EXPONENTIAL_FIT =
            FreeRateApproximation.ofWidth(4).approximate(Kernels.fromLambda("0.9^t", t -> Math.pow(0.9, t)));

    @Test
    void deviationFromTheApproximantIsZeroAtZeroAndNonDecreasing() {
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT)
                .withReference(PerturbationError.Reference.APPROXIMANT)
                .withRadii(0, 1e-8, 1e-6, 1e-4, 1e-2).withDraws(5).withSeed(7).compute();
        double[] e = r.worstErrors();
        assertEquals(0.0, e[0], 0.0);
        assertEquals(0.0, r.unperturbedError(), 0.0);
        for (int j = 1; j < e.length; j++) {
            assertTrue(e[j] > 0, "E(" + r.radii()[j] + ")=" + e[j]);
            assertTrue(e[j] >= e[j - 1], "E must be non-decreasing: " + Arrays.toString(e));
        }
        assertTrue(r.allStable());
    }

    @Test
    void errorAgainstTheTargetStartsAtTheApproximationError() {
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT).withLogRadii(1e-9, 1e-3, 4).withDraws(4)
                .compute();
        assertEquals(EXPONENTIAL_FIT.l1Error(), r.worstErrors()[0], 0.0);
        assertEquals(EXPONENTIAL_FIT.l1Error(), r.unperturbedError(), 0.0);
        double[] e = r.worstErrors();
        for (int j = 1; j < e.length; j++) {
            assertTrue(e[j] >= e[j - 1]);
        }
        assertEquals(5, r.radii().length);
    }

    @Test
    void smallPerturbationsActLinearly() {
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT)
                .withReference(PerturbationError.Reference.APPROXIMANT).withRadii(1e-9, 1e-8).withDraws(3).compute();
        double[][] all = r.allErrors();
        for (int i = 0; i < 3; i++) {
            assertEquals(10.0, all[1][i] / all[0][i], 10.0 * LINEARITY_TOLERANCE);
        }
    }

    @Test
    void sameSeedGivesIdenticalResultsAndAnotherSeedDoesNot() {
        PerturbationError p = PerturbationError.of(EXPONENTIAL_FIT).withRadii(1e-4, 1e-3).withDraws(3);
        PerturbationErrorResult a = p.withSeed(42).compute();
        PerturbationErrorResult b = p.withSeed(42).compute();
        PerturbationErrorResult c = p.withSeed(43).compute();
        assertArrayEquals(a.worstErrors(), b.worstErrors(), 0.0);
        assertArrayEquals(a.allErrors()[1], b.allErrors()[1], 0.0);
        assertFalse(Arrays.equals(a.allErrors()[1], c.allErrors()[1]));
    }

    @Test
    void aRatePushedBelowZeroIsReportedAsUnstableWithInfiniteError() {
        double slowest = EXPONENTIAL_FIT.slowestRate();
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT)
                .withRadii(0.1 * slowest, 3 * slowest).withDraws(10).withSeed(1).compute();
        assertEquals(0, r.unstableDraws()[0]);
        assertTrue(Double.isFinite(r.worstErrors()[0]));
        assertTrue(r.unstableDraws()[1] > 0, "some draw must move the slowest rate below 0");
        assertEquals(Double.POSITIVE_INFINITY, r.worstErrors()[1]);
        assertEquals(3 * slowest, r.firstUnstableRadius().getAsDouble(), 0.0);
        for (double[] row : r.allErrors()) {
            for (double e : row) {
                assertFalse(Double.isNaN(e));
            }
        }
    }

    @Test
    void relativePerturbationsBelowOneNeverDestabilise() {
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT).withMode(PerturbationError.Mode.RELATIVE)
                .withRadii(0.5, 0.9).withDraws(5).compute();
        assertTrue(r.allStable());
        assertEquals(PerturbationError.Mode.RELATIVE, r.mode());
    }

    @Test
    void tableHasOneRowPerRadius() {
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT).withRadii(0, 1e-3).withDraws(2).compute();
        Table t = r.table();
        assertEquals(2, t.rowCount());
        assertEquals(Arrays.asList("beta", "error", "rawError", "unstableDraws"), t.columnNames());
        assertEquals(1e-3, t.doubleColumn("beta").get(1), 0.0);
    }

    @Test
    void radiiAreSortedAscending() {
        PerturbationErrorResult r = PerturbationError.of(EXPONENTIAL_FIT).withRadii(1e-3, 0, 1e-6).withDraws(1)
                .compute();
        assertArrayEquals(new double[] {0, 1e-6, 1e-3}, r.radii(), 0.0);
    }

    @Test
    void theKneeMovesLeftAsTheWidthGrowsForPowerLawMemory() {
        // docs/theory.md §5: for a power law the radius at which the perturbed model breaks down shrinks with m,
        // because the fit needs ever slower modes (absolute perturbations of a rate λ_min destabilise at β ≈ λ_min).
        double previous = Double.POSITIVE_INFINITY;
        for (int m : new int[] {4, 8, 16}) {
            Approximant fit = FreeRateApproximation.ofWidth(m).approximate(Kernels.powerLaw(0.5));
            PerturbationErrorResult r = PerturbationError.of(fit).withLogRadii(1e-8, 1, 9).withSeed(3).compute();
            double knee = r.firstUnstableRadius().orElseThrow();
            assertTrue(knee < previous, "m=" + m + ": first unstable radius " + knee + " must be below " + previous);
            assertTrue(knee >= fit.slowestRate(), "no draw can destabilise below the slowest rate");
            previous = knee;
        }
    }

    @Test
    void jacksonApproximantsWithHugeAmplitudesAreFragile() {
        Approximant jackson = JacksonApproximation.ofWidth(32).withBeta(0.5).approximate(JacksonApproximationTest.DAMPED_COSINE);
        PerturbationErrorResult r = PerturbationError.of(jackson).withRadii(1e-10).withDraws(2).compute();
        assertTrue(r.worstErrors()[0] > 1e3 * jackson.l1Error(), "E(1e-10)=" + r.worstErrors()[0]
                + " vs approximation error " + jackson.l1Error());
        assertTrue(r.allStable());
    }

    /** The naive reference: perturb w = f⁻¹(λ) by βu, amplitudes fixed, re-fit nothing, running max. */
    private static double[] naiveCurve(Approximant fit, Reparameterization f, double[] betas, int draws, long seed) {
        int m = fit.width();
        double[] rates = fit.rates();
        double[] amplitudes = fit.amplitudes();
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            w[k] = f.parameterForDecayRate(rates[k]);
        }
        java.util.Random random = new java.util.Random(seed);
        double[][] u = new double[draws][m];
        for (double[] direction : u) {
            for (int k = 0; k < m; k++) {
                direction[k] = 2 * random.nextDouble() - 1;
            }
        }
        double norm = fit.targetL1Norm();
        double worst = fit.l1Error() / norm;
        double[] errors = new double[betas.length];
        for (int j = 0; j < betas.length; j++) {
            for (int i = 0; i < draws; i++) {
                double[] perturbed = new double[m];
                boolean stable = true;
                for (int k = 0; k < m; k++) {
                    perturbed[k] = f.decayRate(w[k] + betas[j] * u[i][k]);
                    stable &= perturbed[k] > 0;
                }
                double e = stable ? Approximant.of(fit.target(), perturbed, amplitudes).l1Error() / norm
                        : Double.POSITIVE_INFINITY;
                worst = Math.max(worst, e);
            }
            errors[j] = worst;
        }
        return errors;
    }

    @Test
    void reparameterizedPerturbationMatchesTheNaiveCurveExactly() {
        Approximant fit = FreeRateApproximation.ofWidth(4).approximate(Kernels.powerLaw(0.5));
        double[] betas = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        for (Reparameterization f : List.of(Reparameterization.DIRECT, Reparameterization.EXP)) {
            PerturbationErrorResult r = PerturbationError.of(fit).withReparameterization(f).withFixedAmplitudes()
                    .withRadii(betas).withDraws(3).withSeed(1).compute();
            assertArrayEquals(naiveCurve(fit, f, betas, 3, 1), r.relativeWorstErrors(), 0.0, f.name());
        }
    }
}
