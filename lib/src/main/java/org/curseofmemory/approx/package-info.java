/**
 * Approximation of memory kernels by exponential sums ρ̂(t) = Σ_k a_k e^{−λ_k t}, i.e. by the
 * kernels of width-m linear RNNs (docs/theory.md §2, §3, §5). Sources: universal approximation
 * and the Jackson-type rate, Li, Han, E &amp; Li 2021 (ICLR; JMLR 2022), the rate as restated in
 * Wang, Li &amp; Li 2023 (arXiv 2305.19190), Thm A.3; the inverse (Bernstein-type) theorem, ibid.
 * Thm A.4; the perturbation error, ibid. Def. 3.4. Every approximant is given back as a
 * {@code kernel.ExpSumKernel}; every integral is computed in {@code quad}.
 *
 * <ul>
 * <li>{@link org.curseofmemory.approx.JacksonApproximation}: rates on the grid kβ, the construction
 * behind the Jackson-type rate (docs/theory.md §3.2); least squares in s = e^{−βt} in a shifted Chebyshev
 * basis; β given or optimised for the L¹ error.</li>
 * <li>{@link org.curseofmemory.approx.FreeRateApproximation}: log-spaced or optimised rates, the
 * "two-sided truth" of docs/theory.md §3 [kit]: power laws are fitted well with few units, but only by
 * pushing the slowest rate toward 0.</li>
 * <li>{@link org.curseofmemory.approx.PerturbationError}: E_m(β), the worst error after perturbing the
 * approximant's mode parameters by at most β each (the kit's per-mode sup-norm box [kit]; the paper's
 * Def. 3.4 uses a ball on the parameters; docs/theory.md §5.1), with seeded random directions.</li>
 * <li>{@link org.curseofmemory.approx.Approximant}: the immutable result (rates, amplitudes, kernel,
 * L¹/L² errors on [0, ∞) tail included, slowest rate, tables).</li>
 * </ul>
 *
 * <p>Reference numbers [kit, measured with this package; docs/theory.md §4 gives the numpy values]:
 * e^{−t}cos t, β = 0.5, L¹ errors 0.259, 4.18e-2, 6.30e-3, 7.70e-4, 6.31e-5, 4.06e-6 for
 * m = 2, 4, 8, 16, 32, 64 (numpy: 0.26, 4.2e-2, 6.3e-3, 7.7e-4, 6.3e-5, 4.1e-6). (1+t)^{−(1+ω)}, m = 64,
 * β optimised: relative L¹ error 1.35e-3, 2.59e-2, 0.141 for ω = 1, 0.5, 0.25 with L² amplitudes
 * (1.14e-3, 2.22e-2, 0.124 with {@link org.curseofmemory.approx.FitNorm#L1}); numpy: 1.4e-3, 2.6e-2, 0.12.
 */
package org.curseofmemory.approx;

