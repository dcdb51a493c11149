package org.curseofmemory.approx;

import java.util.function.DoubleUnaryOperator;

import org.curseofmemory.kernel.MemoryKernel;

/**
 * Package-private: L¹ and L² norms on [0, ∞) of a kernel or of an error e(t) = ρ(t) − ρ̂(t), with
 * the tail beyond the horizon included (power-law memory has heavy tails: ∫_T^∞ (1+t)^{−(1+ω)} dt
 * = (1+T)^{−ω}/ω, REFERENCE §3). All solvers of this package use these so that the β search, the
 * rate optimisation, the perturbation sweep and the reported errors agree to the last digit.
 */
final class ErrorNorms {
    /** Relative tolerance of every norm. */
    static final double REL_TOL = 1e-9;
    /** Absolute tolerance, relative to the size of the target: ABS_TOL_FACTOR · ‖ρ‖. */
    static final double ABS_TOL_FACTOR = 1e-15;

    private ErrorNorms() {
    }

    /** ∫₀^∞ |f|, absolute tolerance ABS_TOL_FACTOR·scale. */
    static double l1(DoubleUnaryOperator f, double scale) {
        return AdaptiveQuadrature.integrate(t -> Math.abs(f.applyAsDouble(t)), Double.NaN, REL_TOL,
                ABS_TOL_FACTOR * scale).value();
    }

    /** (∫₀^∞ f²)^{1/2}, absolute tolerance on the square (ABS_TOL_FACTOR·scale)². */
    static double l2(DoubleUnaryOperator f, double scale) {
        double s = ABS_TOL_FACTOR * scale;
        return Math.sqrt(AdaptiveQuadrature.integrate(t -> {
            double v = f.applyAsDouble(t);
            return v * v;
        }, Double.NaN, REL_TOL, s * s).value());
    }

    /** ‖ρ‖_{L¹}, failing loudly if the target is not integrable. */
    static double targetL1(MemoryKernel target) {
        double n = AdaptiveQuadrature.integrate(t -> Math.abs(target.value(t)), Double.NaN, REL_TOL, 1e-300).value();
        if (!Double.isFinite(n)) {
            throw new IllegalArgumentException("target kernel '" + target.name()
                    + "' is not integrable on [0, inf): its L1 norm is " + n
                    + " (a memory kernel needs a finite L1 norm, REFERENCE §1)");
        }
        if (n == 0) {
            throw new IllegalArgumentException("target kernel '" + target.name()
                    + "' is identically zero on [0, inf): nothing to approximate");
        }
        return n;
    }

    /** ‖ρ‖_{L²}. */
    static double targetL2(MemoryKernel target) {
        return Math.sqrt(AdaptiveQuadrature.integrate(t -> {
            double v = target.value(t);
            return v * v;
        }, Double.NaN, REL_TOL, 1e-300).value());
    }
}
