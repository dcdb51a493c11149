package org.curseofmemory.util;

import java.util.function.DoubleUnaryOperator;

/**
 * Small array helpers so that notebook cells show the idea, not loops: conversions to
 * {@code double[]}, evenly and log-evenly spaced axes, and element-wise maps. Every method returns
 * a new array and leaves its arguments unchanged.
 */
public final class DoubleArrays {
    private DoubleArrays() {
    }

    /** The ints as doubles, e.g. widths m or step indices for a plot axis. */
    public static double[] of(int... values) {
        Validate.notNull("values", values);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The longs as doubles. */
    public static double[] of(long... values) {
        Validate.notNull("values", values);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Largest number of points the axis builders return. */
    public static final int MAX_POINTS = 10_000_000;

    /** n ≥ 2 evenly spaced values from lo to hi (both included), lo ≤ hi finite, (hi − lo)(n − 1) finite. */
    public static double[] linear(double lo, double hi, int n) {
        Validate.ordered("axis", lo, hi);
        Validate.capped("number of points n", n, 2, MAX_POINTS);
        Validate.finite("axis length (hi - lo)·(n - 1)", (hi - lo) * (n - 1));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo + (hi - lo) * i / (n - 1);
        }
        return out;
    }

    /** The n ≥ 1 multiples 0, h, 2h, …, (n − 1)h of a finite step h (computed as i·h). */
    public static double[] uniform(double step, int n) {
        Validate.finite("step h", step);
        Validate.capped("number of points n", n, 1, MAX_POINTS);
        Validate.finite("last point (n - 1)·h", step * (n - 1));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = step * i;
        }
        return out;
    }

    /**
     * n ≥ 2 powers of ten 10^{e_i} with exponents e_i = from + (to − from)·i/(n − 1) evenly spaced
     * from {@code from} to {@code to} (finite, from ≤ to), e.g. {@code powersOfTen(-6, 0, 19)} for
     * three points per decade from 10⁻⁶ to 1.
     */
    public static double[] powersOfTen(double from, double to, int n) {
        Validate.inRange("exponent from", from, -300, 300);
        Validate.inRange("exponent to", to, -300, 300);
        Validate.ordered("exponent range", from, to);
        Validate.capped("number of points n", n, 2, MAX_POINTS);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(10, from + (to - from) * i / (n - 1));
        }
        return out;
    }

    /** n ≥ 2 log-evenly spaced values from lo to hi (both included), 0 &lt; lo ≤ hi ≤ 10³⁰⁰. */
    public static double[] logarithmic(double lo, double hi, int n) {
        Validate.positive("lo", lo);
        Validate.ordered("axis", lo, hi);
        Validate.inRange("hi", hi, lo, 1e300);
        Validate.capped("number of points n", n, 2, MAX_POINTS);
        double a = Math.log10(lo);
        double b = Math.log10(hi);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(10, a + (b - a) * i / (n - 1));
        }
        return out;
    }

    /** f applied to each value. */
    public static double[] map(double[] values, DoubleUnaryOperator f) {
        Validate.notNull("values", values);
        Validate.notNull("function", f);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return out;
    }
}
