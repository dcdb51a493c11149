package org.curseofmemory.quad;

import java.util.function.IntToDoubleFunction;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Composite Newton–Cotes rules on equally spaced samples f(0), f(h), …, f(nh): the rule of
 * {@code rnn.LinearFunctional}'s convolution quadrature. Trapezoid for n = 1, composite Simpson for
 * even n, Simpson on n − 3 intervals plus one Simpson 3/8 panel for odd n ≥ 3; error O(h⁴) for
 * smooth integrands.
 */
public final class Composite {
    /** Largest number of intervals n accepted (the cap of {@link Grid#MAX_NODES}). */
    public static final int MAX_INTERVALS = 10_000_000;

    private Composite() {
    }

    /**
     * ∫ over n ≥ 1 intervals of width h of the samples {@code f.applyAsDouble(j)}, j = 0..n. The
     * samples themselves are not checked (a NaN sample gives a NaN sum, as in the callers' inner loops).
     *
     * @param n number of intervals, in [1, {@link #MAX_INTERVALS}]
     * @param h interval width h &gt; 0, with n·h finite
     * @param f the samples, not null
     */
    public static double simpson(int n, double h, IntToDoubleFunction f) {
        Validate.capped("number of intervals n", n, 1, MAX_INTERVALS);
        Validate.positive("interval width h", h);
        Validate.notNull("samples f", f);
        if (!Double.isFinite(n * h)) {
            throw new KitArgumentException("integration length n·h=" + ((double) n * h) + " (n=" + n + ", h=" + h
                    + ") must be a finite number");
        }
        if (n == 1) {
            return h / 2 * (f.applyAsDouble(0) + f.applyAsDouble(1));
        }
        int simpsonEnd = (n % 2 == 0) ? n : n - 3;
        double s = 0;
        if (simpsonEnd > 0) {
            double odd = 0;
            double even = 0;
            for (int j = 1; j < simpsonEnd; j++) {
                if ((j & 1) == 1) {
                    odd += f.applyAsDouble(j);
                } else {
                    even += f.applyAsDouble(j);
                }
            }
            s = h / 3 * (f.applyAsDouble(0) + 4 * odd + 2 * even + f.applyAsDouble(simpsonEnd));
        }
        if (simpsonEnd < n) {
            int a = simpsonEnd;
            s += 3 * h / 8 * (f.applyAsDouble(a) + 3 * f.applyAsDouble(a + 1) + 3 * f.applyAsDouble(a + 2)
                    + f.applyAsDouble(a + 3));
        }
        return s;
    }
}
