package org.curseofmemory.kernel;

import java.util.Optional;
import java.util.OptionalDouble;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Power-law (polynomially decaying, "long") memory ρ(t) = c·(1+t)^{−(1+ω)}, ω &gt; 0 (docs/theory.md §3, curse of
 * memory in approximation). No exponential rate β fits it, which is what makes it hard for linear RNNs.
 *
 * <p>Closed forms (exact, used by {@link Norms} for the tail):
 * ‖ρ‖_{L¹} = |c|/ω, ∫_T^∞ |ρ| = |c|(1+T)^{−ω}/ω (the [kit] tail-mass heuristic of docs/theory.md §3),
 * ‖ρ‖²_{L²} = c²/(1+2ω), ∫_T^∞ ρ² = c²(1+T)^{−(1+2ω)}/(1+2ω).
 * Derivatives: d^n/dt^n ρ = c·(−1)^n (1+ω)(2+ω)…(n+ω)·(1+t)^{−(1+ω+n)}, again a power law (with ω + n).
 */
public final class PowerLawKernel implements MemoryKernel {
    private final double amplitude;
    private final double omega;
    private final String name;

    private PowerLawKernel(double amplitude, double omega, String name) {
        this.amplitude = amplitude;
        this.omega = omega;
        this.name = name;
    }

    /**
     * ρ(t) = c·(1+t)^{−(1+ω)}, power-law memory (curse of memory, docs/theory.md §3).
     *
     * @param amplitude c, finite
     * @param omega     ω &gt; 0 (ω ≤ 0 is not integrable)
     */
    public static PowerLawKernel of(double amplitude, double omega) {
        Validate.finite("power-law amplitude c", amplitude);
        Validate.positive("power-law exponent omega", omega);
        return new PowerLawKernel(amplitude, omega, null);
    }

    /**
     * The amplitude c of ρ(t) = c·(1+t)^{−(1+ω)} (docs/theory.md §3).
     */
    public double amplitude() {
        return amplitude;
    }

    /**
     * The exponent ω of ρ(t) = c·(1+t)^{−(1+ω)}: smaller ω = longer memory (docs/theory.md §3).
     */
    public double omega() {
        return omega;
    }

    /**
     * The same power law (docs/theory.md §3) under a display name.
     *
     * @param newName non-null, non-blank
     */
    public PowerLawKernel withName(String newName) {
        Validate.notBlank("kernel name", newName);
        return new PowerLawKernel(amplitude, omega, newName);
    }

    @Override
    public MemoryKernel named(String newName) {
        return withName(newName);
    }

    @Override
    public PowerLawKernel times(double factor) {
        Validate.finite("scale factor", factor);
        return new PowerLawKernel(amplitude * factor, omega, name == null ? null : Kernels.format(factor) + "·" + name);
    }

    @Override
    public double value(double t) {
        Validate.kernelTime(t);
        return amplitude * Math.pow(1 + t, -(1 + omega));
    }

    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        String base = "(1+t)^-" + Kernels.format(1 + omega);
        return amplitude == 1.0 ? base : Kernels.format(amplitude) + "·" + base;
    }

    /**
     * ‖ρ‖_{L¹} = |c|/ω = sup_t ‖H_t‖ (closed form, docs/theory.md §1, §3).
     */
    public double exactL1() {
        return Math.abs(amplitude) / omega;
    }

    /**
     * ‖ρ‖_{L²} = |c|/√(1+2ω) (closed form, docs/theory.md §4).
     */
    public double exactL2() {
        return Math.abs(amplitude) / Math.sqrt(1 + 2 * omega);
    }

    @Override
    public OptionalDouble tailL1(double T) {
        if (!(T >= 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.abs(amplitude) * Math.pow(1 + T, -omega) / omega);
    }

    @Override
    public OptionalDouble tailL2Squared(double T) {
        if (!(T >= 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(amplitude * amplitude * Math.pow(1 + T, -(1 + 2 * omega)) / (1 + 2 * omega));
    }

    @Override
    public Optional<MemoryKernel> derivative(int order) {
        Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
        if (order == 0) {
            return Optional.of(this);
        }
        double c = amplitude;
        for (int k = 1; k <= order; k++) {
            c *= -(k + omega);
        }
        if (!Double.isFinite(c)) {
            throw new KitArgumentException("derivative order n=" + order + " of " + name()
                    + ": its coefficient overflows double precision; use a lower order");
        }
        String dn = "d" + (order == 1 ? "" : order) + "/dt" + (order == 1 ? "" : order) + " " + name();
        return Optional.of(new PowerLawKernel(c, omega + order, dn));
    }

    @Override
    public String toString() {
        return "PowerLawKernel[" + name() + "]";
    }
}
