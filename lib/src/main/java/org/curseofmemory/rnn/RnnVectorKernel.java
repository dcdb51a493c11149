package org.curseofmemory.rnn;

import org.curseofmemory.kernel.VectorMemoryKernel;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * The model kernel ρ̂(t) = (cᵀ e^{Wt} U)ᵀ ∈ ℝ^d of a {@link LinearRnn} with d inputs (docs/theory.md §2),
 * so that ŷ_t = ∫₀^∞ x(t−s)ᵀ ρ̂(s) ds. Immutable and thread-safe.
 */
public final class RnnVectorKernel implements VectorMemoryKernel {
    private final KernelEvaluator evaluator;
    private final String name;
    private final LinearRnn rnn;
    private final KernelMethod method;

    RnnVectorKernel(KernelEvaluator evaluator, String name, LinearRnn rnn, KernelMethod method) {
        this.evaluator = evaluator;
        this.name = name;
        this.rnn = rnn;
        this.method = method;
    }

    @Override
    public int dimension() {
        return evaluator.dimension();
    }

    /** Component i of ρ̂ (0-based) as a scalar kernel. */
    @Override
    public RnnKernel component(int i) {
        Validate.inRange("kernel component i", i, 0, dimension() - 1);
        return new RnnKernel(evaluator, i, name + " component " + i, rnn, method);
    }

    /**
     * ρ̂(t) as a new array of length d (all components computed together).
     *
     * @param t time t ≥ 0 (finite)
     */
    @Override
    public double[] value(double t) {
        double[] out = new double[dimension()];
        valueInto(t, out);
        return out;
    }

    /** Writes ρ̂(t) into out (length ≥ d). */
    public void valueInto(double t, double[] out) {
        Validate.kernelTime(t);
        Validate.notNull("output out", out);
        if (out.length < dimension()) {
            throw new KitArgumentException("output out has length " + out.length + " but must have length >= d="
                    + dimension());
        }
        evaluator.valueInto(t, out);
    }

    /** How the kernel is evaluated, e.g. "eigen route". */
    public String method() {
        return evaluator.description();
    }

    /** A short name for legends. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "RnnVectorKernel[" + name + ", " + method() + "]";
    }
}
