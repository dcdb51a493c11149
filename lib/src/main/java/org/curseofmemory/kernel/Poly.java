package org.curseofmemory.kernel;

/**
 * Tiny immutable real polynomial c₀ + c₁x + … used to build exact derivatives of the Airy kernel
 * (Ai^{(n)} = p_n Ai + q_n Ai') and of the bump kernel. Package-private.
 */
final class Poly {
    static final Poly ZERO = new Poly(new double[0]);
    static final Poly ONE = new Poly(new double[] {1});
    static final Poly X = new Poly(new double[] {0, 1});

    private final double[] c;

    Poly(double[] c) {
        int n = c.length;
        while (n > 0 && c[n - 1] == 0) {
            n--;
        }
        this.c = java.util.Arrays.copyOf(c, n);
    }

    double eval(double x) {
        double s = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            s = s * x + c[i];
        }
        return s;
    }

    Poly derivative() {
        if (c.length <= 1) {
            return ZERO;
        }
        double[] d = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) {
            d[i - 1] = i * c[i];
        }
        return new Poly(d);
    }

    Poly plus(Poly o) {
        double[] d = new double[Math.max(c.length, o.c.length)];
        for (int i = 0; i < c.length; i++) {
            d[i] += c[i];
        }
        for (int i = 0; i < o.c.length; i++) {
            d[i] += o.c[i];
        }
        return new Poly(d);
    }

    Poly times(Poly o) {
        if (c.length == 0 || o.c.length == 0) {
            return ZERO;
        }
        double[] d = new double[c.length + o.c.length - 1];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < o.c.length; j++) {
                d[i + j] += c[i] * o.c[j];
            }
        }
        return new Poly(d);
    }

    Poly times(double s) {
        double[] d = c.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= s;
        }
        return new Poly(d);
    }
}
