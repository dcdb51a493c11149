package org.curseofmemory.approx;

import org.curseofmemory.kernel.MemoryKernel;

/**
 * Package-private: a target kernel measured once per solve, in one place. Its L¹ and L² norms on
 * [0, ∞) (tail included, {@link ErrorNorms}) are computed when it is created, its samples on the
 * {@link FitGrid} and the mass quantiles derived from them on first use; every solver of this
 * package reads them from here instead of re-entering the target.
 */
final class MeasuredTarget {
    final MemoryKernel kernel;
    final double l1;
    final double l2;
    private double[] samples;

    private MeasuredTarget(MemoryKernel kernel) {
        this.kernel = kernel;
        this.l1 = ErrorNorms.targetL1(kernel);
        this.l2 = ErrorNorms.targetL2(kernel);
    }

    /** ‖ρ‖₁ and ‖ρ‖₂ of {@code target}; fails loudly if it is not integrable or is zero. */
    static MeasuredTarget of(MemoryKernel target) {
        return new MeasuredTarget(target);
    }

    /** ρ on the fit grid's nodes (computed once). */
    double[] fitSamples() {
        if (samples == null) {
            samples = FitGrid.sample(kernel);
        }
        return samples;
    }

    /** The lag by which the fraction q of ∫|ρ| has accumulated ({@link FitGrid#massQuantile}). */
    double massQuantile(double q) {
        return FitGrid.massQuantile(kernel, fitSamples(), q);
    }
}
