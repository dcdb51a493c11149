package org.curseofmemory.quad;

/**
 * The outcome of a {@link HalfLineQuadrature} integral, e.g. a norm of {@code kernel.Norms} such as
 * ‖ρ‖_{L¹} = ∫₀^∞ |ρ(s)| ds, together with how it was obtained.
 *
 * <p>The integral is split as ∫₀^{horizon} (composite adaptive Gauss–Legendre) + tail
 * ∫_{horizon}^∞ (see {@link TailMethod}).
 *
 * @param value         the integral (for an L² norm this record holds the squared norm ∫ ρ²)
 * @param errorEstimate an estimate (not a rigorous bound, except for the {@link TailMethod#BOUNDED} tail
 *                      part) of |value − exact|
 * @param horizon       the point T where quadrature stopped and the tail took over
 * @param tail          the tail value added for ∫_T^∞ (0 for a finite interval)
 * @param tailMethod    how the tail was obtained
 * @param evaluations   number of kernel evaluations used
 */
public record QuadratureEstimate(double value, double errorEstimate, double horizon, double tail, TailMethod tailMethod,
                           long evaluations) {

    /**
     * How the tail ∫_T^∞ of the integrand was obtained.
     */
    public enum TailMethod {
        /** The integral was over a finite interval [0, T]: no tail. */
        NONE,
        /** Exact closed-form tail from the integrand ({@link HalfLineIntegrand#tailInterval}, e.g. a kernel's {@code tailL1}). */
        EXACT,
        /**
         * For a distance ‖a − b‖ on [T, ∞) the exact tails of a and b bound the tail of a − b by the triangle
         * inequality: |‖a‖ − ‖b‖| ≤ ‖a − b‖ ≤ ‖a‖ + ‖b‖; the midpoint is used and the half-width is part of the
         * error estimate (the horizon is pushed out until that half-width is negligible).
         */
        BOUNDED,
        /**
         * Tail unknown: the contributions I_k of the doubling panels [T_{k−1}, 2T_{k−1}] were extrapolated as a
         * geometric series (Aitken's Δ²), tail ≈ I_k r/(1 − r), r = I_k/I_{k−1}; exact for pure power-law or
         * exponential asymptotics, accepted once two successive estimates agree.
         */
        EXTRAPOLATED,
        /** Tail unknown but the panel contributions had vanished (e.g. compact support). */
        NEGLIGIBLE
    }
}
