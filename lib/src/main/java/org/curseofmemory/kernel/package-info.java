/**
 * Memory kernels ρ and their norms. A linear, continuous, causal, regular, time-homogeneous
 * functional is a convolution H_t(x) = ∫₀^∞ x(t−s)ᵀρ(s) ds with sup_t ‖H_t‖ = ‖ρ‖_{L¹} (Riesz
 * representation; Li, Han, E &amp; Li 2021, ICLR, arXiv 2009.07799, extended in JMLR 23(42), 2022;
 * docs/theory.md §1). Here: the {@link org.curseofmemory.kernel.MemoryKernel} interface and its
 * closed-form families ({@link org.curseofmemory.kernel.Kernels}: exponential, damped cosine, power
 * law, Airy Ai(t − t₀), bumps), the one exponential-sum core
 * {@link org.curseofmemory.kernel.ExpSumKernel} (the kernel of a linear RNN, with exact tails,
 * derivatives and Gram sums, also in the stable shifted-Chebyshev form of the Jackson construction,
 * {@link org.curseofmemory.kernel.ShiftedChebyshev}), and {@link org.curseofmemory.kernel.Norms}
 * (L¹/L² norms and distances on [0, ∞) or [0, T]; the integration itself lives in {@code quad}).
 */
package org.curseofmemory.kernel;

