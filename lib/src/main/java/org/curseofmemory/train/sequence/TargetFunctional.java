package org.curseofmemory.train.sequence;

import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.util.Validate;

/**
 * The target functional H that produces the training outputs y = H(x) from sampled input
 * sequences (docs/theory.md §1), with the same conventions as {@link DiscreteRnn}: input x_0..x_{K−1}
 * held constant on each interval of length Δt, output j is the value at time (j+1)Δt.
 * Implementations are immutable.
 */
public interface TargetFunctional {
    /**
     * Largest input length K a kernel target ({@link #ofKernel}) accepts per sequence: its cost is
     * O(K²), K²/2 = 8·10⁸ multiply-adds at the maximum (about a second).
     */
    int MAX_KERNEL_STEPS = 40_000;

    /** Input dimension d. */
    int inputDimension();

    /** The sample interval Δt the outputs refer to. */
    double dt();

    /** A short name for tables and messages. */
    String name();

    /**
     * The target outputs y_1..y_K for one input sequence.
     *
     * @param input flat input of length K·d, finite
     * @return a new array of length K
     */
    double[] outputs(double[] input);

    /**
     * The linear functional with memory kernel ρ (Riesz representation, docs/theory.md §1), applied
     * exactly to piecewise-constant input:
     * <pre>  y_j = Σ_{l=1}^{j+1} g_l x_{j+1−l},   g_l = ∫_{(l−1)Δt}^{lΔt} ρ(s) ds,  </pre>
     * with g_l by 3-point Gauss–Legendre quadrature ({@code quad.GaussLegendre.THREE}) on each cell
     * (history before x_0 is zero). Cost O(K²) per sequence, so an input may hold at most
     * {@link #MAX_KERNEL_STEPS} samples.
     *
     * @param rho the memory kernel, not null
     * @param dt  sample interval Δt &gt; 0
     */
    static TargetFunctional ofKernel(MemoryKernel rho, double dt) {
        Validate.notNull("memory kernel rho", rho);
        Validate.positive("sample interval dt", dt);
        return new KernelTarget(rho, dt);
    }

    /**
     * A fixed "teacher" RNN: y = the outputs of {@code teacher} with parameters {@code theta}
     * (any activation and discretisation).
     *
     * @param teacher the target network, not null
     * @param theta   its parameters (copied), length {@code teacher.parameterCount()}, finite
     */
    static TargetFunctional ofRnn(DiscreteRnn teacher, double[] theta) {
        Validate.notNull("teacher RNN", teacher);
        teacher.checkTheta(theta);
        return new RnnTarget(teacher, theta.clone());
    }
}
