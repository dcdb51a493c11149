package org.curseofmemory.train.data;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Row-major adapters, for the data trainer's flat arrays, to the kit's matrix exponential and its
 * Fréchet derivative ({@link org.curseofmemory.rnn.MatrixExponential}); the adjoint form is what
 * back-propagation through the zero-order-hold discretisation needs.
 */
final class MatrixExponential {
    private MatrixExponential() {
    }

    /** e^X for an n×n matrix X (row-major); X is not modified. A non-finite entry is an ArithmeticException. */
    static double[] expm(double[] x, int n) {
        try {
            return org.curseofmemory.rnn.MatrixExponential.exp(DMatrixRMaj.wrap(n, n, x.clone())).data;
        } catch (IllegalArgumentException nonFinite) {
            throw new ArithmeticException("matrix exponential: " + nonFinite.getMessage());
        }
    }

    /**
     * The adjoint of the Fréchet derivative of exp at X applied to G: D with ⟨D, E⟩ = ⟨G, L(X, E)⟩
     * for all E, i.e. D = L(Xᵀ, G). If a loss depends on e^X with ∂L/∂(e^X) = G, then ∂L/∂X = D.
     */
    static double[] expmAdjointDerivative(double[] x, double[] g, int n) {
        DMatrixRMaj xt = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(DMatrixRMaj.wrap(n, n, x), xt);
        return org.curseofmemory.rnn.MatrixExponential.frechet(xt, DMatrixRMaj.wrap(n, n, g.clone())).data;
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
