package org.curseofmemory.approx;

import java.util.ArrayList;
import java.util.List;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.quad.AdaptiveQuadrature;
import org.curseofmemory.quad.GaussLegendre;
import org.curseofmemory.quad.Grid;
import org.curseofmemory.util.Validate;

/**
 * Package-private quadrature grid on [0, 10¹⁴] for least-squares fits in the time variable
 * ({@link Grid#gaussLegendre}): composite 6-point Gauss–Legendre on panels that grow geometrically (ratio 1.5) from 10⁻⁶, with
 * width capped at 0.5 below t = 50 so that oscillating targets (e^{−t}cos t, Airy) are resolved.
 * Σ w_i f(t_i) ≈ ∫₀^{10¹⁴} f dt. About 1200 nodes.
 */
final class FitGrid {
    static final double END = 1e14;
    /** The grid: 6-point Gauss–Legendre on the panels described above. */
    static final Grid GRID;
    static final double[] NODES;
    static final double[] WEIGHTS;

    static {
        List<Double> ends = new ArrayList<>();
        ends.add(0.0);
        double a = 1e-6;
        ends.add(a);
        while (a < END) {
            double width = 0.5 * a;
            if (a < 50) {
                width = Math.min(width, 0.5);
            }
            a = Math.min(a + width, END);
            ends.add(a);
        }
        GRID = Grid.gaussLegendre(ends.stream().mapToDouble(Double::doubleValue).toArray(), GaussLegendre.SIX);
        NODES = GRID.nodes();
        WEIGHTS = GRID.weights();
    }

    private FitGrid() {
    }

    /** ρ on the nodes, failing loudly on a non-finite value. */
    static double[] sample(MemoryKernel target) {
        double[] y = new double[NODES.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = target.value(NODES[i]);
            Validate.kernelValue(target.name(), NODES[i], y[i]);
        }
        return y;
    }

    /**
     * The lag t_q by which the fraction q of the memory mass ∫₀^∞|ρ| has accumulated. The mass is
     * measured with this grid's own quadrature (so that quadrature error cannot stop the cumulative
     * sum short of q), plus the tail beyond {@link #END} (closed form if the kernel knows it, else a
     * power-law extrapolation). Returns {@link #END} if q lies in that tail.
     */
    static double massQuantile(MemoryKernel target, double[] samples, double q) {
        double grid = 0;
        for (int i = 0; i < NODES.length; i++) {
            grid += WEIGHTS[i] * Math.abs(samples[i]);
        }
        java.util.OptionalDouble known = target.tailL1(END);
        double tail = known.isPresent() ? known.getAsDouble()
                : AdaptiveQuadrature.powerLawTail(t -> Math.abs(target.value(t)), END);
        if (!Double.isFinite(tail)) {
            return END;
        }
        double goal = q * (grid + tail);
        double cum = 0;
        for (int i = 0; i < NODES.length; i++) {
            cum += WEIGHTS[i] * Math.abs(samples[i]);
            if (cum >= goal) {
                return NODES[i];
            }
        }
        return END;
    }
}
