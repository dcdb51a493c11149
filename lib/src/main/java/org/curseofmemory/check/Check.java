package org.curseofmemory.check;

import java.io.PrintStream;
import java.util.Locale;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Checks that compute, for notebooks: compare a measured value with what the theory predicts,
 * print one short line when it holds, and throw a {@link CheckFailure} with a readable message
 * when it does not. This class is the one place in the library that writes to standard output:
 * reporting the check is its job. The methods return nothing, so a check that ends a cell adds no
output beyond its one line.

 * <pre>{@code
 * Check.near("L1 norm of e^{-2t}", Norms.l1(k), 0.5, 1e-9);
 * Check.atMost("Jackson bound at m = 32", error, bound);
 * }</pre>
 */
public final class Check {
    private static volatile PrintStream out = System.out;

    private Check() {
    }

    /** Where success lines go (standard output by default); tests may redirect it. */
    public static void reportTo(PrintStream stream) {
        out = Validate.notNull("stream", stream);
    }

    /** |measured − expected| ≤ tolerance. */
    public static void near(String what, double measured, double expected, double tolerance) {
        requireNumbers(what, measured, expected);
        Validate.nonNegative("tolerance", tolerance);
        double diff = Math.abs(measured - expected);
        if (!(diff <= tolerance)) {
            throw new CheckFailure(what + ": measured " + fmt(measured) + " but expected " + fmt(expected) + " ± " + fmt(tolerance)
                    + " (off by " + fmt(diff) + ")");
        }
        pass(what, "measured " + fmt(measured) + ", expected " + fmt(expected) + " ± " + fmt(tolerance));
    }

    /** |measured − expected| ≤ relativeTolerance · |expected|. */
    public static void relativelyNear(String what, double measured, double expected, double relativeTolerance) {
        requireNumbers(what, measured, expected);
        Validate.nonNegative("relativeTolerance", relativeTolerance);
        if (expected == 0) {
            throw new KitArgumentException("relativelyNear: expected=0 has no relative scale; use Check.near with an"
                    + " absolute tolerance for '" + what + "'");
        }
        double rel = Math.abs(measured - expected) / Math.abs(expected);
        if (!(rel <= relativeTolerance)) {
            throw new CheckFailure(what + ": measured " + fmt(measured) + " but expected " + fmt(expected) + " within "
                    + percent(relativeTolerance) + " (off by " + percent(rel) + ")");
        }
        pass(what, "measured " + fmt(measured) + ", expected " + fmt(expected) + " within " + percent(relativeTolerance)
                + " (off by " + percent(rel) + ")");
    }

    /** measured ≤ bound. */
    public static void atMost(String what, double measured, double bound) {
        requireNumbers(what, measured, bound);
        if (!(measured <= bound)) {
            throw new CheckFailure(what + ": measured " + fmt(measured) + " but it should be at most " + fmt(bound));
        }
        pass(what, fmt(measured) + " ≤ " + fmt(bound));
    }

    /** measured ≥ bound. */
    public static void atLeast(String what, double measured, double bound) {
        requireNumbers(what, measured, bound);
        if (!(measured >= bound)) {
            throw new CheckFailure(what + ": measured " + fmt(measured) + " but it should be at least " + fmt(bound));
        }
        pass(what, fmt(measured) + " ≥ " + fmt(bound));
    }

    /** lo ≤ measured ≤ hi. */
    public static void between(String what, double measured, double lo, double hi) {
        requireNumbers(what, measured, lo);
        requireNumbers(what, hi, hi);
        if (lo > hi) {
            throw new KitArgumentException("range [lo=" + lo + ", hi=" + hi + "] must have lo <= hi");
        }
        if (!(measured >= lo && measured <= hi)) {
            throw new CheckFailure(what + ": measured " + fmt(measured) + " but it should lie in [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        pass(what, fmt(measured) + " in [" + fmt(lo) + ", " + fmt(hi) + "]");
    }

    /** A condition that must hold; {@code explanation} says what it means when it does not. */
    public static void that(String what, boolean condition, String explanation) {
        if (!condition) {
            throw new CheckFailure(what + ": does not hold. " + Validate.notNull("explanation", explanation));
        }
        pass(what, "holds");
    }

    /** Every entry strictly increasing (e.g. steps against memory length). */
    public static void increasing(String what, double[] values) {
        Validate.finiteArray(what, values, 2);
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new CheckFailure(what + ": should increase, but entry " + i + " (" + fmt(values[i]) + ") is not above entry "
                        + (i - 1) + " (" + fmt(values[i - 1]) + ")");
            }
        }
        pass(what, "increases over all " + values.length + " entries");
    }

    /** Every entry strictly decreasing (e.g. an error against width). */
    public static void decreasing(String what, double[] values) {
        Validate.finiteArray(what, values, 2);
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] < values[i - 1])) {
                throw new CheckFailure(what + ": should decrease, but entry " + i + " (" + fmt(values[i]) + ") is not below entry "
                        + (i - 1) + " (" + fmt(values[i - 1]) + ")");
            }
        }
        pass(what, "decreases over all " + values.length + " entries");
    }

    private static void requireNumbers(String what, double a, double b) {
        Validate.notNull("check name", what);
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new CheckFailure(what + ": got a non-finite number (measured or expected is " + (Double.isFinite(a) ? b : a)
                    + "); the computation before this check went wrong");
        }
    }

    private static void pass(String what, String detail) {
        out.println("✔ " + what + ": " + detail);
    }

    /** Compact number formatting shared by the check messages: 4 significant digits. */
    static String fmt(double x) {
        if (x == 0 || (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5)) {
            return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", x).replaceAll("\\.?0+e", "e"); // 1.000e-06 -> 1e-06, 4.540e-05 -> 4.54e-05
    }

    static String percent(double r) {
        return String.format(Locale.ROOT, "%.2g%%", 100 * r);
    }

    static PrintStream out() {
        return out;
    }
}
