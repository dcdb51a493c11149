package org.curseofmemory.linalg;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The matrix exponential e^{A} by scaling and squaring with a diagonal [13/13] Padé approximant:
 * pick s ≥ 0 with ‖A/2^s‖₁ ≤ θ₁₃ ≈ 5.37, compute r₁₃(A/2^s) = q(A/2^s)⁻¹ p(A/2^s) with
 * p(X) = Σ_{j=0}^{13} b_j X^j, q(X) = p(−X), b_j = (26−j)!·13! / (26!·j!·(13−j)!), then square s
 * times. This is the backward-stable algorithm analysed by Higham (2005); the coefficients are
 * computed here from the Padé formula.
 *
 * <p>The one matrix exponential of the kit, with its Fréchet derivative; EJML matrices or
 * row-major flat arrays (the models' layout). Failure behaviour, everywhere: a non-finite entry of
 * the input is an {@link IllegalArgumentException} naming it, and so is an A too large for e^A to
 * be finite (the message names A, its norm and the overflow); no method returns NaN or ∞ instead.
 * Callers that prefer a NaN loss (so that a trainer reports DIVERGED) catch the exception themselves.
 *
 * <p>Used for the kernel ρ̂(t) = (cᵀ e^{Wt} U)ᵀ of a linear RNN when W is not (well)
 * diagonalizable, and for the exact zero-order-hold step (docs/theory.md §2).
 */
public final class MatrixExponential {

    /** Padé degree q. */
    private static final int DEGREE = 13;
    /** Largest Padé degree {@link #padeCoefficients(int)} accepts. */
    public static final int MAX_PADE_DEGREE = 100;
    /** Largest ‖A‖₁ for which r₁₃(A) is accurate to double precision without scaling. */
    static final double THETA_13 = 5.371920351148152;
    /** Padé numerator coefficients b_0..b_13 (b_0 = 1). */
    private static final double[] B = padeCoefficients(DEGREE);

    private MatrixExponential() {
    }

    /**
     * e^{A} for a square matrix A with finite entries (A is not modified).
     *
     * @throws IllegalArgumentException if A is null, not square, empty, or has a non-finite entry
     */
    public static DMatrixRMaj exp(DMatrixRMaj a) {
        checkSquareFinite(a);
        return expUnchecked(a);
    }

    private static void checkSquareFinite(DMatrixRMaj a) {
        Validate.notNull("matrix A", a);
        if (a.numRows != a.numCols || a.numRows == 0) {
            throw new KitArgumentException("matrix A must be square and non-empty but is "
                    + a.numRows + "×" + a.numCols);
        }
        for (int i = 0; i < a.getNumElements(); i++) {
            if (!Double.isFinite(a.data[i])) {
                throw new KitArgumentException("A[" + (i / a.numCols) + "][" + (i % a.numCols) + "]="
                        + a.data[i] + " must be a finite number");
            }
        }
    }

    /**
     * e^{A t} for a square matrix A and a finite time t.
     *
     * @throws IllegalArgumentException also if e^{At} overflows (the message names t and ‖A‖₁)
     */
    public static DMatrixRMaj exp(DMatrixRMaj a, double t) {
        Validate.finite("time t", t);
        checkSquareFinite(a);
        DMatrixRMaj at = a.copy();
        CommonOps_DDRM.scale(t, at);
        return compute(at, t);
    }

    /** e^{A} for a square matrix given as rows (a new array; A is not modified). */
    public static double[][] exp(double[][] a) {
        Validate.notNull("matrix A", a);
        DMatrixRMaj m = Matrices.fromRows("A", a);
        return Matrices.toRows(exp(m));
    }

    /**
     * The Fréchet derivative of the exponential, L(A, E) = ∫₀¹ e^{sA} E e^{(1−s)A} ds (so that
     * e^{A+εE} = e^A + ε L(A, E) + O(ε²)), read off the upper-right block of exp([[A, E], [0, A]])
     * (block-triangular identity, Van Loan 1978). Trainers back-propagate through e^{A} with it:
     * if ∂J/∂e^{A} = G then ∂J/∂A = L(Aᵀ, G).
     *
     * @param a square matrix A with finite entries
     * @param e direction E, same shape as A, finite entries
     */
    public static DMatrixRMaj frechet(DMatrixRMaj a, DMatrixRMaj e) {
        Validate.notNull("direction E", e);
        exp(a); // validates A (square, finite) with the same messages as exp
        if (e.numRows != a.numRows || e.numCols != a.numCols) {
            throw new KitArgumentException("direction E must be " + a.numRows + "×" + a.numCols + " like A but is "
                    + e.numRows + "×" + e.numCols);
        }
        int n = a.numRows;
        double eNorm = NormOps_DDRM.inducedP1(e);
        if (!Double.isFinite(eNorm)) {
            throw new KitArgumentException("direction E has a non-finite entry");
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        if (eNorm == 0) {
            return out;
        }
        // L is linear in E: scale E to the size of A so that it does not inflate the squaring count.
        double aNorm = NormOps_DDRM.inducedP1(a);
        double alpha = (aNorm > 0 ? aNorm : 1.0) / eNorm;
        DMatrixRMaj block = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                block.set(i, j, a.get(i, j));
                block.set(n + i, n + j, a.get(i, j));
                block.set(i, n + j, alpha * e.get(i, j));
            }
        }
        DMatrixRMaj big = expUnchecked(block);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.set(i, j, big.get(i, n + j) / alpha);
            }
        }
        return out;
    }

    /**
     * Same as {@link #exp(DMatrixRMaj)} without the entry checks (entries known to be finite; A must
     * still be square and not null). An overflow is the same {@link IllegalArgumentException} as there.
     */
    public static DMatrixRMaj expUnchecked(DMatrixRMaj a) {
        Validate.notNull("matrix A", a);
        if (a.numRows != a.numCols || a.numRows == 0) {
            throw new KitArgumentException("matrix A must be square and non-empty but is "
                    + a.numRows + "×" + a.numCols);
        }
        return compute(a, Double.NaN);
    }

    /** e^X by scaling and squaring; {@code t} (or NaN) is the time X = A·t was scaled by, for the overflow message. */
    private static DMatrixRMaj compute(DMatrixRMaj a, double t) {
        int n = a.numRows;
        double norm = NormOps_DDRM.inducedP1(a);
        if (!Double.isFinite(norm)) {
            throw overflow("the norm of A is not finite", norm, t);
        }
        int s = 0;
        if (norm > THETA_13) {
            s = (int) Math.ceil(Math.log(norm / THETA_13) / Math.log(2));
            if (norm / Math.scalb(1.0, s) > THETA_13) {
                s++;
            }
        }
        DMatrixRMaj x = a.copy();
        if (s > 0) {
            CommonOps_DDRM.scale(Math.scalb(1.0, -s), x);
        }
        DMatrixRMaj x2 = new DMatrixRMaj(n, n);
        DMatrixRMaj x4 = new DMatrixRMaj(n, n);
        DMatrixRMaj x6 = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(x, x, x2);
        CommonOps_DDRM.mult(x2, x2, x4);
        CommonOps_DDRM.mult(x4, x2, x6);
        DMatrixRMaj eye = CommonOps_DDRM.identity(n);

        // odd part: U = X [X6 (b13 X6 + b11 X4 + b9 X2) + b7 X6 + b5 X4 + b3 X2 + b1 I]
        DMatrixRMaj inner = combine(B[13], x6, B[11], x4, B[9], x2, 0, eye);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(x6, inner, tmp);
        DMatrixRMaj oddPoly = combine(B[7], x6, B[5], x4, B[3], x2, B[1], eye);
        CommonOps_DDRM.addEquals(tmp, oddPoly);
        DMatrixRMaj u = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(x, tmp, u);

        // even part: V = X6 (b12 X6 + b10 X4 + b8 X2) + b6 X6 + b4 X4 + b2 X2 + b0 I
        inner = combine(B[12], x6, B[10], x4, B[8], x2, 0, eye);
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(x6, inner, v);
        CommonOps_DDRM.addEquals(v, combine(B[6], x6, B[4], x4, B[2], x2, B[0], eye));

        DMatrixRMaj denominator = new DMatrixRMaj(n, n);
        CommonOps_DDRM.subtract(v, u, denominator);
        DMatrixRMaj numerator = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(v, u, numerator);
        DMatrixRMaj result = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.solve(denominator, numerator, result)) {
            throw overflow("its Padé denominator q(A/2^" + s + ") is singular", norm, t);
        }
        DMatrixRMaj square = new DMatrixRMaj(n, n);
        for (int k = 0; k < s; k++) {
            CommonOps_DDRM.mult(result, result, square);
            DMatrixRMaj swap = result;
            result = square;
            square = swap;
        }
        for (int i = 0; i < result.getNumElements(); i++) {
            if (!Double.isFinite(result.data[i])) {
                throw overflow("e^A has a non-finite entry", norm, t);
            }
        }
        return result;
    }

    private static DMatrixRMaj combine(double a, DMatrixRMaj x6, double b, DMatrixRMaj x4, double c,
                                       DMatrixRMaj x2, double d, DMatrixRMaj eye) {
        DMatrixRMaj out = new DMatrixRMaj(x6.numRows, x6.numCols);
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] = a * x6.data[i] + b * x4.data[i] + c * x2.data[i] + d * eye.data[i];
        }
        return out;
    }

    /**
     * b_j = (2q−j)!·q! / ((2q)!·j!·(q−j)!) via b_0 = 1, b_{j+1} = b_j (q−j) / ((2q−j)(j+1)).
     *
     * @param q Padé degree, in [0, {@link #MAX_PADE_DEGREE}]
     */
    public static double[] padeCoefficients(int q) {
        Validate.capped("Padé degree q", q, 0, MAX_PADE_DEGREE);
        double[] b = new double[q + 1];
        b[0] = 1;
        for (int j = 0; j < q; j++) {
            b[j + 1] = b[j] * (q - j) / ((double) (2 * q - j) * (j + 1));
        }
        return b;
    }

    /**
     * e^{A} for an n×n row-major matrix A (not modified), written into {@code out} (length n·n; it
     * may alias {@code a}). Returns {@code out}.
     */
    public static double[] exp(double[] a, int n, double[] out) {
        flat("matrix A", a, n);
        flat("output out", out, n);
        DMatrixRMaj e = exp(DMatrixRMaj.wrap(n, n, a.clone()));
        System.arraycopy(e.data, 0, out, 0, n * n);
        return out;
    }

    /**
     * The Fréchet derivative L(A, E) for n×n row-major A and E (see {@link #frechet(DMatrixRMaj,
     * DMatrixRMaj)}), written into {@code out} (may alias a or e). Returns {@code out}.
     */
    public static double[] frechet(double[] a, double[] e, int n, double[] out) {
        flat("matrix A", a, n);
        flat("direction E", e, n);
        flat("output out", out, n);
        DMatrixRMaj l = frechet(DMatrixRMaj.wrap(n, n, a.clone()), DMatrixRMaj.wrap(n, n, e.clone()));
        System.arraycopy(l.data, 0, out, 0, n * n);
        return out;
    }

    /**
     * The adjoint of the Fréchet derivative at A applied to G: D = L(Aᵀ, G), so that
     * ⟨D, E⟩ = ⟨G, L(A, E)⟩ for every E. If a loss depends on e^A with ∂J/∂e^A = G, then
     * ∂J/∂A = D: back-propagation through a matrix exponential. Row-major n×n; {@code out} may
     * alias a or g. Returns {@code out}.
     */
    public static double[] frechetAdjoint(double[] a, double[] g, int n, double[] out) {
        flat("matrix A", a, n);
        flat("direction G", g, n);
        flat("output out", out, n);
        double[] at = Matrices.transpose(a, n, new double[n * n]);
        return frechet(at, g, n, out);
    }

    /** A flat n×n argument: n in [1, {@link Matrices#MAX_SIZE}] and exactly n·n entries. */
    private static void flat(String what, double[] a, int n) {
        Validate.capped("matrix size n", n, 1, Matrices.MAX_SIZE);
        Validate.length(what, a, n * n);
    }

    /** The overflow of e^A (or e^(A·t)) as a bad-input error naming A, its norm and t. */
    private static KitArgumentException overflow(String what, double norm, double t) {
        if (Double.isNaN(t)) {
            return new KitArgumentException("matrix exponential e^A overflowed for matrix A with ‖A‖₁=" + norm + " ("
                    + what + "): A must be small enough that e^A is finite (the real parts of its eigenvalues below"
                    + " about 709)");
        }
        return new KitArgumentException("matrix exponential e^(A·t) overflowed at time t=" + t + " (‖A·t‖₁=" + norm
                + ", " + what + "): |t| must be small enough that e^(A·t) is finite (the real parts of the"
                + " eigenvalues of A·t below about 709)");
    }
}
