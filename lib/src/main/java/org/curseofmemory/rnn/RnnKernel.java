package org.curseofmemory.rnn;

import java.util.Optional;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One component of the model kernel of a {@link LinearRnn}: ρ̂_j(t) = cᵀ e^{Wt} U e_j (docs/theory.md §2);
 * for scalar input (d = 1) this is the whole kernel ρ̂(t) = cᵀ e^{Wt} U. Immutable and thread-safe;
 * everything independent of t is precomputed, so sampling on thousands of points is cheap.
 */
public final class RnnKernel implements MemoryKernel {
    private final KernelEvaluator evaluator;
    private final int component;
    private final String name;
    private final LinearRnn rnn;
    private final KernelMethod method;

    RnnKernel(KernelEvaluator evaluator, int component, String name, LinearRnn rnn, KernelMethod method) {
        this.evaluator = evaluator;
        this.component = component;
        this.name = name;
        this.rnn = rnn;
        this.method = method;
    }

    /**
     * ρ̂_j(t).
     *
     * @param t time t ≥ 0 (finite)
     * @throws IllegalArgumentException for t &lt; 0, NaN or infinite t
     */
    @Override
    public double value(double t) {
        Validate.kernelTime(t);
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

    /**
     * The exact derivative ρ̂_j^{(n)}(t) = cᵀ Wⁿ e^{Wt} U e_j, itself the kernel of the RNN (W, U, (Wᵀ)ⁿc).
     * Step responses satisfy y^{(k)} = ρ̂^{(k−1)}, the quantities of the Jackson-type rate (docs/theory.md §1, §3).
     *
     * @param order n in [0, {@link MemoryKernel#MAX_DERIVATIVE_ORDER}] (0 returns this kernel)
     * @throws IllegalArgumentException also if (Wᵀ)ⁿc overflows
     */
    @Override
    public Optional<MemoryKernel> derivative(int order) {
        Validate.capped("derivative order", order, 0, MemoryKernel.MAX_DERIVATIVE_ORDER);
        if (order == 0) {
            return Optional.of(this);
        }
        DMatrixRMaj w = rnn.w();
        DMatrixRMaj c = rnn.cColumn().copy();
        DMatrixRMaj next = new DMatrixRMaj(c.numRows, 1);
        for (int k = 0; k < order; k++) {
            CommonOps_DDRM.multTransA(w, c, next);
            DMatrixRMaj swap = c;
            c = next;
            next = swap;
        }
        for (int i = 0; i < c.numRows; i++) {
            if (!Double.isFinite(c.get(i, 0))) {
                throw new KitArgumentException("derivative order=" + order + " overflows: (Wᵀ)ⁿc is not finite; use a"
                        + " lower order");
            }
        }
        KernelEvaluator e = KernelEvaluator.build(w, rnn.u(), c, method);
        return Optional.of(new RnnKernel(e, component, name + " derivative " + order, rnn, method));
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
