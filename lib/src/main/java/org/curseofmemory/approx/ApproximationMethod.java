package org.curseofmemory.approx;

/** How the rates of an {@link Approximant} were chosen. */
public enum ApproximationMethod {
    /**
     * Jackson construction, docs/theory.md §3: rates on the grid kβ, k = 1..m, amplitudes by least
     * squares in the variable s = e^{−βt} (Chebyshev basis).
     */
    JACKSON,
    /** Free rates, docs/theory.md §3 "two-sided truth" [kit]: log-spaced rates, least-squares amplitudes. */
    LOG_SPACED_RATES,
    /**
     * Free rates [kit]: log-rates optimised by variable projection (Levenberg–Marquardt on the
     * log-rates, amplitudes eliminated by least squares), started from log-spaced rates.
     */
    OPTIMIZED_RATES,
    /** Rates and amplitudes given by the caller ({@link Approximant#of}). */
    GIVEN
}
