package org.curseofmemory.quad;

/**
 * What {@link HalfLineQuadrature} integrates: g(t) = Σ_i |f_i(t)| (L¹) or Σ_i f_i(t)² (L²²) on
 * [0, ∞), where each part f_i may be a difference of two functions, plus what is known about the
 * tail ∫_T^∞ g. Implementations throw {@link ArithmeticException} on a non-finite value.
 */
public interface HalfLineIntegrand {

    /** Number of parts f_i. */
    int parts();

    /** Whether g = Σ f_i² (true) or Σ |f_i| (false; then sign changes of each f_i are resolved). */
    boolean squared();

    /** Points where some f_i has a kink, jump or support end, sorted (not modified by the caller). */
    double[] breakpoints();

    /** What is integrated, for messages, e.g. "L1 norm of exp(-t)". */
    String description();

    /** Whether some part is a difference a − b (its tail is then only bounded, not known). */
    boolean isDistance();

    /** f_i(t) for the sign-change search, with values at floating-point noise level reported as 0. */
    double signPart(int i, double t);

    /** g(t); {@code magnitude[0]} receives the scale Σ(|a_i| + |b_i|) (or Σ(a_i² + b_i²)) of the parts. */
    double g(double t, double[] magnitude);

    /** Relative floating-point noise of g against its magnitude. */
    double noiseFactor();

    /** An interval [lo, hi] containing ∫_T^∞ g from exact tails, or null if unknown. */
    double[] tailInterval(double T);
}
