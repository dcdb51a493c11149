package org.curseofmemory.approx;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Package-private dense least-squares solves on EJML. */
final class LeastSquares {
    private LeastSquares() {
    }

    /** min ‖A x − b‖₂ by Householder QR (for well-conditioned bases such as Chebyshev columns). */
    static double[] qr(DMatrixRMaj a, double[] b) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(a.numRows, a.numCols);
        if (!solver.setA(a.copy())) {
            throw new ArithmeticException("least-squares matrix (" + a.numRows + " x " + a.numCols
                    + ") is singular: the basis columns are linearly dependent on the sample nodes");
        }
        DMatrixRMaj x = new DMatrixRMaj(a.numCols, 1);
        solver.solve(DMatrixRMaj.wrap(b.length, 1, b.clone()), x);
        return checked(x.data);
    }

    /**
     * Minimum-norm least squares by SVD, singular values below EJML's relative threshold dropped
     * (for exponential bases, whose columns become nearly dependent when rates are close).
     */
    static double[] svd(DMatrixRMaj a, double[] b) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(a.copy())) {
            throw new ArithmeticException("SVD of the least-squares matrix (" + a.numRows + " x " + a.numCols
                    + ") failed");
        }
        DMatrixRMaj x = new DMatrixRMaj(a.numCols, 1);
        solver.solve(DMatrixRMaj.wrap(b.length, 1, b.clone()), x);
        return checked(x.data);
    }

    private static double[] checked(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new ArithmeticException("least-squares solution has a non-finite entry x[" + i + "]=" + x[i]);
            }
        }
        return x.clone();
    }
}
