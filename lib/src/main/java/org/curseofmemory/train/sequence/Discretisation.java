package org.curseofmemory.train.sequence;

/**
 * How the continuous-time RNN dh/dt = σ(W h + U x) is stepped over one sample interval Δt, with
 * the input held constant on [t_k, t_k + Δt) (zero-order hold, as for white noise sampled once per
 * step, docs/theory.md §4).
 */
public enum Discretisation {
    /**
     * Forward Euler: h_{k+1} = h_k + Δt σ(W h_k + U x_k). First-order accurate; works for every
     * activation. For the linear RNN the discrete impulse response is Δt cᵀ(I + ΔtW)^{l−1}U ≈
     * Δt ρ̂((l−1)Δt).
     */
    EULER,
    /**
     * Exact zero-order hold for the LINEAR RNN only: h_{k+1} = A h_k + B x_k with A = e^{WΔt} and
     * B = ∫₀^{Δt} e^{Ws} ds U (read off exp([[W, U], [0, 0]] Δt)), so that the discrete response
     * to piecewise-constant input equals the continuous one exactly: the impulse response at lag l
     * is ∫_{(l−1)Δt}^{lΔt} ρ̂(s) ds with ρ̂(s) = cᵀe^{Ws}U (docs/theory.md §2).
     */
    ZERO_ORDER_HOLD
}
