package org.curseofmemory.linalg;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;

/**
 * The kit's small dense matrix operations, in the EJML style: static methods, the output argument
 * last, matrices either as EJML {@link DMatrixRMaj} or as row-major flat {@code double[]} of
 * size n·n (the models' parameter vectors hold W that way).
 *
 * <p><b>Aliasing.</b> An output array must not be one of the inputs, unless the method says so.
 * <b>Failure.</b> Bad shapes (null, too short, a size outside [1, {@link #MAX_SIZE}]) are an
 * {@link IllegalArgumentException} naming the argument, and so are non-finite entries of the
 * EJML conversions. The flat operations ({@link #transpose}, {@link #multiply}, {@link #dot},
 * {@link #multiplyVector}) check shapes only, not entry values: they run in the models' inner loops,
 * where a NaN entry must reach the loss (NaN in, NaN out) so that a trainer reports DIVERGED.
 */
public final class Matrices {
    /** Largest matrix size n of the flat n×n operations (the augmented [W U] blocks of the largest models). */
    public static final int MAX_SIZE = 2000;

    private Matrices() {
    }

    /** A copy of {@code rows} as an EJML matrix; rejects null, empty, jagged and non-finite input. */
    public static DMatrixRMaj fromRows(String name, double[][] rows) {
        Validate.notNull(name, rows);
        if (rows.length == 0) {
            throw new KitArgumentException(name + " must have at least one row but has 0 rows");
        }
        Validate.notNull(name + " row 0", rows[0]);
        int cols = rows[0].length;
        DMatrixRMaj m = new DMatrixRMaj(rows.length, cols);
        for (int i = 0; i < rows.length; i++) {
            Validate.notNull(name + " row " + i, rows[i]);
            if (rows[i].length != cols) {
                throw new KitArgumentException(name + " row " + i + " has length " + rows[i].length
                        + " but row 0 has length " + cols + " (all rows must have the same length)");
            }
            for (int j = 0; j < cols; j++) {
                m.unsafe_set(i, j, finiteEntry(name, i, j, rows[i][j]));
            }
        }
        return m;
    }

    /** A copy of an EJML matrix, rejecting null and non-finite entries. */
    public static DMatrixRMaj checkedCopy(String name, DMatrixRMaj source) {
        Validate.notNull(name, source);
        for (int i = 0; i < source.numRows; i++) {
            for (int j = 0; j < source.numCols; j++) {
                finiteEntry(name, i, j, source.unsafe_get(i, j));
            }
        }
        return source.copy();
    }

    /** Returns v if it is finite, else throws naming the entry {@code name[i][j]}. */
    public static double finiteEntry(String name, int i, int j, double v) {
        if (!Double.isFinite(v)) {
            throw new KitArgumentException(name + "[" + i + "][" + j + "]=" + v + " must be a finite number");
        }
        return v;
    }

    /** The rows of an EJML matrix (a new array). */
    public static double[][] toRows(DMatrixRMaj m) {
        Validate.notNull("matrix", m);
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.unsafe_get(i, j);
            }
        }
        return out;
    }

    /** The shape "rows×cols" of an EJML matrix, for messages. */
    public static String shape(DMatrixRMaj m) {
        Validate.notNull("matrix", m);
        return m.numRows + "×" + m.numCols;
    }

    /** The n×n identity, n in [1, {@link #MAX_SIZE}], row-major (a new array). */
    public static double[] identity(int n) {
        Validate.capped("matrix size n", n, 1, MAX_SIZE);
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1.0;
        }
        return id;
    }

    /** out = aᵀ for n×n row-major a; {@code out} must not alias {@code a}. Returns {@code out}. */
    public static double[] transpose(double[] a, int n, double[] out) {
        square("matrix a", a, n);
        square("output out", out, n);
        if (a == out) {
            throw new KitArgumentException("output out must not be the same array as the input a");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[j * n + i] = a[i * n + j];
            }
        }
        return out;
    }

    /** out = a·b for n×n row-major a, b; {@code out} must not alias a or b. Returns {@code out}. */
    public static double[] multiply(double[] a, double[] b, int n, double[] out) {
        square("matrix a", a, n);
        square("matrix b", b, n);
        square("output out", out, n);
        if (out == a || out == b) {
            throw new KitArgumentException("output out must not be the same array as an input (a or b)");
        }
        java.util.Arrays.fill(out, 0, n * n, 0.0);
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
        return out;
    }

    /** aᵀb = Σ a_i b_i over the length of a. */
    public static double dot(double[] a, double[] b) {
        Validate.notNull("vector a", a);
        Validate.notNull("vector b", b);
        if (b.length < a.length) {
            throw new KitArgumentException("vector b has length " + b.length + " but must have length >= "
                    + a.length + " (the length of a)");
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** out = a·v for n×n row-major a; {@code out} must not alias v. Returns {@code out}. */
    public static double[] multiplyVector(double[] a, double[] v, int n, double[] out) {
        square("matrix a", a, n);
        vector("vector v", v, n);
        vector("output out", out, n);
        if (out == v) {
            throw new KitArgumentException("output out must not be the same array as the vector v");
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Checks n in [1, MAX_SIZE] and that {@code a} holds at least n·n entries (a longer array is allowed). */
    private static void square(String what, double[] a, int n) {
        Validate.capped("matrix size n", n, 1, MAX_SIZE);
        Validate.notNull(what, a);
        if (a.length < n * n) {
            throw new KitArgumentException(what + " has length " + a.length + " but must have length >= n·n="
                    + n * n + " for n=" + n);
        }
    }

    private static void vector(String what, double[] v, int n) {
        Validate.notNull(what, v);
        if (v.length < n) {
            throw new KitArgumentException(what + " has length " + v.length + " but must have length >= n=" + n);
        }
    }
}
