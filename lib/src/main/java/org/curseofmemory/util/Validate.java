package org.curseofmemory.util;

/**
 * Argument checks used at every public entry of the library. Each failure throws
 * {@link IllegalArgumentException} with a message naming the parameter, its value and the
 * expected range, e.g. {@code "decay rate beta=-0.5 must be > 0"}.
 */
public final class Validate {
    private Validate() {
    }

    /** Requires a finite value; {@code what} names the parameter, e.g. "decay rate beta". */
    public static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new KitArgumentException(what + "=" + value + " must be a finite number");
        }
        return value;
    }

    /** Requires {@code value > 0} and finite. */
    public static double positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new KitArgumentException(what + "=" + value + " must be > 0");
        }
        return value;
    }

    /** Requires {@code value >= 0} and finite. */
    public static double nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new KitArgumentException(what + "=" + value + " must be >= 0");
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static double inRange(String what, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new KitArgumentException(what + "=" + value + " must be in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new KitArgumentException(what + "=" + value + " must be >= " + min);
        }
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static int inRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new KitArgumentException(what + "=" + value + " must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    /**
     * Requires {@code min <= value <= max} for a size or order with a cap: "RNN width m=0 must be >= 1",
     * "RNN width m=5000 must be <= 1000 (the largest supported)".
     */
    public static int capped(String what, int value, int min, int max) {
        atLeast(what, value, min);
        if (value > max) {
            throw new KitArgumentException(what + "=" + value + " must be <= " + max + " (the largest supported)");
        }
        return value;
    }

    /** Requires a non-null reference. */
    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new KitArgumentException(what + " must not be null");
        }
        return value;
    }

    /** Requires an array whose entries are all finite, of length at least {@code minLength}. */
    public static double[] finiteArray(String what, double[] values, int minLength) {
        notNull(what, values);
        if (values.length < minLength) {
            throw new KitArgumentException(what + " has length " + values.length + " but needs length >= " + minLength);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new KitArgumentException(what + "[" + i + "]=" + values[i] + " must be a finite number");
            }
        }
        return values;
    }

    /** Requires {@code values.length == expected}. */
    public static double[] length(String what, double[] values, int expected) {
        notNull(what, values);
        if (values.length != expected) {
            throw new KitArgumentException(what + " has length " + values.length + " but must have length " + expected);
        }
        return values;
    }

    /**
     * Requires finite {@code lo <= hi} for the interval named {@code what}, e.g.
     * "initial decay range lo=2.0 must be <= hi=1.0".
     */
    public static void ordered(String what, double lo, double hi) {
        finite(what + " lo", lo);
        finite(what + " hi", hi);
        if (!(lo <= hi)) {
            throw new KitArgumentException(what + " lo=" + lo + " must be <= hi=" + hi);
        }
    }

    /** Requires {@code value <= bound}, e.g. "grid step dt=2.0 must be <= tMax=1.0". */
    public static double atMost(String what, double value, String boundName, double bound) {
        if (!(value <= bound)) {
            throw new KitArgumentException(what + "=" + value + " must be <= " + boundName + "=" + bound);
        }
        return value;
    }

    /** Requires {@code value < bound}, e.g. "plateau threshold=1.5 must be < 1". */
    public static double below(String what, double value, double bound) {
        if (!(value < bound)) {
            throw new KitArgumentException(what + "=" + value + " must be < " + fmt(bound));
        }
        return value;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Requires a non-null, non-blank string, e.g. "kernel name='  ' must not be blank". */
    public static String notBlank(String what, String value) {
        notNull(what, value);
        if (value.isBlank()) {
            throw new KitArgumentException(what + "='" + value + "' must not be blank");
        }
        return value;
    }

    /** Requires a non-null array with at least one element, e.g. "sweep seeds must not be empty". */
    public static long[] notEmpty(String what, long[] values) {
        notNull(what, values);
        if (values.length == 0) {
            throw new KitArgumentException(what + " must not be empty");
        }
        return values;
    }

    /** Requires a non-null collection with at least one element. */
    public static <C extends java.util.Collection<?>> C notEmpty(String what, C values) {
        notNull(what, values);
        if (values.isEmpty()) {
            throw new KitArgumentException(what + " must not be empty");
        }
        return values;
    }

    /**
     * Requires finite, non-negative values in increasing order (strictly if {@code strict}), e.g.
     * "times t must be non-negative and non-decreasing, but t[3]=0.5".
     */
    public static double[] increasing(String what, String symbol, double[] values, boolean strict) {
        finiteArray(what, values, 0);
        for (int i = 0; i < values.length; i++) {
            boolean bad = values[i] < 0 || (i > 0 && (strict ? values[i] <= values[i - 1] : values[i] < values[i - 1]));
            if (bad) {
                throw new KitArgumentException(what + " must be non-negative and "
                        + (strict ? "strictly increasing" : "non-decreasing") + ", but " + symbol + "[" + i + "]="
                        + values[i]);
            }
        }
        return values;
    }

    /** Requires a kernel time t in [0, ∞): "kernel time t=-1.0 must be finite and >= 0 (...)". */
    public static double kernelTime(double t) {
        if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
            throw new KitArgumentException("kernel time t=" + t
                    + " must be finite and >= 0 (a memory kernel is defined on [0, ∞))");
        }
        return t;
    }

    /** Requires a finite kernel value: "target kernel 'k' returned NaN at t=2.0; a memory kernel must be finite on [0, inf)". */
    public static double kernelValue(String kernelName, double t, double value) {
        if (!Double.isFinite(value)) {
            throw new KitArgumentException("target kernel '" + kernelName + "' returned " + value + " at t=" + t
                    + "; a memory kernel must be finite on [0, inf)");
        }
        return value;
    }

    /** Requires a value that is not NaN (±∞ allowed), e.g. "time t=NaN must be a finite number". */
    public static double notNaN(String what, double value) {
        if (Double.isNaN(value)) {
            throw new KitArgumentException(what + "=NaN must be a finite number");
        }
        return value;
    }
}
