package org.curseofmemory.rnn;

import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.util.Validate;

/**
 * One component of the model kernel of a {@link LinearRnn}: ρ̂_j(t) = cᵀ e^{Wt} U e_j (REFERENCE §2);
 * for scalar input (d = 1) this is the whole kernel ρ̂(t) = cᵀ e^{Wt} U. Immutable and thread-safe;
 * everything independent of t is precomputed, so sampling on thousands of points is cheap.
 */
public final class RnnKernel implements MemoryKernel {
    private final KernelEvaluator evaluator;
    private final int component;
    private final String name;

    RnnKernel(KernelEvaluator evaluator, int component, String name) {
        this.evaluator = evaluator;
        this.component = component;
        this.name = name;
    }

    /**
     * ρ̂_j(t).
     *
     * @param t time t ≥ 0 (finite)
     * @throws IllegalArgumentException for t &lt; 0, NaN or infinite t
     */
    @Override
    public double value(double t) {
        if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("kernel time t=" + t
                    + " must be finite and >= 0 (a memory kernel is defined on [0, ∞))");
        }
        return evaluator.component(component, t);
    }

    /** ρ̂_j at each of the given times (a new array). */
    public double[] sample(double[] times) {
        Validate.notNull("times", times);
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = value(times[i]);
        }
        return out;
    }

    /** How the kernel is evaluated, e.g. "eigen route" or "matrix-exponential route". */
    public String method() {
        return evaluator.description();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "RnnKernel[" + name + ", " + method() + "]";
    }
}
