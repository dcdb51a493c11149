package org.curseofmemory.train;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * Matrix exponential and its Fréchet derivative for the small matrices of {@link LinearRnnModel}
 * (row-major double[]; package-private). e^X comes from the kit's scaling-and-squaring Padé
 * implementation {@link org.curseofmemory.rnn.MatrixExponential}; an overflow gives NaN entries so
 * that the trainer's divergence stop reports it.
 * The Fréchet derivative comes from the same class.
 */
final class MatrixExponential {
    private MatrixExponential() {
    }

    static double[] expm(double[] x, int n) {
        try {
            return org.curseofmemory.rnn.MatrixExponential.exp(DMatrixRMaj.wrap(n, n, x.clone())).data;
        } catch (ArithmeticException | IllegalArgumentException overflowOrNonFinite) {
            double[] bad = new double[n * n];
            Arrays.fill(bad, Double.NaN);
            return bad;
        }
    }

    /** L(X, E): Fréchet derivative of exp at X in direction E ({@link org.curseofmemory.rnn.MatrixExponential#frechet}). */
    static double[] frechet(double[] x, double[] e, int n) {
        return org.curseofmemory.rnn.MatrixExponential.frechet(DMatrixRMaj.wrap(n, n, x.clone()), DMatrixRMaj.wrap(n, n, e.clone())).data;
    }

    static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return id;
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
