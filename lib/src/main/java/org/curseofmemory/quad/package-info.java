/**
 * The kit's one integration room: every integral of the library is computed here.
 * <ul>
 * <li>{@link org.curseofmemory.quad.HalfLineQuadrature}: the accurate half-line integrator behind
 * {@code kernel.Norms} (doubling panels cut at breakpoints and sign changes, adaptive 16-point
 * Gauss–Legendre, exact / bounded / extrapolated tails), for a
 * {@link org.curseofmemory.quad.HalfLineIntegrand}; result {@link org.curseofmemory.quad.QuadratureEstimate}.</li>
 * <li>{@link org.curseofmemory.quad.AdaptiveQuadrature}: the fast Gauss–Kronrod (7/15) half-line
 * integrator the approximation solvers call many times, with its power-law tail rule.</li>
 * <li>{@link org.curseofmemory.quad.GaussLegendre} (the fixed rules), {@link org.curseofmemory.quad.Grid}
 * (node/weight grids: trapezoid, composite Gauss–Legendre), {@link org.curseofmemory.quad.Composite}
 * (composite Simpson with a 3/8 end panel) and {@link org.curseofmemory.quad.Roots} (Illinois
 * regula falsi and bisection, used to cut integrals of |f| at sign changes).</li>
 * </ul>
 * The kernel norms these compute are the quantities of the theory: ‖ρ‖_{L¹} = sup_t ‖H_t‖ (Riesz
 * representation) and ∫(ρ − ρ̂)², the white-noise loss (Li, Han, E &amp; Li 2021; docs/theory.md §1, §4).
 */
package org.curseofmemory.quad;

