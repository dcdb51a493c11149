package org.curseofmemory.quad;

import java.util.function.DoubleUnaryOperator;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Root finding on a bracket [lo, hi] with f(lo)·f(hi) &lt; 0, to machine precision: the
 * Illinois variant of regula falsi (superlinear; used to cut integrals at sign changes of |f|) and
 * bisection (one sign test per step). The integrators of this package use them to place the
 * kinks of |ρ − ρ̂| at piece boundaries.
 */
public final class Roots {
    private Roots() {
    }

    /**
     * A root of f in (lo, hi) by Illinois regula falsi; fLo = f(lo) and fHi = f(hi) have opposite signs.
     * Stops after 100 iterations or when the bracket is 4 ulps wide.
     *
     * @throws IllegalArgumentException if f is null, lo, hi, fLo or fHi is not finite, lo &gt; hi, or
     *                                  fLo and fHi have the same (non-zero) sign
     */
    public static double illinois(DoubleUnaryOperator f, double lo, double fLo, double hi, double fHi) {
        checkBracket(f, lo, fLo, hi);
        Validate.finite("f(hi) fHi", fHi);
        if ((fLo > 0 && fHi > 0) || (fLo < 0 && fHi < 0)) {
            throw new KitArgumentException("root bracket values fLo=" + fLo + " and fHi=" + fHi
                    + " must have opposite signs (f(lo) and f(hi) on either side of 0)");
        }
        int side = 0;
        for (int it = 0; it < 100; it++) {
            double x = (lo * fHi - hi * fLo) / (fHi - fLo);
            if (!(x > lo && x < hi)) {
                x = mid(lo, hi);
            }
            if (hi - lo <= 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))) || x <= lo || x >= hi) {
                return x > lo && x < hi ? x : mid(lo, hi);
            }
            double fx = f.applyAsDouble(x);
            if (fx == 0) {
                return x;
            }
            if ((fx < 0) == (fLo < 0)) {
                lo = x;
                fLo = fx;
                if (side == -1) {
                    fHi *= 0.5;
                }
                side = -1;
            } else {
                hi = x;
                fHi = fx;
                if (side == 1) {
                    fLo *= 0.5;
                }
                side = 1;
            }
        }
        return mid(lo, hi);
    }

    /**
     * A root of f in (lo, hi) by bisection to full precision; fLo = f(lo) has the opposite sign of f(hi).
     *
     * @throws IllegalArgumentException if f is null, lo, hi or fLo is not finite, or lo &gt; hi
     */
    public static double bisect(DoubleUnaryOperator f, double lo, double fLo, double hi) {
        checkBracket(f, lo, fLo, hi);
        for (int it = 0; it < 200; it++) {
            double mid = mid(lo, hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double fm = f.applyAsDouble(mid);
            if (fm == 0) {
                return mid;
            }
            if ((fm < 0) == (fLo < 0)) {
                lo = mid;
                fLo = fm;
            } else {
                hi = mid;
            }
        }
        return mid(lo, hi);
    }

    /** (lo + hi)/2, also when lo + hi overflows (then ½lo + ½hi; the same number otherwise). */
    private static double mid(double lo, double hi) {
        double sum = lo + hi;
        return Double.isInfinite(sum) ? 0.5 * lo + 0.5 * hi : 0.5 * sum;
    }

    private static void checkBracket(DoubleUnaryOperator f, double lo, double fLo, double hi) {
        Validate.notNull("function f", f);
        Validate.finite("bracket end lo", lo);
        Validate.finite("bracket end hi", hi);
        Validate.finite("f(lo) fLo", fLo);
        if (!(lo <= hi)) {
            throw new KitArgumentException("root bracket lo=" + lo + " must be <= hi=" + hi);
        }
    }
}
