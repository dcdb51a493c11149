package org.curseofmemory.train.data;

/**
 * Dense matrix exponential for the small matrices of the data trainer (row-major flat arrays):
 * scaling and squaring with a degree-{@value #TAYLOR_DEGREE} Taylor polynomial, and the adjoint of
 * its Fréchet derivative, used to back-propagate through the zero-order-hold discretisation.
 */
final class MatrixExponential {
    /** After scaling, ‖X/2^s‖₁ ≤ {@value #SCALED_NORM}; the Taylor remainder is then ≲ 1e-19. */
    static final double SCALED_NORM = 0.25;
    static final int TAYLOR_DEGREE = 14;

    private MatrixExponential() {
    }

    /** e^X for an n×n matrix X (row-major); X is not modified. */
    static double[] expm(double[] x, int n) {
        double norm = norm1(x, n);
        if (!Double.isFinite(norm)) {
            throw new ArithmeticException("matrix exponential of a matrix with a non-finite entry (1-norm=" + norm + ")");
        }
        int s = 0;
        if (norm > SCALED_NORM) {
            s = (int) Math.ceil(Math.log(norm / SCALED_NORM) / Math.log(2.0));
        }
        double scale = Math.scalb(1.0, -s);
        double[] y = new double[n * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] * scale;
        }
        // Horner: P = I + Y/q (I + Y/(q-1) (...)), evaluated from the inside out.
        double[] p = identity(n);
        double[] tmp = new double[n * n];
        for (int k = TAYLOR_DEGREE; k >= 1; k--) {
            multiply(y, p, tmp, n);
            double inv = 1.0 / k;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i * n + j] = tmp[i * n + j] * inv + (i == j ? 1.0 : 0.0);
                }
            }
        }
        for (int k = 0; k < s; k++) {
            multiply(p, p, tmp, n);
            double[] swap = p;
            p = tmp;
            tmp = swap;
        }
        return p;
    }

    /**
     * The adjoint of the Fréchet derivative of exp at X applied to G: the matrix D with
     * ⟨D, E⟩ = ⟨G, L_exp(X, E)⟩ for all E, i.e. D = L_exp(Xᵀ, G), read off the upper-right block of
     * exp([[Xᵀ, G], [0, Xᵀ]]). So if a loss depends on e^X with ∂L/∂(e^X) = G, then ∂L/∂X = D.
     */
    static double[] expmAdjointDerivative(double[] x, double[] g, int n) {
        double gNorm = norm1(g, n);
        if (gNorm == 0) {
            return new double[n * n];
        }
        // The result is linear in G: rescale G to the size of X so it does not inflate the scaling.
        double xNorm = norm1(x, n);
        double alpha = (xNorm > 0 ? xNorm : 1.0) / gNorm;
        int n2 = 2 * n;
        double[] big = new double[n2 * n2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double xt = x[j * n + i];
                big[i * n2 + j] = xt;
                big[(i + n) * n2 + j + n] = xt;
                big[i * n2 + j + n] = alpha * g[i * n + j];
            }
        }
        double[] e = expm(big, n2);
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = e[i * n2 + j + n] / alpha;
            }
        }
        return d;
    }

    static double norm1(double[] x, int n) {
        double max = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(x[i * n + j]);
            }
            if (Double.isNaN(s)) {
                return s;
            }
            max = Math.max(max, s);
        }
        return max;
    }

    static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1.0;
        }
        return id;
    }

    /** out = a b (n×n, row-major); out must not alias a or b. */
    static void multiply(double[] a, double[] b, double[] out, int n) {
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }
}
