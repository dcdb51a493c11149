package org.curseofmemory.rnn;

import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;

/** Conversions between row arrays and EJML matrices, with the kit's argument checks. */
final class Matrices {
    private Matrices() {
    }

    /** A copy of {@code rows} as an EJML matrix; rejects null, empty, jagged and non-finite input. */
    static DMatrixRMaj fromRows(String name, double[][] rows) {
        Validate.notNull(name, rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row but has 0 rows");
        }
        Validate.notNull(name + " row 0", rows[0]);
        int cols = rows[0].length;
        DMatrixRMaj m = new DMatrixRMaj(rows.length, cols);
        for (int i = 0; i < rows.length; i++) {
            Validate.notNull(name + " row " + i, rows[i]);
            if (rows[i].length != cols) {
                throw new IllegalArgumentException(name + " row " + i + " has length " + rows[i].length
                        + " but row 0 has length " + cols + " (all rows must have the same length)");
            }
            for (int j = 0; j < cols; j++) {
                m.unsafe_set(i, j, finiteEntry(name, i, j, rows[i][j]));
            }
        }
        return m;
    }

    /** A copy of an EJML matrix, rejecting null and non-finite entries. */
    static DMatrixRMaj checkedCopy(String name, DMatrixRMaj source) {
        Validate.notNull(name, source);
        for (int i = 0; i < source.numRows; i++) {
            for (int j = 0; j < source.numCols; j++) {
                finiteEntry(name, i, j, source.unsafe_get(i, j));
            }
        }
        return source.copy();
    }

    static double finiteEntry(String name, int i, int j, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + "[" + i + "][" + j + "]=" + v + " must be a finite number");
        }
        return v;
    }

    static double[][] toRows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.unsafe_get(i, j);
            }
        }
        return out;
    }

    static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }
}
