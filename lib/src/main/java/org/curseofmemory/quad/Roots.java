package org.curseofmemory.quad;

import java.util.function.DoubleUnaryOperator;

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
     */
    public static double illinois(DoubleUnaryOperator f, double lo, double fLo, double hi, double fHi) {
        int side = 0;
        for (int it = 0; it < 100; it++) {
            double x = (lo * fHi - hi * fLo) / (fHi - fLo);
            if (!(x > lo && x < hi)) {
                x = 0.5 * (lo + hi);
            }
            if (hi - lo <= 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))) || x <= lo || x >= hi) {
                return x > lo && x < hi ? x : 0.5 * (lo + hi);
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
        return 0.5 * (lo + hi);
    }

    /** A root of f in (lo, hi) by bisection to full precision; fLo = f(lo) has the opposite sign of f(hi). */
    public static double bisect(DoubleUnaryOperator f, double lo, double fLo, double hi) {
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
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
        return 0.5 * (lo + hi);
    }
}
