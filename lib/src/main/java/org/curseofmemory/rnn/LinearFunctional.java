package org.curseofmemory.rnn;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.kernel.MemoryKernel;
import org.curseofmemory.kernel.VectorMemoryKernel;
import org.curseofmemory.quad.Composite;
import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.util.Validate;

/**
 * The linear functional of a memory kernel (Riesz representation, docs/theory.md §1):
 * <pre>
 *   H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds,   sup_t ‖H_t‖ = ‖ρ‖_{L¹} = ∫₀^∞ |ρ(s)|₁ ds,
 * </pre>
 * for any {@link MemoryKernel} (d = 1) or {@link VectorMemoryKernel}, evaluated by quadrature.
 *
 * <p><b>Integration range.</b> For a causal input (x = 0 before 0, every signal from
 * {@code Signals}) the integrand vanishes for s &gt; t, so s runs over [0, t] (and H_t(x) = 0 for t ≤ 0).
 * For a non-causal input the lag integral must be truncated: set {@link #withHorizon(double)} S, and s
 * runs over [0, S]. A horizon also truncates causal inputs at min(t, S).
 *
 * <p><b>Quadrature.</b> Composite Simpson rule with step h ≤ {@link #quadratureStep()} (a 3/8 panel when
 * the number of intervals is odd, a Simpson panel on the last partial interval). The error is O(h⁴) when
 * s ↦ x(t−s)ρ(s) is smooth on the range; jumps of x inside the range (pulses, white noise, a delayed step)
 * or kinks of ρ reduce it to O(h). Immutable.
 */
public final class LinearFunctional implements Functional {

    /** Default quadrature step h. */
    public static final double DEFAULT_QUADRATURE_STEP = 1e-3;
    /** Largest number of quadrature intervals per output time (or of lag samples). */
    public static final int MAX_NODES = 10_000_000;

    private final Sampler kernel;
    private final double step;
    private final double horizon; // NaN: none

    private LinearFunctional(Sampler kernel, double step, double horizon) {
        this.kernel = kernel;
        this.step = step;
        this.horizon = horizon;
    }

    /** H_t(x) = ∫₀^∞ x(t−s) ρ(s) ds for scalar input. */
    public static LinearFunctional of(MemoryKernel rho) {
        Validate.notNull("memory kernel rho", rho);
        return new LinearFunctional(new Sampler(rho, null), DEFAULT_QUADRATURE_STEP, Double.NaN);
    }

    /** H_t(x) = ∫₀^∞ x(t−s)ᵀ ρ(s) ds for input in ℝ^d. */
    public static LinearFunctional of(VectorMemoryKernel rho) {
        Validate.notNull("memory kernel rho", rho);
        Validate.atLeast("kernel dimension d", rho.dimension(), 1);
        return new LinearFunctional(new Sampler(null, rho), DEFAULT_QUADRATURE_STEP, Double.NaN);
    }

    /** The functional of a linear RNN's model kernel ρ̂ (docs/theory.md §2); W must be Hurwitz. */
    public static LinearFunctional of(LinearRnn rnn) {
        Validate.notNull("rnn", rnn);
        return rnn.functional();
    }

    /** A copy with quadrature step h &gt; 0 (default {@value #DEFAULT_QUADRATURE_STEP}). */
    public LinearFunctional withQuadratureStep(double h) {
        return new LinearFunctional(kernel, Validate.positive("quadrature step h", h), horizon);
    }

    /** A copy that truncates the lag integral at s ≤ S (needed for non-causal inputs). */
    public LinearFunctional withHorizon(double s) {
        return new LinearFunctional(kernel, step, Validate.positive("lag horizon S", s));
    }

    /** A copy without lag truncation. */
    public LinearFunctional withoutHorizon() {
        return new LinearFunctional(kernel, step, Double.NaN);
    }

    /** The largest quadrature step h. */
    public double quadratureStep() {
        return step;
    }

    /** The lag horizon S, or NaN when there is none. */
    public double horizon() {
        return horizon;
    }

    @Override
    public int inputDimension() {
        return kernel.d;
    }

    @Override
    public String name() {
        return "H[" + kernel.name() + "]";
    }

    /**
     * H_t(x) = ∫ x(t−s)ᵀ ρ(s) ds over s ∈ [0, L], L = t (causal x), min(t, S) or S (see the class doc).
     *
     * @param x input of dimension d (non-causal inputs need a horizon)
     * @param t finite time
     */
    @Override
    public double apply(InputSignal x, double t) {
        return apply(x, new double[]{Validate.finite("time t", t)})[0];
    }

    /**
     * H_t(x) at each time; the kernel is sampled once on a lag grid of step h and reused for all times.
     * For a uniform output grid prefer {@link #outputs(InputSignal, double, double)}, which also samples x
     * only once.
     */
    @Override
    public double[] apply(InputSignal x, double[] times) {
        checkInput(x);
        Validate.notNull("times", times);
        double maxL = 0;
        for (int k = 0; k < times.length; k++) {
            Validate.finite("times[" + k + "]", times[k]);
            maxL = Math.max(maxL, range(x, times[k]));
        }
        checkNodes(maxL / step);
        int jMax = (int) Math.floor(maxL / step);
        int d = kernel.d;
        double[][] ks = kernel.sampleUniform(step, jMax); // ks[j][i] = ρ_i(j h)
        double[] rho = new double[d];
        double[] out = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            double len = range(x, t);
            if (len <= 0) {
                out[k] = 0;
                continue;
            }
            int n = (int) Math.floor(len / step * (1 + 1e-12));
            n = Math.min(n, jMax);
            double sum = 0;
            if (n >= 1) {
                for (int i = 0; i < d; i++) {
                    final int comp = i;
                    sum += Composite.simpson(n, step, j -> ks[j][comp] * x.component(comp, t - j * step));
                }
            }
            double rest = len - n * step;
            if (rest > 1e-12 * step) {
                // Simpson panel on [n h, L] with fresh kernel values
                double a = n * step;
                double mid = a + rest / 2;
                for (int i = 0; i < d; i++) {
                    double f0 = ks[n][i] * x.component(i, t - a);
                    kernel.valueInto(mid, rho);
                    double f1 = rho[i] * x.component(i, t - mid);
                    kernel.valueInto(len, rho);
                    double f2 = rho[i] * x.component(i, t - len);
                    sum += rest / 6 * (f0 + 4 * f1 + f2);
                }
            }
            out[k] = sum;
        }
        return out;
    }

    /**
     * H_t(x) on the uniform grid t_k = kΔt, k = 0..N, N = round(T/Δt), as a {@link Trajectory} (no states).
     * Both x and ρ are sampled once on a fine grid of step h = Δt/r ≤ {@link #quadratureStep()}, so the
     * cost is O(N²r) multiply-adds. With a horizon S the lag range is rounded to a multiple of h.
     *
     * @param x    input of dimension d
     * @param tEnd end time T &gt; 0
     * @param dt   output spacing Δt in (0, T]
     */
    public Trajectory outputs(InputSignal x, double tEnd, double dt) {
        checkInput(x);
        Validate.positive("end time T", tEnd);
        Validate.positive("output spacing dt", dt);
        Validate.atMost("output spacing dt", dt, "end time T", tEnd);
        double ratio = tEnd / dt;
        checkNodes(ratio);
        int nOut = (int) Math.round(ratio);
        int r = Math.max(1, (int) Math.ceil(dt / step - 1e-9));
        double h = dt / r;
        long fine = (long) nOut * r;
        boolean causal = x.isCausal();
        long lagMax = Double.isNaN(horizon) ? fine : Math.min(causal ? fine : Long.MAX_VALUE, Math.round(horizon / h));
        checkNodes(fine + (causal ? 0 : lagMax));
        checkNodes(lagMax);
        int jMax = (int) lagMax;
        int offset = causal ? 0 : jMax; // xs[i + offset] = x(i h), i from -offset to fine
        int d = kernel.d;
        double[][] ks = kernel.sampleUniform(h, jMax);
        double[][] xs = new double[d][(int) (fine + offset + 1)];
        double[] tmp = new double[d];
        for (int i = -offset; i <= fine; i++) {
            x.valueInto(i * h, tmp);
            for (int c = 0; c < d; c++) {
                xs[c][i + offset] = tmp[c];
            }
        }
        double[] times = new double[nOut + 1];
        double[] ys = new double[nOut + 1];
        for (int k = 0; k <= nOut; k++) {
            times[k] = k * dt;
            int top = k * r + offset;   // index of x(t_k)
            int n = causal ? Math.min(k * r, jMax) : jMax;
            double sum = 0;
            if (n >= 1) {
                for (int c = 0; c < d; c++) {
                    final double[] xc = xs[c];
                    final int comp = c;
                    sum += Composite.simpson(n, h, j -> ks[j][comp] * xc[top - j]);
                }
            }
            ys[k] = sum;
        }
        return new Trajectory(times, ys, null, null, dt, "convolution quadrature (h=" + h + ")",
                Trajectory.Status.COMPLETED, tEnd);
    }

    /**
     * The worst-case input for time t, x_i(t−s) = sign ρ_i(s) for 0 ≤ s ≤ L (L = t, or min(t, S) with a
     * horizon) and x = 0 elsewhere; causal, with sup norm 1. It attains H_t(x) = ∫₀^L |ρ(s)|₁ ds, which tends
     * to ‖H‖ = ‖ρ‖_{L¹} as t → ∞ (docs/theory.md §1).
     *
     * @param t time t &gt; 0
     */
    public InputSignal worstCaseInput(double t) {
        Validate.positive("time t", t);
        double len = Double.isNaN(horizon) ? t : Math.min(t, horizon);
        Sampler k = kernel;
        return new InputSignal() {
            @Override
            public int dimension() {
                return k.d;
            }

            @Override
            public double component(int i, double tau) {
                Validate.inRange("component index i", i, 0, k.d - 1);
                Validate.notNaN("time t", tau);
                double s = t - tau;
                if (tau < 0 || s < 0 || s > len) {
                    return 0.0;
                }
                return Math.signum(k.component(i, s));
            }

            @Override
            public boolean isCausal() {
                return true;
            }

            @Override
            public String name() {
                return "worst-case input for t=" + t + " of " + k.name();
            }

            @Override
            public String toString() {
                return "InputSignal[" + name() + ", causal]";
            }
        };
    }

    /**
     * H_t at the worst-case input: ∫₀^L |ρ(s)|₁ ds with L = t (or min(t, S)), a lower bound of
     * ‖H‖ = ‖ρ‖_{L¹} that converges to it as t → ∞ (docs/theory.md §1). Computed directly by the same quadrature.
     *
     * @param t time t &gt; 0
     */
    public double worstCaseOutput(double t) {
        Validate.positive("time t", t);
        double len = Double.isNaN(horizon) ? t : Math.min(t, horizon);
        checkNodes(len / step);
        int n = Math.max(2, (int) Math.ceil(len / step));
        double h = len / n;
        double[][] ks = kernel.sampleUniform(h, n);
        return Composite.simpson(n, h, j -> {
            double s = 0;
            for (double v : ks[j]) {
                s += Math.abs(v);
            }
            return s;
        });
    }

    // ------------------------------------------------------------------ helpers

    private void checkInput(InputSignal x) {
        Validate.notNull("input signal x", x);
        if (x.dimension() != kernel.d) {
            throw new KitArgumentException("input signal x (" + x.name() + ") has dimension " + x.dimension()
                    + " but the kernel " + kernel.name() + " has dimension d=" + kernel.d);
        }
        if (!x.isCausal() && Double.isNaN(horizon)) {
            throw new KitArgumentException("input signal x (" + x.name() + ") is not causal (it may be nonzero"
                    + " for t < 0), so the lag integral over [0, ∞) must be truncated: use withHorizon(S),"
                    + " or make x causal with x.causal()");
        }
    }

    /** Length of the lag range at time t. */
    private double range(InputSignal x, double t) {
        if (x.isCausal()) {
            double len = Math.max(0, t);
            return Double.isNaN(horizon) ? len : Math.min(len, horizon);
        }
        return horizon;
    }

    private static void checkNodes(double n) {
        if (n > MAX_NODES) {
            throw new KitArgumentException("the quadrature needs " + Math.round(n) + " intervals, more than the cap of "
                    + MAX_NODES + "; increase the quadrature step / output spacing, shorten T or set a smaller horizon");
        }
    }

    /** Uniform access to scalar and vector kernels, checking that values are finite. */
    private static final class Sampler {
        private final MemoryKernel scalar;
        private final VectorMemoryKernel vector;
        final int d;

        Sampler(MemoryKernel scalar, VectorMemoryKernel vector) {
            this.scalar = scalar;
            this.vector = vector;
            this.d = scalar != null ? 1 : vector.dimension();
        }

        String name() {
            if (scalar != null) {
                return scalar.name();
            }
            return vector instanceof RnnVectorKernel ? ((RnnVectorKernel) vector).name() : "vector kernel (d=" + d + ")";
        }

        double component(int i, double s) {
            double v = scalar != null ? scalar.value(s) : vector.component(i).value(s);
            return check(v, s);
        }

        void valueInto(double s, double[] out) {
            if (scalar != null) {
                out[0] = check(scalar.value(s), s);
            } else if (vector instanceof RnnVectorKernel) {
                ((RnnVectorKernel) vector).valueInto(s, out);
                for (int i = 0; i < d; i++) {
                    check(out[i], s);
                }
            } else {
                double[] v = vector.value(s);
                for (int i = 0; i < d; i++) {
                    out[i] = check(v[i], s);
                }
            }
        }

        /** ks[j][i] = ρ_i(j h) for j = 0..n. */
        double[][] sampleUniform(double h, int n) {
            double[][] ks = new double[n + 1][d];
            for (int j = 0; j <= n; j++) {
                valueInto(j * h, ks[j]);
            }
            return ks;
        }

        private double check(double v, double s) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("memory kernel " + name() + " returned " + v + " at s=" + s
                        + "; kernels must be finite on [0, ∞)");
            }
            return v;
        }
    }

    @Override
    public String toString() {
        return "LinearFunctional[" + kernel.name() + ", h=" + step
                + (Double.isNaN(horizon) ? "" : ", horizon " + horizon) + "]";
    }
}
