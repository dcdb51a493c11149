package org.curseofmemory.signal;

import org.curseofmemory.util.KitArgumentException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.curseofmemory.train.sequence.WhiteNoise;
import org.curseofmemory.util.Validate;

/**
 * Factory of {@link InputSignal}s for the functionals and linear RNNs of docs/theory.md §1–§2.
 * Every signal made here is causal (zero for t &lt; 0) unless stated otherwise ({@link #of}).
 * Random signals take a seed: the same seed gives identical values, on every machine.
 */
public final class Signals {

    /**
     * Piecewise-constant signals use cells [kΔt − εΔt, (k+1)Δt − εΔt) with ε = 10⁻⁶, so that a time
     * computed as k·Δt lands in cell k despite floating-point rounding.
     */
    static final double CELL_TOLERANCE = 1e-6;

    private Signals() {
    }

    // ---------------------------------------------------------------- deterministic scalar signals

    /** The zero signal x ≡ 0 (d = 1). */
    public static InputSignal zero() {
        return zero(1);
    }

    /** The zero signal x ≡ 0 in ℝ^d. */
    public static InputSignal zero(int d) {
        Validate.atLeast("input dimension d", d, 1);
        return new Scaled(0.0, step(0, d), "zero" + (d == 1 ? "" : "(d=" + d + ")"));
    }

    /**
     * Unit step x(t) = 1_{t≥0} (d = 1). Its response is y(t) = ∫₀^t ρ(s) ds, so y'(t) = ρ(t)
     * (docs/theory.md §1).
     */
    public static InputSignal step() {
        return new Fn("step", t -> t >= 0 ? 1.0 : 0.0, true);
    }

    /**
     * Vector unit step x(t) = e_i·1_{t≥0} in ℝ^d, used to read off component i of the kernel:
     * y_i(t) = ∫₀^t ρ_i(s) ds (docs/theory.md §1, §3).
     *
     * @param i component in [0, d)
     * @param d input dimension ≥ 1
     */
    public static InputSignal step(int i, int d) {
        Validate.atLeast("input dimension d", d, 1);
        Validate.inRange("step component i", i, 0, d - 1);
        return new UnitStep(i, d);
    }

    /**
     * Rectangular pulse x(t) = height on [start, start + width), 0 elsewhere.
     *
     * @param start  start time ≥ 0
     * @param width  duration &gt; 0
     * @param height finite amplitude
     */
    public static InputSignal pulse(double start, double width, double height) {
        Validate.nonNegative("pulse start", start);
        Validate.positive("pulse width", width);
        Validate.finite("pulse height", height);
        double end = start + width;
        return new Fn("pulse[start=" + start + ", width=" + width + ", height=" + height + "]",
                t -> t >= start && t < end ? height : 0.0, true);
    }

    /**
     * Sine wave x(t) = sin(2π·freq·t + phase) for t ≥ 0, 0 for t &lt; 0.
     *
     * @param freq  frequency in cycles per unit time (finite; 0 gives the constant sin(phase))
     * @param phase phase in radians (finite)
     */
    public static InputSignal sine(double freq, double phase) {
        Validate.finite("sine frequency freq", freq);
        Validate.finite("sine phase", phase);
        double omega = 2 * Math.PI * freq;
        return new Fn("sine[freq=" + freq + ", phase=" + phase + "]",
                t -> t >= 0 ? Math.sin(omega * t + phase) : 0.0, true);
    }

    /**
     * Decaying exponential x(t) = e^{−rate·t} for t ≥ 0, 0 for t &lt; 0 (rate 0 gives the step).
     *
     * @param rate decay rate ≥ 0
     */
    public static InputSignal exponential(double rate) {
        Validate.nonNegative("exponential decay rate", rate);
        return new Fn("exp(-" + rate + " t)", t -> t >= 0 ? Math.exp(-rate * t) : 0.0, true);
    }

    /**
     * Piecewise-constant signal x(t) = values[k] on [kΔt, (k+1)Δt) for 0 ≤ k &lt; n, zero before 0 and
     * after nΔt. Cells start 10⁻⁶Δt early so that t = k·Δt computed in floating point lands in cell k.
     *
     * @param dt     cell width Δt &gt; 0
     * @param values cell values (copied), finite, length ≥ 1
     */
    public static InputSignal piecewiseConstant(double dt, double[] values) {
        Validate.positive("cell width dt", dt);
        Validate.finiteArray("piecewise-constant values", values, 1);
        double[] v = values.clone();
        return new Fn("piecewise constant[dt=" + dt + ", n=" + v.length + "]", t -> {
            long k = cell(t, dt);
            return k >= 0 && k < v.length ? v[(int) k] : 0.0;
        }, true);
    }

    // ---------------------------------------------------------------- random signals

    /**
     * Discrete white noise (d = 1): piecewise constant on cells [kΔt, (k+1)Δt), k ≥ 0, with i.i.d.
     * values N(0, 1/Δt); zero for t &lt; 0. With this input the expected squared output error of a
     * linear model equals Σ Δt (ρ − ρ̂)² ≈ ∫ (ρ − ρ̂)² ds (Itô isometry, docs/theory.md §4).
     * Values are generated on demand from (seed, k) by a counter-based hash, so any t can be read in
     * any order and the same seed gives identical values.
     *
     * @param dt   cell width Δt &gt; 0
     * @param seed random seed
     */
    public static InputSignal whiteNoise(double dt, long seed) {
        return whiteNoise(dt, seed, 1);
    }

    /**
     * Discrete white noise in ℝ^d: each component is an independent {@link #whiteNoise(double, long)}
     * with variance 1/Δt per cell (docs/theory.md §4).
     *
     * @param dt   cell width Δt &gt; 0
     * @param seed random seed
     * @param d    input dimension ≥ 1
     */
    public static InputSignal whiteNoise(double dt, long seed, int d) {
        Validate.positive("white-noise cell width dt", dt);
        Validate.atLeast("input dimension d", d, 1);
        return new WhiteNoise(dt, seed, d);
    }

    /**
     * Smooth random signal (d = 1): x(t) = √(2/K) Σ_{k=1}^{K} cos(ω_k t + φ_k) for t ≥ 0 and 0 for
     * t &lt; 0, with K = 64, ω_k ~ N(0, 1/τ²), φ_k ~ U[0, 2π) drawn from {@code new Random(seed)}.
     * As K → ∞ this is a stationary Gaussian process with unit variance and covariance
     * e^{−s²/(2τ²)} (random Fourier features), so τ is the correlation time. [kit]
     *
     * @param correlationTime τ &gt; 0
     * @param seed            random seed
     */
    public static InputSignal smoothRandom(double correlationTime, long seed) {
        Validate.positive("correlation time", correlationTime);
        int k = 64;
        Random random = new Random(seed);
        double[] omega = new double[k];
        double[] phi = new double[k];
        for (int j = 0; j < k; j++) {
            omega[j] = random.nextGaussian() / correlationTime;
            phi[j] = 2 * Math.PI * random.nextDouble();
        }
        double scale = Math.sqrt(2.0 / k);
        return new Fn("smooth random[tau=" + correlationTime + ", seed=" + seed + "]", t -> {
            if (t < 0) {
                return 0.0;
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += Math.cos(omega[j] * t + phi[j]);
            }
            return scale * s;
        }, true);
    }

    // ---------------------------------------------------------------- general constructions

    /**
     * A scalar signal from any function, taken as given for all t (NOT causal unless f vanishes for
     * t &lt; 0 and you call {@link InputSignal#causal()}).
     *
     * @param name legend name
     * @param f    x(t); must return finite values
     */
    public static InputSignal of(String name, DoubleUnaryOperator f) {
        Validate.notNull("signal name", name);
        Validate.notNull("signal function f", f);
        return new Fn(name, f, false);
    }

    /** The causal scalar signal x(t) = f(t)·1_{t≥0}. */
    public static InputSignal causal(String name, DoubleUnaryOperator f) {
        Validate.notNull("signal name", name);
        Validate.notNull("signal function f", f);
        return new Fn(name, t -> t >= 0 ? f.applyAsDouble(t) : 0.0, true);
    }

    /**
     * Stacks scalar signals into a vector signal x(t) = (x₁(t), …, x_d(t)).
     *
     * @param components scalar (d = 1) signals, at least one
     */
    public static InputSignal vector(InputSignal... components) {
        Validate.notNull("vector components", components);
        Validate.atLeast("number of vector components", components.length, 1);
        for (int i = 0; i < components.length; i++) {
            Validate.notNull("vector component " + i, components[i]);
            if (components[i].dimension() != 1) {
                throw new KitArgumentException("vector component " + i + " (" + components[i].name()
                        + ") must be scalar (d=1) but has dimension " + components[i].dimension());
            }
        }
        return new Stacked(components.clone());
    }

    /** The sum x₁ + … + x_n of signals of equal dimension (at least one). */
    public static InputSignal sum(InputSignal... terms) {
        Validate.notNull("summands", terms);
        Validate.atLeast("number of summands", terms.length, 1);
        for (int i = 0; i < terms.length; i++) {
            Validate.notNull("summand " + i, terms[i]);
            if (terms[i].dimension() != terms[0].dimension()) {
                throw new KitArgumentException("summand " + i + " (" + terms[i].name() + ") has dimension "
                        + terms[i].dimension() + " but summand 0 (" + terms[0].name() + ") has dimension "
                        + terms[0].dimension() + "; all summands must have the same dimension");
            }
        }
        return new Sum(terms.clone());
    }

    /** The scaled signal a·x(t). */
    public static InputSignal scaled(double factor, InputSignal x) {
        Validate.finite("scale factor", factor);
        Validate.notNull("signal", x);
        return new Scaled(factor, x, factor + "·" + x.name());
    }

    /** The delayed signal x(t − t₀); causal when x is causal and t₀ ≥ 0. */
    public static InputSignal delayed(InputSignal x, double delay) {
        Validate.notNull("signal", x);
        Validate.finite("delay t0", delay);
        return new Delayed(x, delay);
    }

    /** The causal truncation x(t)·1_{t≥0}. */
    public static InputSignal truncated(InputSignal x) {
        Validate.notNull("signal", x);
        return new Truncated(x);
    }

    // ---------------------------------------------------------------- helpers

    /** Cell index ⌊t/Δt + ε⌋ with ε = {@link #CELL_TOLERANCE}; negative for t &lt; 0 (up to ε). */
    static long cell(double t, double dt) {
        return (long) Math.floor(t / dt + CELL_TOLERANCE);
    }

    static double checkTime(double t) {
        return Validate.notNaN("time t", t);
    }

    static void checkIndex(InputSignal x, int i) {
        if (i < 0 || i >= x.dimension()) {
            throw new KitArgumentException("component index i=" + i + " must be in [0, " + (x.dimension() - 1)
                    + "] for " + x.name() + " (dimension d=" + x.dimension() + ")");
        }
    }

    /** SplitMix64 finaliser: a well-mixed 64-bit hash of z. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in (0, 1] from the 53 high bits of a hash. */
    static double unit(long h) {
        return ((h >>> 11) + 1) * 0x1.0p-53;
    }

    // ---------------------------------------------------------------- implementations

    private static final class Fn implements InputSignal {
        private final String name;
        private final DoubleUnaryOperator f;
        private final boolean causal;

        Fn(String name, DoubleUnaryOperator f, boolean causal) {
            this.name = name;
            this.f = f;
            this.causal = causal;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double component(int i, double t) {
            if (i != 0) {
                checkIndex(this, i);
            }
            return value(t);
        }

        @Override
        public double value(double t) {
            double v = f.applyAsDouble(checkTime(t));
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("signal " + name + " returned " + v + " at t=" + t
                        + "; signals must be finite");
            }
            return v;
        }

        @Override
        public boolean isCausal() {
            return causal;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "InputSignal[" + name + (causal ? ", causal" : "") + "]";
        }
    }

    private static final class UnitStep implements InputSignal {
        private final int index;
        private final int d;

        UnitStep(int index, int d) {
            this.index = index;
            this.d = d;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public double component(int i, double t) {
            checkIndex(this, i);
            return i == index && checkTime(t) >= 0 ? 1.0 : 0.0;
        }

        @Override
        public boolean isCausal() {
            return true;
        }

        @Override
        public String name() {
            return d == 1 ? "step" : "step(e_" + index + ", d=" + d + ")";
        }

        @Override
        public String toString() {
            return "InputSignal[" + name() + ", causal]";
        }
    }

    private static final class WhiteNoise implements InputSignal {
        private final double dt;
        private final long seed;
        private final long streamKey;
        private final int d;
        private final double sigma;

        WhiteNoise(double dt, long seed, int d) {
            this.dt = dt;
            this.seed = seed;
            this.streamKey = mix(seed ^ 0x5DEECE66DL);
            this.d = d;
            this.sigma = 1.0 / Math.sqrt(dt);
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public double component(int i, double t) {
            checkIndex(this, i);
            long k = cell(checkTime(t), dt);
            if (k < 0) {
                return 0.0;
            }
            long counter = 2 * (k * d + i);
            double u1 = unit(mix(streamKey + 0x9E3779B97F4A7C15L * (counter + 1)));
            double u2 = unit(mix(streamKey + 0x9E3779B97F4A7C15L * (counter + 2)));
            return sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        @Override
        public boolean isCausal() {
            return true;
        }

        @Override
        public String name() {
            return "white noise[dt=" + dt + ", seed=" + seed + (d == 1 ? "" : ", d=" + d) + "]";
        }

        @Override
        public String toString() {
            return "InputSignal[" + name() + ", causal]";
        }
    }

    private static final class Stacked implements InputSignal {
        private final InputSignal[] parts;

        Stacked(InputSignal[] parts) {
            this.parts = parts;
        }

        @Override
        public int dimension() {
            return parts.length;
        }

        @Override
        public double component(int i, double t) {
            checkIndex(this, i);
            return parts[i].value(t);
        }

        @Override
        public boolean isCausal() {
            return Arrays.stream(parts).allMatch(InputSignal::isCausal);
        }

        @Override
        public String name() {
            return Arrays.stream(parts).map(InputSignal::name).collect(Collectors.joining(", ", "(", ")"));
        }

        @Override
        public String toString() {
            return "InputSignal[" + name() + (isCausal() ? ", causal" : "") + "]";
        }
    }

    private static final class Sum implements InputSignal {
        private final InputSignal[] terms;

        Sum(InputSignal[] terms) {
            this.terms = terms;
        }

        @Override
        public int dimension() {
            return terms[0].dimension();
        }

        @Override
        public double component(int i, double t) {
            double s = 0;
            for (InputSignal x : terms) {
                s += x.component(i, t);
            }
            return s;
        }

        @Override
        public boolean isCausal() {
            return Arrays.stream(terms).allMatch(InputSignal::isCausal);
        }

        @Override
        public String name() {
            return Arrays.stream(terms).map(InputSignal::name).collect(Collectors.joining(" + "));
        }

        @Override
        public String toString() {
            return "InputSignal[" + name() + (isCausal() ? ", causal" : "") + "]";
        }
    }

    private static final class Scaled implements InputSignal {
        private final double factor;
        private final InputSignal x;
        private final String name;

        Scaled(double factor, InputSignal x, String name) {
            this.factor = factor;
            this.x = x;
            this.name = name;
        }

        @Override
        public int dimension() {
            return x.dimension();
        }

        @Override
        public double component(int i, double t) {
            return factor * x.component(i, t);
        }

        @Override
        public boolean isCausal() {
            return x.isCausal();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "InputSignal[" + name + (isCausal() ? ", causal" : "") + "]";
        }
    }

    private static final class Delayed implements InputSignal {
        private final InputSignal x;
        private final double delay;

        Delayed(InputSignal x, double delay) {
            this.x = x;
            this.delay = delay;
        }

        @Override
        public int dimension() {
            return x.dimension();
        }

        @Override
        public double component(int i, double t) {
            return x.component(i, checkTime(t) - delay);
        }

        @Override
        public boolean isCausal() {
            return x.isCausal() && delay >= 0;
        }

        @Override
        public String name() {
            return x.name() + " delayed by " + delay;
        }

        @Override
        public String toString() {
            return "InputSignal[" + name() + (isCausal() ? ", causal" : "") + "]";
        }
    }

    private static final class Truncated implements InputSignal {
        private final InputSignal x;

        Truncated(InputSignal x) {
            this.x = x;
        }

        @Override
        public int dimension() {
            return x.dimension();
        }

        @Override
        public double component(int i, double t) {
            checkIndex(this, i);
            return checkTime(t) >= 0 ? x.component(i, t) : 0.0;
        }

        @Override
        public boolean isCausal() {
            return true;
        }

        @Override
        public String name() {
            return x.name();
        }

        @Override
        public String toString() {
            return "InputSignal[" + name() + ", causal]";
        }
    }
}
