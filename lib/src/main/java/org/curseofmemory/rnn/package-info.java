/**
 * The hypothesis space: continuous-time linear RNNs dh/dt = W h + U x, ŷ = cᵀh with Hurwitz W,
 * whose model kernel is ρ̂(s) = (cᵀe^{Ws}U)ᵀ, so that sup_t ‖H_t − Ĥ_t‖ = ‖ρ − ρ̂‖_{L¹} (Li, Han,
 * E &amp; Li 2021; docs/theory.md §2). {@link org.curseofmemory.rnn.LinearRnn} (the model, its
 * kernel, simulation), {@link org.curseofmemory.rnn.LinearFunctional} (any kernel as a functional,
 * by convolution quadrature), {@link org.curseofmemory.rnn.RnnSimulator} and
 * {@link org.curseofmemory.rnn.Trajectory}; and {@link org.curseofmemory.rnn.Reparameterization},
 * the maps λ = f(w) from a trainable parameter to an eigenvalue (direct, −e^w, −log(1+e^w),
 * −1/(aw²+b); Wang &amp; Li 2023, StableSSM, arXiv 2311.14495, and Wang, Li &amp; Li 2023, arXiv
 * 2305.19190, at summary level; docs/theory.md §5.2), used by the trainers and by
 * {@code approx.PerturbationError}.
 */
package org.curseofmemory.rnn;

