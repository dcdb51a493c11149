package org.curseofmemory.quad;

import java.util.function.IntToDoubleFunction;

/**
 * Composite Newton–Cotes rules on equally spaced samples f(0), f(h), …, f(nh): the rule of
 * {@code rnn.LinearFunctional}'s convolution quadrature. Trapezoid for n = 1, composite Simpson for
 * even n, Simpson on n − 3 intervals plus one Simpson 3/8 panel for odd n ≥ 3; error O(h⁴) for
 * smooth integrands.
 */
public final class Composite {
    private Composite() {
    }

    /**
     * ∫ over n ≥ 1 intervals of width h of the samples {@code f.applyAsDouble(j)}, j = 0..n.
     */
    public static double simpson(int n, double h, IntToDoubleFunction f) {
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
