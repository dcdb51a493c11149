package org.curseofmemory.rnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.curseofmemory.linalg.MatrixExponential;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Evaluates ρ̂(t) = (cᵀ e^{Wt} U)ᵀ ∈ ℝ^d (docs/theory.md §2). Immutable and thread-safe once built;
 * everything that does not depend on t is precomputed.
 */
final class KernelEvaluator {

    /** Largest accepted normalised condition number ‖V‖_F‖V⁻¹‖_F / n of an eigenvector matrix. */
    static final double MAX_EIGENVECTOR_CONDITION = 1e6;
    /** Largest accepted relative residual ‖V Λ V⁻¹ − W‖_F / ‖W‖_F of an eigendecomposition. */
    static final double MAX_RECONSTRUCTION_ERROR = 1e-10;

    private final Block[] blocks;
    private final int d;
    private final String description;

    private KernelEvaluator(Block[] blocks, int d) {
        this.blocks = blocks;
        this.d = d;
        long eigen = Arrays.stream(blocks).filter(b -> b instanceof EigenBlock).count();
        if (blocks.length == 0) {
            description = "zero kernel";
        } else if (eigen == blocks.length) {
            description = "eigen route";
        } else if (eigen == 0) {
            description = "matrix-exponential route";
        } else {
            description = "eigen route on " + eigen + " block(s), matrix-exponential route on "
                    + (blocks.length - eigen) + " block(s)";
        }
    }

    /** Builds the evaluator; w, u, c are not modified. c is an m×1 column. */
    static KernelEvaluator build(DMatrixRMaj w, DMatrixRMaj u, DMatrixRMaj c, KernelMethod method) {
        int m = w.numRows;
        int d = u.numCols;
        List<Block> blocks = new ArrayList<>();
        if (method == KernelMethod.MATRIX_EXPONENTIAL) {
            int[] all = new int[m];
            Arrays.setAll(all, i -> i);
            blocks.add(new ExpmBlock(sub(w, all, all), rows(u, all), rows(c, all)));
            return new KernelEvaluator(blocks.toArray(new Block[0]), d);
        }
        for (int[] idx : components(w)) {
            DMatrixRMaj cb = rows(c, idx);
            DMatrixRMaj ub = rows(u, idx);
            if (isZero(cb) || isZero(ub)) {
                continue; // the block is invisible in the output: cᵀ e^{Wt} U gets nothing from it
            }
            DMatrixRMaj wb = sub(w, idx, idx);
            String[] why = new String[1];
            EigenBlock eb = EigenBlock.tryBuild(wb, ub, cb, why);
            if (eb != null) {
                blocks.add(eb);
            } else if (method == KernelMethod.EIGEN) {
                throw new IllegalStateException("the eigen route is not available for this W: " + why[0]
                        + "; use KernelMethod.AUTO or KernelMethod.MATRIX_EXPONENTIAL");
            } else {
                blocks.add(new ExpmBlock(wb, ub, cb));
            }
        }
        return new KernelEvaluator(blocks.toArray(new Block[0]), d);
    }

    String description() {
        return description;
    }

    int dimension() {
        return d;
    }

    /** Component j of ρ̂(t), t ≥ 0 finite (checked by the caller). */
    double component(int j, double t) {
        double s = 0;
        for (Block b : blocks) {
            s += b.component(j, t);
        }
        return s;
    }

    /** ρ̂(t) into out[0..d). */
    void valueInto(double t, double[] out) {
        Arrays.fill(out, 0, d, 0.0);
        for (Block b : blocks) {
            b.addInto(t, out);
        }
    }

    // ------------------------------------------------------------------ block structure

    /** Index sets of the connected components of the graph with an edge i–j when W_ij ≠ 0 or W_ji ≠ 0. */
    static List<int[]> components(DMatrixRMaj w) {
        int m = w.numRows;
        int[] parent = new int[m];
        Arrays.setAll(parent, i -> i);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j && w.unsafe_get(i, j) != 0) {
                    int a = find(parent, i);
                    int b = find(parent, j);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOf = new int[m];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < m; i++) {
            int r = find(parent, i);
            if (groupOf[r] < 0) {
                groupOf[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[r]).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static DMatrixRMaj sub(DMatrixRMaj a, int[] rows, int[] cols) {
        DMatrixRMaj out = new DMatrixRMaj(rows.length, cols.length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out.unsafe_set(i, j, a.unsafe_get(rows[i], cols[j]));
            }
        }
        return out;
    }

    private static DMatrixRMaj rows(DMatrixRMaj a, int[] rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows.length, a.numCols);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < a.numCols; j++) {
                out.unsafe_set(i, j, a.unsafe_get(rows[i], j));
            }
        }
        return out;
    }

    private static boolean isZero(DMatrixRMaj a) {
        for (int i = 0; i < a.getNumElements(); i++) {
            if (a.data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ blocks

    private interface Block {
        double component(int j, double t);

        void addInto(double t, double[] out);
    }

    /**
     * ρ̂_j(t) = Σ_real g_kj e^{λ_k t} + Σ_{pairs, Im λ_k &gt; 0} 2 e^{a_k t}(Re γ_kj cos b_k t − Im γ_kj sin b_k t)
     * with γ_kj = (cᵀV)_k (V⁻¹U)_kj.
     */
    static final class EigenBlock implements Block {
        private final int d;
        private final double[] realRates;   // real eigenvalues λ_k
        private final double[] realCoef;    // [k*d + j]
        private final double[] pairRe;      // a_k
        private final double[] pairIm;      // b_k > 0
        private final double[] pairCoefRe;  // 2 Re γ, [k*d + j]
        private final double[] pairCoefIm;  // 2 Im γ

        private EigenBlock(int d, double[] realRates, double[] realCoef, double[] pairRe, double[] pairIm,
                           double[] pairCoefRe, double[] pairCoefIm) {
            this.d = d;
            this.realRates = realRates;
            this.realCoef = realCoef;
            this.pairRe = pairRe;
            this.pairIm = pairIm;
            this.pairCoefRe = pairCoefRe;
            this.pairCoefIm = pairCoefIm;
        }

        /** Returns null (and the reason in why[0]) when the block is not well diagonalizable. */
        static EigenBlock tryBuild(DMatrixRMaj w, DMatrixRMaj u, DMatrixRMaj c, String[] why) {
            int n = w.numRows;
            int d = u.numCols;
            if (n == 1) {
                double[] coef = new double[d];
                for (int j = 0; j < d; j++) {
                    coef[j] = c.get(0, 0) * u.get(0, j);
                }
                return new EigenBlock(d, new double[]{w.get(0, 0)}, coef, new double[0], new double[0],
                        new double[0], new double[0]);
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
            if (!eig.decompose(w.copy())) {
                why[0] = "the eigenvalue computation did not converge";
                return null;
            }
            double scale = NormOps_DDRM.normF(w);
            double imagTol = 1e-13 * Math.max(scale, Double.MIN_NORMAL);
            List<Complex_F64> real = new ArrayList<>();
            List<Complex_F64> upper = new ArrayList<>();
            int lower = 0;
            for (int k = 0; k < n; k++) {
                Complex_F64 l = eig.getEigenvalue(k);
                if (Math.abs(l.imaginary) <= imagTol) {
                    real.add(new Complex_F64(l.real, 0));
                } else if (l.imaginary > 0) {
                    upper.add(new Complex_F64(l.real, l.imaginary));
                } else {
                    lower++;
                }
            }
            if (lower != upper.size()) {
                why[0] = "complex eigenvalues do not come in conjugate pairs numerically";
                return null;
            }
            // eigenvalue order in V: real ones, then upper, then conjugates of upper
            int nr = real.size();
            int np = upper.size();
            Complex_F64[] lambda = new Complex_F64[n];
            for (int k = 0; k < nr; k++) {
                lambda[k] = real.get(k);
            }
            for (int k = 0; k < np; k++) {
                lambda[nr + k] = upper.get(k);
                lambda[nr + np + k] = new Complex_F64(upper.get(k).real, -upper.get(k).imaginary);
            }
            ZMatrixRMaj v = new ZMatrixRMaj(n, n);
            for (int k = 0; k < nr + np; k++) {
                double[][] vec = eigenvector(w, lambda[k], scale);
                if (vec == null) {
                    why[0] = "inverse iteration for the eigenvector of " + LinearRnn.format(lambda[k]) + " failed";
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    v.set(i, k, vec[0][i], vec[1][i]);
                    if (k >= nr) {
                        v.set(i, k + np, vec[0][i], -vec[1][i]);
                    }
                }
            }
            ZMatrixRMaj vinv = new ZMatrixRMaj(n, n);
            if (!CommonOps_ZDRM.invert(v, vinv) || !finite(vinv)) {
                why[0] = "the eigenvector matrix is singular (W is defective, e.g. a Jordan block)";
                return null;
            }
            double cond = frobenius(v) * frobenius(vinv) / n;
            if (!(cond <= MAX_EIGENVECTOR_CONDITION)) {
                why[0] = String.format("the eigenvector matrix is ill-conditioned (normalised condition number %.3g > %.0g;"
                        + " W is defective or nearly so)", cond, MAX_EIGENVECTOR_CONDITION);
                return null;
            }
            // reconstruction check: V Λ V⁻¹ ≈ W
            ZMatrixRMaj vl = v.copy();
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    double re = v.getReal(i, k);
                    double im = v.getImag(i, k);
                    vl.set(i, k, re * lambda[k].real - im * lambda[k].imaginary, re * lambda[k].imaginary + im * lambda[k].real);
                }
            }
            ZMatrixRMaj rec = new ZMatrixRMaj(n, n);
            CommonOps_ZDRM.mult(vl, vinv, rec);
            double err = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dr = rec.getReal(i, j) - w.get(i, j);
                    double di = rec.getImag(i, j);
                    err += dr * dr + di * di;
                }
            }
            err = Math.sqrt(err) / Math.max(scale, Double.MIN_NORMAL);
            if (!(err <= MAX_RECONSTRUCTION_ERROR)) {
                why[0] = String.format("the eigendecomposition reproduces W only to relative error %.3g", err);
                return null;
            }
            // α = cᵀ V (1×n), B = V⁻¹ U (n×d)
            ZMatrixRMaj ct = new ZMatrixRMaj(1, n);
            for (int i = 0; i < n; i++) {
                ct.set(0, i, c.get(i, 0), 0);
            }
            ZMatrixRMaj alpha = new ZMatrixRMaj(1, n);
            CommonOps_ZDRM.mult(ct, v, alpha);
            ZMatrixRMaj uz = new ZMatrixRMaj(n, d);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    uz.set(i, j, u.get(i, j), 0);
                }
            }
            ZMatrixRMaj beta = new ZMatrixRMaj(n, d);
            CommonOps_ZDRM.mult(vinv, uz, beta);
            double[] realRates = new double[nr];
            double[] realCoef = new double[nr * d];
            double[] pairRe = new double[np];
            double[] pairIm = new double[np];
            double[] pairCoefRe = new double[np * d];
            double[] pairCoefIm = new double[np * d];
            for (int k = 0; k < nr + np; k++) {
                double ar = alpha.getReal(0, k);
                double ai = alpha.getImag(0, k);
                for (int j = 0; j < d; j++) {
                    double br = beta.getReal(k, j);
                    double bi = beta.getImag(k, j);
                    double gr = ar * br - ai * bi;
                    double gi = ar * bi + ai * br;
                    if (k < nr) {
                        realCoef[k * d + j] = gr;
                    } else {
                        pairCoefRe[(k - nr) * d + j] = 2 * gr;
                        pairCoefIm[(k - nr) * d + j] = 2 * gi;
                    }
                }
                if (k < nr) {
                    realRates[k] = lambda[k].real;
                } else {
                    pairRe[k - nr] = lambda[k].real;
                    pairIm[k - nr] = lambda[k].imaginary;
                }
            }
            return new EigenBlock(d, realRates, realCoef, pairRe, pairIm, pairCoefRe, pairCoefIm);
        }

        /** Eigenvector for λ by shifted inverse iteration; returns {re[], im[]} or null on failure. */
        private static double[][] eigenvector(DMatrixRMaj w, Complex_F64 lambda, double scale) {
            int n = w.numRows;
            double shift = 1e-10 * Math.max(scale, Double.MIN_NORMAL);
            ZMatrixRMaj a = new ZMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a.set(i, j, w.get(i, j), 0);
                }
                a.set(i, i, w.get(i, i) - lambda.real - shift, -lambda.imaginary - shift);
            }
            LinearSolverDense<ZMatrixRMaj> solver = LinearSolverFactory_ZDRM.lu(n);
            if (!solver.setA(a)) {
                return null;
            }
            Random random = new Random(20_200_915L);
            ZMatrixRMaj x = new ZMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                x.set(i, 0, random.nextGaussian(), random.nextGaussian());
            }
            ZMatrixRMaj y = new ZMatrixRMaj(n, 1);
            for (int iter = 0; iter < 3; iter++) {
                solver.solve(x, y);
                double norm = frobenius(y);
                if (!(norm > 0) || !Double.isFinite(norm)) {
                    return null;
                }
                for (int i = 0; i < n; i++) {
                    x.set(i, 0, y.getReal(i, 0) / norm, y.getImag(i, 0) / norm);
                }
            }
            double[][] out = new double[2][n];
            for (int i = 0; i < n; i++) {
                out[0][i] = x.getReal(i, 0);
                out[1][i] = x.getImag(i, 0);
            }
            return out;
        }

        @Override
        public double component(int j, double t) {
            double s = 0;
            for (int k = 0; k < realRates.length; k++) {
                s += realCoef[k * d + j] * Math.exp(realRates[k] * t);
            }
            for (int k = 0; k < pairRe.length; k++) {
                double e = Math.exp(pairRe[k] * t);
                if (e == 0) {
                    continue;
                }
                double phase = pairIm[k] * t;
                s += e * (pairCoefRe[k * d + j] * Math.cos(phase) - pairCoefIm[k * d + j] * Math.sin(phase));
            }
            return s;
        }

        @Override
        public void addInto(double t, double[] out) {
            for (int k = 0; k < realRates.length; k++) {
                double e = Math.exp(realRates[k] * t);
                for (int j = 0; j < d; j++) {
                    out[j] += realCoef[k * d + j] * e;
                }
            }
            for (int k = 0; k < pairRe.length; k++) {
                double e = Math.exp(pairRe[k] * t);
                if (e == 0) {
                    continue;
                }
                double cos = e * Math.cos(pairIm[k] * t);
                double sin = e * Math.sin(pairIm[k] * t);
                for (int j = 0; j < d; j++) {
                    out[j] += pairCoefRe[k * d + j] * cos - pairCoefIm[k * d + j] * sin;
                }
            }
        }
    }

    /**
     * r(t) = cᵀ e^{Wt} with t = kτ + δ: r(kτ) = cᵀ Π_{bits j of k} P_j, P_j = e^{Wτ2^j} (cached), then
     * r(t) = r(kτ) Σ_i (Wδ)^i / i! (Taylor, ‖Wδ‖ ≤ ½). Finally ρ̂(t)ᵀ = r(t) U.
     */
    static final class ExpmBlock implements Block {
        private static final int MAX_BITS = 62;
        private final int n;
        private final int d;
        private final double[] w;     // n×n row-major
        private final double[] u;     // n×d row-major
        private final double[] c;     // n
        private final double tau;
        private final double[][] powers; // P_j row-major, null entries beyond the first all-zero power

        ExpmBlock(DMatrixRMaj wb, DMatrixRMaj ub, DMatrixRMaj cb) {
            this.n = wb.numRows;
            this.d = ub.numCols;
            this.w = wb.data.clone();
            this.u = ub.data.clone();
            this.c = cb.data.clone();
            double norm = Math.max(NormOps_DDRM.inducedP1(wb), NormOps_DDRM.inducedPInf(wb));
            this.tau = norm > 0 ? 0.5 / norm : 1.0;
            List<double[]> list = new ArrayList<>();
            DMatrixRMaj p = MatrixExponential.expUnchecked(scaled(wb, tau));
            DMatrixRMaj sq = new DMatrixRMaj(n, n);
            for (int j = 0; j <= MAX_BITS; j++) {
                list.add(p.data.clone());
                if (isZero(p.data)) {
                    break;
                }
                CommonOps_DDRM.mult(p, p, sq);
                DMatrixRMaj swap = p;
                p = sq;
                sq = swap;
            }
            this.powers = list.toArray(new double[0][]);
        }

        private static DMatrixRMaj scaled(DMatrixRMaj a, double s) {
            DMatrixRMaj out = a.copy();
            CommonOps_DDRM.scale(s, out);
            return out;
        }

        /** r(t) = cᵀ e^{Wt}. */
        private double[] row(double t) {
            double q = Math.floor(t / tau);
            if (q >= 0x1.0p62) {
                // far beyond the cached powers: one direct scaling-and-squaring evaluation
                DMatrixRMaj e = MatrixExponential.expUnchecked(scaled(DMatrixRMaj.wrap(n, n, w.clone()), t));
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        r[j] += c[i] * e.data[i * n + j];
                    }
                }
                return r;
            }
            long k = (long) q;
            double delta = t - q * tau;
            double[] r = c.clone();
            double[] tmp = new double[n];
            for (int bit = 0; k != 0; bit++, k >>>= 1) {
                if ((k & 1) == 0) {
                    continue;
                }
                if (bit >= powers.length - 1 && isZero(powers[powers.length - 1])) {
                    Arrays.fill(r, 0.0);
                    return r;
                }
                vecMat(r, powers[bit], tmp);
                System.arraycopy(tmp, 0, r, 0, n);
            }
            // Taylor series of e^{Wδ} applied from the left
            double[] acc = r.clone();
            double[] term = r;
            for (int i = 1; i <= 40; i++) {
                vecMat(term, w, tmp);
                double f = delta / i;
                double tn = 0;
                double an = 0;
                for (int a = 0; a < n; a++) {
                    term[a] = tmp[a] * f;
                    acc[a] += term[a];
                    tn = Math.max(tn, Math.abs(term[a]));
                    an = Math.max(an, Math.abs(acc[a]));
                }
                if (tn <= 1e-18 * an || tn == 0) {
                    break;
                }
            }
            return acc;
        }

        private void vecMat(double[] x, double[] m, double[] out) {
            Arrays.fill(out, 0.0);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                if (xi == 0) {
                    continue;
                }
                int base = i * n;
                for (int j = 0; j < n; j++) {
                    out[j] += xi * m[base + j];
                }
            }
        }

        private static boolean isZero(double[] a) {
            for (double v : a) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public double component(int j, double t) {
            double[] r = row(t);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r[i] * u[i * d + j];
            }
            return s;
        }

        @Override
        public void addInto(double t, double[] out) {
            double[] r = row(t);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    out[j] += r[i] * u[i * d + j];
                }
            }
        }
    }

    private static boolean finite(ZMatrixRMaj a) {
        for (int i = 0; i < a.getDataLength(); i++) {
            if (!Double.isFinite(a.data[i])) {
                return false;
            }
        }
        return true;
    }

    private static double frobenius(ZMatrixRMaj a) {
        double s = 0;
        for (int i = 0; i < a.getDataLength(); i++) {
            s += a.data[i] * a.data[i];
        }
        return Math.sqrt(s);
    }
}
