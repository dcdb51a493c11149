package org.curseofmemory.signal;

import org.curseofmemory.util.KitArgumentException;
import java.util.Random;
import org.curseofmemory.util.Validate;

/**
 * The Lorenz-96 system (E. N. Lorenz, "Predictability: a problem partly solved", ECMWF seminar 1996;
 * Lorenz &amp; Emanuel, J. Atmos. Sci. 55, 1998), n variables on a ring:
 * <pre>  dx_i/dt = (x_{i+1} − x_{i−2}) x_{i−1} − x_i + F,   indices mod n,  </pre>
 * integrated with the classical fourth-order Runge–Kutta method (RK4). The curse-of-memory paper
 * (Li, Han, E &amp; Li, ICLR 2021 / JMLR 2022, optimization section; docs/theory.md §4.2, [summary]) uses
 * a Lorenz-96 system as its nonlinear experiment; its exact set-up is not confirmed, and the way
 * {@code train.sequence.Lorenz96Data} turns a trajectory into an input→output task is the kit's
 * [kit].
 *
 * <p>Published properties the tests check: x_i = F for all i is a fixed point; the advection term
 * conserves the energy E = ½ Σ x_i², so dE/dt = −2E + F Σ x_i ({@link #energyRate(double[])});
 * for F = 8 and n = 40 the fixed point is unstable and trajectories are chaotic, for small F
 * (F &lt; 8/9) it attracts. Immutable; no hidden randomness ({@link #randomState(long)} takes a seed).
 */
public final class Lorenz96 {
    /** Smallest ring accepted: the formula reaches two sites back and one forward. */
    public static final int MIN_DIMENSION = 4;
    /** Largest ring accepted. */
    public static final int MAX_DIMENSION = 100_000;
    /**
     * Largest work of one {@link #advance}/{@link #trajectory} call, in RK4 site-steps steps·n
     * (about 5 s at the ~50 ns per site-step of a shared 2-core machine).
     */
    public static final long MAX_SITE_STEPS = 100_000_000L;
    /** Largest number of values (steps + 1)·n one {@link #trajectory} may store (80 MB of doubles). */
    public static final long MAX_TRAJECTORY_VALUES = 10_000_000L;

    private final int n;
    private final double forcing;

    private Lorenz96(int n, double forcing) {
        this.n = n;
        this.forcing = forcing;
    }

    /**
     * @param dimension n, number of sites on the ring, in [4, 100000]
     * @param forcing   F, finite
     */
    public static Lorenz96 of(int dimension, double forcing) {
        Validate.inRange("Lorenz-96 dimension n", dimension, MIN_DIMENSION, MAX_DIMENSION);
        Validate.finite("Lorenz-96 forcing F", forcing);
        return new Lorenz96(dimension, forcing);
    }

    /** The number of sites n. */
    public int dimension() {
        return n;
    }

    /** The forcing F. */
    public double forcing() {
        return forcing;
    }

    /** The fixed point x_i = F (a new array). */
    public double[] fixedPoint() {
        double[] x = new double[n];
        java.util.Arrays.fill(x, forcing);
        return x;
    }

    /**
     * The right-hand side dx/dt at x (a new array).
     *
     * @param x state of length n, finite
     */
    public double[] derivative(double[] x) {
        checkState("state x", x);
        double[] out = new double[n];
        rhs(x, out);
        return out;
    }

    /** Energy E = ½ Σ x_i². @param x state of length n, finite */
    public double energy(double[] x) {
        checkState("state x", x);
        double e = 0;
        for (double v : x) e += v * v;
        return 0.5 * e;
    }

    /**
     * dE/dt = −2E + F Σ x_i along the flow (the quadratic advection term conserves E).
     *
     * @param x state of length n, finite
     */
    public double energyRate(double[] x) {
        checkState("state x", x);
        double s = 0, e = 0;
        for (double v : x) {
            s += v;
            e += v * v;
        }
        return -e + forcing * s;
    }

    /**
     * One RK4 step of size h from x (a new array).
     *
     * @param x state of length n, finite
     * @param h step h &gt; 0
     * @throws IllegalStateException if the new state is not finite (h too large for this F)
     */
    public double[] step(double[] x, double h) {
        checkState("state x", x);
        Validate.positive("RK4 step h", h);
        double[] y = x.clone();
        Work w = new Work(n);
        rk4(y, h, w);
        checkFinite(y, 1, h);
        return y;
    }

    /**
     * The trajectory x(0), x(h), …, x(steps·h) from x0 by RK4 with step h.
     *
     * @param x0    initial state of length n, finite
     * @param h     step h &gt; 0
     * @param steps number of steps ≥ 0, with steps·n ≤ {@link #MAX_SITE_STEPS} and (steps + 1)·n ≤
     *              {@link #MAX_TRAJECTORY_VALUES}
     * @return steps + 1 rows of length n
     * @throws IllegalStateException if the state stops being finite (h too large for this F)
     */
    public double[][] trajectory(double[] x0, double h, int steps) {
        checkState("initial state x0", x0);
        Validate.positive("RK4 step h", h);
        checkSteps(steps);
        if ((steps + 1L) * n > MAX_TRAJECTORY_VALUES) {
            throw new KitArgumentException("trajectory of steps=" + steps + " on n=" + n + " sites would store (steps + 1)·n="
                    + (steps + 1L) * n + " values, which must be <= MAX_TRAJECTORY_VALUES=" + MAX_TRAJECTORY_VALUES
                    + "; use advance(...) to skip ahead, or fewer steps");
        }
        double[][] out = new double[steps + 1][];
        double[] y = x0.clone();
        out[0] = y.clone();
        Work w = new Work(n);
        for (int k = 1; k <= steps; k++) {
            rk4(y, h, w);
            checkFinite(y, k, h);
            out[k] = y.clone();
        }
        return out;
    }

    /**
     * The state at time steps·h from x0 (RK4 with step h), without storing the path.
     *
     * @param x0    initial state of length n, finite
     * @param h     step h &gt; 0
     * @param steps number of steps ≥ 0, with steps·n ≤ {@link #MAX_SITE_STEPS}
     * @throws IllegalStateException if the state stops being finite
     */
    public double[] advance(double[] x0, double h, int steps) {
        checkState("initial state x0", x0);
        Validate.positive("RK4 step h", h);
        checkSteps(steps);
        double[] y = x0.clone();
        Work w = new Work(n);
        for (int k = 1; k <= steps; k++) {
            rk4(y, h, w);
            checkFinite(y, k, h);
        }
        return y;
    }

    /**
     * A reproducible state near the fixed point: x_i = F + 0.01·z_i, z_i standard normal from
     * {@code new Random(seed)} (the usual way to start Lorenz-96 runs; spin it up with
     * {@link #advance(double[], double, int)} to reach the attractor).
     */
    public double[] randomState(long seed) {
        Random rng = new Random(seed);
        double[] x = fixedPoint();
        for (int i = 0; i < n; i++) x[i] += 0.01 * rng.nextGaussian();
        return x;
    }

    @Override
    public String toString() {
        return "Lorenz96[n=" + n + ", F=" + forcing + "]";
    }

    private void rhs(double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            int ip1 = i + 1 == n ? 0 : i + 1;
            int im1 = i == 0 ? n - 1 : i - 1;
            int im2 = i >= 2 ? i - 2 : i - 2 + n;
            out[i] = (x[ip1] - x[im2]) * x[im1] - x[i] + forcing;
        }
    }

    private static final class Work {
        final double[] k1, k2, k3, k4, tmp;

        Work(int n) {
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            tmp = new double[n];
        }
    }

    private void rk4(double[] y, double h, Work w) {
        rhs(y, w.k1);
        for (int i = 0; i < n; i++) w.tmp[i] = y[i] + 0.5 * h * w.k1[i];
        rhs(w.tmp, w.k2);
        for (int i = 0; i < n; i++) w.tmp[i] = y[i] + 0.5 * h * w.k2[i];
        rhs(w.tmp, w.k3);
        for (int i = 0; i < n; i++) w.tmp[i] = y[i] + h * w.k3[i];
        rhs(w.tmp, w.k4);
        for (int i = 0; i < n; i++) y[i] += h / 6 * (w.k1[i] + 2 * w.k2[i] + 2 * w.k3[i] + w.k4[i]);
    }

    private void checkState(String what, double[] x) {
        Validate.notNull(what, x);
        if (x.length != n) {
            throw new KitArgumentException(what + " has length " + x.length + " but the ring has n=" + n + " sites");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                throw new KitArgumentException(what + "[" + i + "]=" + x[i] + " must be a finite number");
            }
        }
    }

    private void checkSteps(int steps) {
        Validate.atLeast("number of steps", steps, 0);
        if ((long) steps * n > MAX_SITE_STEPS) {
            throw new KitArgumentException("number of steps=" + steps + " on n=" + n + " sites is steps·n="
                    + (long) steps * n + " RK4 site-steps, which must be <= MAX_SITE_STEPS=" + MAX_SITE_STEPS
                    + "; use fewer steps (a larger h) or a smaller ring");
        }
    }

    private static void checkFinite(double[] y, int k, double h) {
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("Lorenz-96 state stopped being finite at step " + k
                        + " (RK4 step h=" + h + " too large)");
            }
        }
    }
}
