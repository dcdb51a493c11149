package org.curseofmemory.approx;

import org.curseofmemory.util.KitArgumentException;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.quad.AdaptiveQuadrature;

/**
 * Package-private: L¹ and L² norms on [0, ∞) of a kernel or of an error e(t) = ρ(t) − ρ̂(t), tail
 * included (power-law memory has heavy tails: ∫_T^∞ (1+t)^{−(1+ω)} dt = (1+T)^{−ω}/ω, docs/theory.md §3).
 * Quadrature runs to a horizon T_h beyond which every mode of ρ̂ has underflowed; there the tail
 * of |ρ − ρ̂| is the target's own tail, taken from {@link MemoryKernel#tailL1(double)} /
 * {@link MemoryKernel#tailL2Squared(double)} when the kernel knows it in closed form, and
 * extrapolated as a power law otherwise (see {@link AdaptiveQuadrature}).
 *
 * <p>All solvers of this package use these, so the β search, the rate optimisation, the
 * perturbation sweep and the reported errors agree to the last digit. They agree with
 * {@code org.curseofmemory.kernel.Norms} to about 10⁻⁸ relative (checked in the tests) and are much
 * faster on the oscillating errors of high-width fits, which is why the solvers do not call Norms
 * in their inner loops.
 */
final class ErrorNorms {
    /** Relative tolerance of every norm. */
    static final double REL_TOL = 1e-9;
    /**
     * Absolute tolerance, relative to the size of the target: ABS_TOL_FACTOR · ‖ρ‖. Near this level
     * ρ − ρ̂ is dominated by floating-point noise (≈10⁻¹⁶|ρ|, with spurious sign changes), so errors
     * below about 10⁻¹³·‖ρ‖ are reported to absolute, not relative, accuracy.
     */
    static final double ABS_TOL_FACTOR = 1e-13;

    private ErrorNorms() {
    }

    /** Relative tolerance used inside searches (β scan, golden section), where 6 digits are plenty. */
    static final double SEARCH_REL_TOL = 1e-6;

    /** ∫₀^∞ |ρ − model|, model made of modes with rates ≥ minRate. */
    static double l1Error(MemoryKernel target, DoubleUnaryOperator model, double minRate, double scale) {
        return l1Error(target, model, minRate, scale, REL_TOL);
    }

    /** ∫₀^∞ |ρ − model| to relative tolerance relTol. */
    static double l1Error(MemoryKernel target, DoubleUnaryOperator model, double minRate, double scale,
            double relTol) {
        double h = AdaptiveQuadrature.horizonFor(minRate);
        double tail = Double.NaN;
        if (model.applyAsDouble(h) == 0) {
            tail = orNaN(target.tailL1(h));
        }
        return AdaptiveQuadrature.integrate(t -> target.value(t) - model.applyAsDouble(t),
                AdaptiveQuadrature.Power.ABS, h, tail, relTol, ABS_TOL_FACTOR * scale, target.breakpoints()).value();
    }

    /** (∫₀^∞ (ρ − model)²)^{1/2}, model made of modes with rates ≥ minRate. */
    static double l2Error(MemoryKernel target, DoubleUnaryOperator model, double minRate, double scale) {
        double h = AdaptiveQuadrature.horizonFor(minRate);
        double tail = Double.NaN;
        if (model.applyAsDouble(h) == 0) {
            tail = orNaN(target.tailL2Squared(h));
        }
        double s = ABS_TOL_FACTOR * scale;
        return Math.sqrt(AdaptiveQuadrature.integrate(t -> target.value(t) - model.applyAsDouble(t),
                AdaptiveQuadrature.Power.SQUARE, h, tail, REL_TOL, s * s, target.breakpoints()).value());
    }

    /** ∫₀^∞ |f| for an exponential sum f with rates ≥ minRate (no target involved). */
    static double l1(DoubleUnaryOperator f, double minRate, double scale) {
        double h = AdaptiveQuadrature.horizonFor(minRate);
        return AdaptiveQuadrature.integrate(f, AdaptiveQuadrature.Power.ABS, h, Double.NaN, REL_TOL,
                ABS_TOL_FACTOR * scale).value();
    }

    /** ‖ρ‖_{L¹}, failing loudly if the target is not integrable or is zero. */
    static double targetL1(MemoryKernel target) {
        double h = AdaptiveQuadrature.HORIZON;
        double n = AdaptiveQuadrature.integrate(target::value, AdaptiveQuadrature.Power.ABS, h,
                orNaN(target.tailL1(h)), REL_TOL, 1e-300, target.breakpoints()).value();
        if (!Double.isFinite(n)) {
            throw new KitArgumentException("target kernel '" + target.name()
                    + "' is not integrable on [0, inf): its L1 norm is " + n
                    + " (a memory kernel needs a finite L1 norm, docs/theory.md §1)");
        }
        if (n == 0) {
            throw new KitArgumentException("target kernel '" + target.name()
                    + "' is identically zero on [0, inf): nothing to approximate");
        }
        return n;
    }

    /** ‖ρ‖_{L²}. */
    static double targetL2(MemoryKernel target) {
        double h = AdaptiveQuadrature.HORIZON;
        return Math.sqrt(AdaptiveQuadrature.integrate(target::value, AdaptiveQuadrature.Power.SQUARE, h,
                orNaN(target.tailL2Squared(h)), REL_TOL, 1e-300, target.breakpoints()).value());
    }

    private static double orNaN(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : Double.NaN;
    }
}
