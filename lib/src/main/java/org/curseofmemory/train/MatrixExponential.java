package org.curseofmemory.train;

/**
 * Dense matrix exponential and its Fréchet derivative for the small matrices of
 * {@link LinearRnnModel} (row-major double[]; package-private).
 *
 * <p>[kit] e^X by scaling and squaring: X/2^s with ‖X/2^s‖₁ ≤ 1/4, Taylor series summed until the
 * term is below 10⁻¹⁸ of the sum (at most 40 terms), then s squarings. The Fréchet derivative
 * L(X, E) = ∫₀¹ e^{sX} E e^{(1−s)X} ds is the upper-right block of exp([[X, E], [0, X]])
 * (block-triangular identity, Van Loan 1978).
 */
final class MatrixExponential {
    private MatrixExponential() {
    }

    static double[] expm(double[] x, int n) {
        double norm = norm1(x, n);
        if (!Double.isFinite(norm)) {
            double[] bad = new double[n * n];
            java.util.Arrays.fill(bad, Double.NaN);
            return bad;
        }
        int s = 0;
        if (norm > 0.25) {
            s = (int) Math.ceil(Math.log(norm / 0.25) / Math.log(2));
        }
        double scale = Math.scalb(1.0, -s);
        double[] y = new double[n * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] * scale;
        }
        double[] sum = identity(n);
        double[] term = identity(n);
        for (int k = 1; k <= 40; k++) {
            term = multiply(term, y, n);
            double inv = 1.0 / k;
            for (int i = 0; i < term.length; i++) {
                term[i] *= inv;
                sum[i] += term[i];
            }
            if (norm1(term, n) <= 1e-18 * norm1(sum, n)) {
                break;
            }
        }
        for (int k = 0; k < s; k++) {
            sum = multiply(sum, sum, n);
        }
        return sum;
    }

    /** L(X, E): Fréchet derivative of exp at X in direction E. */
    static double[] frechet(double[] x, double[] e, int n) {
        double en = norm1(e, n);
        double[] out = new double[n * n];
        if (en == 0) {
            return out;
        }
        int n2 = 2 * n;
        double[] block = new double[n2 * n2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                block[i * n2 + j] = x[i * n + j];
                block[(n + i) * n2 + n + j] = x[i * n + j];
                block[i * n2 + n + j] = e[i * n + j] / en;
            }
        }
        double[] eb = expm(block, n2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = en * eb[i * n2 + n + j];
            }
        }
        return out;
    }

    static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return id;
    }

    static double[] multiply(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        return c;
    }

    static double[] transpose(double[] a, int n) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j * n + i] = a[i * n + j];
            }
        }
        return t;
    }

    static double norm1(double[] a, int n) {
        double max = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(a[i * n + j]);
            }
            if (Double.isNaN(s)) {
                return Double.NaN;
            }
            max = Math.max(max, s);
        }
        return max;
    }
}
