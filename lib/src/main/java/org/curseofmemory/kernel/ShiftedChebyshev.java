package org.curseofmemory.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Shifted Chebyshev series p(s) = Σ_{j&lt;n} c_j T_j(2s − 1) on [0, 1]
 * (the well-conditioned basis of the Jackson construction, docs/theory.md §3).
 */
public final class ShiftedChebyshev {
    /** Largest number of coefficients {@link #toMonomial(double[])} accepts (its b_k grow like 5.83ⁿ). */
    public static final int MAX_MONOMIAL_TERMS = 200;

    private ShiftedChebyshev() {
    }

    /**
     * Clenshaw evaluation of Σ_j c_j T_j(x) for x ∈ [−1, 1]; backward-stable.
     *
     * @param c at least one coefficient, finite
     * @param x in [−1, 1]
     */
    public static double clenshaw(double[] c, double x) {
        Validate.notNull("Chebyshev coefficients c", c);
        if (c.length == 0) {
            throw new KitArgumentException("Chebyshev coefficients c must not be empty");
        }
        Validate.inRange("Chebyshev argument x", x, -1, 1);
        double b1 = 0;
        double b2 = 0;
        double twoX = 2 * x;
        for (int j = c.length - 1; j >= 1; j--) {
            double b0 = twoX * b1 - b2 + c[j];
            b2 = b1;
            b1 = b0;
        }
        double value = x * b1 - b2 + c[0];
        if (!Double.isFinite(value)) {
            Validate.finiteArray("Chebyshev coefficients c", c, 1); // names a non-finite coefficient
            throw new KitArgumentException("Chebyshev sum at x=" + x + " overflowed to " + value
                    + ": the coefficients c must be smaller");
        }
        return value;
    }

    /** T_0(x), …, T_{n−1}(x) for x ∈ [−1, 1] by the three-term recurrence, into {@code out} (length n ≥ 1). */
    public static void basis(double x, double[] out) {
        Validate.inRange("Chebyshev argument x", x, -1, 1);
        Validate.notNull("output out", out);
        if (out.length == 0) {
            throw new KitArgumentException("output out must not be empty (it receives T_0..T_{n-1})");
        }
        int n = out.length;
        out[0] = 1;
        if (n > 1) {
            out[1] = x;
        }
        for (int j = 2; j < n; j++) {
            out[j] = 2 * x * out[j - 1] - out[j - 2];
        }
    }

    /**
     * Monomial coefficients b_k with Σ_j c_j T_j(2s − 1) = Σ_k b_k s^k. The integer coefficients of
     * T_j(2s − 1) come from T*_{j+1} = (4s − 2) T*_j − T*_{j−1}; the sum over j is done exactly in
     * {@link BigDecimal} and rounded once, so each b_k is the correctly rounded coefficient of the
     * fitted polynomial. The b_k grow like (3 + 2√2)^n with alternating signs: summing Σ b_k s^k in
     * floating point loses about n·log₁₀(5.83) digits, which is why kernels are evaluated by Clenshaw.
     *
     * @param c between 1 and {@link #MAX_MONOMIAL_TERMS} coefficients, finite
     * @throws IllegalArgumentException also if a b_k overflows
     */
    public static double[] toMonomial(double[] c) {
        Validate.finiteArray("Chebyshev coefficients c", c, 1);
        Validate.capped("number of Chebyshev coefficients", c.length, 1, MAX_MONOMIAL_TERMS);
        int n = c.length;
        BigInteger[][] t = new BigInteger[n][];
        t[0] = new BigInteger[] {BigInteger.ONE};
        if (n > 1) {
            t[1] = new BigInteger[] {BigInteger.ONE.negate(), BigInteger.TWO};
        }
        BigInteger four = BigInteger.valueOf(4);
        for (int j = 2; j < n; j++) {
            BigInteger[] prev = t[j - 1];
            BigInteger[] prev2 = t[j - 2];
            BigInteger[] cur = new BigInteger[j + 1];
            for (int k = 0; k <= j; k++) {
                BigInteger v = BigInteger.ZERO;
                if (k < prev.length) {
                    v = v.subtract(prev[k].shiftLeft(1));
                }
                if (k >= 1 && k - 1 < prev.length) {
                    v = v.add(prev[k - 1].multiply(four));
                }
                if (k < prev2.length) {
                    v = v.subtract(prev2[k]);
                }
                cur[k] = v;
            }
            t[j] = cur;
        }
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int j = k; j < n; j++) {
                if (c[j] != 0) {
                    sum = sum.add(new BigDecimal(c[j]).multiply(new BigDecimal(t[j][k])));
                }
            }
            b[k] = sum.doubleValue();
            if (!Double.isFinite(b[k])) {
                throw new KitArgumentException("monomial coefficient b_" + k + " overflows (" + b[k] + ") for "
                        + n + " Chebyshev coefficients: the coefficients c must be smaller");
            }
        }
        return b;
    }
}
