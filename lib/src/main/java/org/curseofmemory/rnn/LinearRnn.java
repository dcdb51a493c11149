package org.curseofmemory.rnn;

import org.curseofmemory.util.KitArgumentException;
import java.util.Arrays;
import java.util.Comparator;
import org.curseofmemory.linalg.Matrices;
import org.curseofmemory.signal.InputSignal;
import org.curseofmemory.util.Validate;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A continuous-time linear RNN (Li, Han, E &amp; Li 2021; docs/theory.md §2):
 * <pre>
 *   dh/dt = W h + U x,   ŷ = cᵀ h,   h ∈ ℝ^m, x ∈ ℝ^d, W ∈ ℝ^{m×m}, U ∈ ℝ^{m×d}, c ∈ ℝ^m,
 * </pre>
 * started from rest (h = 0 while the input is zero). With W Hurwitz (every eigenvalue has negative
 * real part) the model is the functional ŷ_t = ∫₀^∞ x(t−s)ᵀ ρ̂(s) ds with model kernel
 * ρ̂(s) = (cᵀ e^{Ws} U)ᵀ, an exponential sum whose exponents are the eigenvalues of W
 * (complex pairs give damped oscillations, Jordan blocks polynomial factors).
 *
 * <p>Immutable. Factories {@link #of}, {@link #diagonal}, {@link #fromModes} check dimensions, finiteness
 * and the Hurwitz condition; {@link #unchecked} skips the Hurwitz check so that an unstable W can be
 * simulated (its kernel and functional are refused). Raw matrices: {@link #W()}, {@link #U()},
 * {@link #c()} (arrays) and {@link #matrixW()}, {@link #matrixU()}, {@link #matrixC()} (EJML copies).
 */
public final class LinearRnn {

    private final DMatrixRMaj w;
    private final DMatrixRMaj u;
    private final DMatrixRMaj c; // m×1
    private final Complex_F64[] eigenvalues; // sorted: largest real part first
    private final boolean hurwitz;
    private final boolean checked;
    private volatile KernelEvaluator autoEvaluator;

    private LinearRnn(DMatrixRMaj w, DMatrixRMaj u, DMatrixRMaj c, boolean requireHurwitz) {
        this.w = w;
        this.u = u;
        this.c = c;
        this.eigenvalues = computeEigenvalues(w);
        this.hurwitz = eigenvalues[0].real < 0;
        this.checked = requireHurwitz;
        if (requireHurwitz && !hurwitz) {
            throw new KitArgumentException(hurwitzMessage());
        }
    }

    // ------------------------------------------------------------------ factories

    /**
     * A linear RNN from row arrays (copied). W is m×m, U is m×d, c has length m; all finite; W Hurwitz.
     *
     * @throws IllegalArgumentException naming W, U or c and the shapes on a dimension mismatch, the entry
     *                                  on a non-finite value, or the offending eigenvalue if W is not Hurwitz
     */
    public static LinearRnn of(double[][] W, double[][] U, double[] c) {
        return build(W, U, c, true);
    }

    /**
     * A linear RNN from EJML matrices (copied). c may be an m×1 column or a 1×m row.
     *
     * @see #of(double[][], double[][], double[])
     */
    public static LinearRnn of(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj c) {
        return build(W, U, c, true);
    }

    /**
     * Like {@link #of(double[][], double[][], double[])} but W need not be Hurwitz: for teaching instability.
     * Such an RNN can be simulated ({@link #simulate}); {@link #kernel()}, {@link #vectorKernel()} and
     * {@link #functional()} throw IllegalStateException because ρ̂ is not integrable. Dimensions and
     * finiteness are still checked.
     */
    public static LinearRnn unchecked(double[][] W, double[][] U, double[] c) {
        return build(W, U, c, false);
    }

    /** EJML variant of {@link #unchecked(double[][], double[][], double[])}. */
    public static LinearRnn unchecked(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj c) {
        return build(W, U, c, false);
    }

    /**
     * Diagonal RNN with scalar input: W = diag(−r₁, …, −r_m), U = (1, …, 1)ᵀ, c = (a₁, …, a_m), so that
     * ρ̂(t) = Σ_k a_k e^{−r_k t} (docs/theory.md §2; the Jackson construction of §3 uses r_k = kβ).
     *
     * @param rates      decay rates r_k &gt; 0
     * @param amplitudes amplitudes a_k (finite), same length
     */
    public static LinearRnn diagonal(double[] rates, double[] amplitudes) {
        Validate.finiteArray("rates", rates, 1);
        Validate.finiteArray("amplitudes", amplitudes, 1);
        Validate.length("amplitudes", amplitudes, rates.length);
        int m = rates.length;
        DMatrixRMaj w = new DMatrixRMaj(m, m);
        DMatrixRMaj u = new DMatrixRMaj(m, 1);
        DMatrixRMaj c = new DMatrixRMaj(m, 1);
        for (int k = 0; k < m; k++) {
            Validate.positive("rates[" + k + "]", rates[k]);
            w.set(k, k, -rates[k]);
            u.set(k, 0, 1.0);
            c.set(k, 0, amplitudes[k]);
        }
        return new LinearRnn(w, u, c, true);
    }

    /**
     * RNN of n complex-conjugate mode pairs (width m = 2n, scalar input) with kernel
     * ρ̂(t) = Σ_k e^{−w_k t}(a_k cos θ_k t − b_k sin θ_k t), the model of the Airy experiment in
     * docs/theory.md §4. Pair k is the real 2×2 block W_k = [[−w_k, −θ_k], [θ_k, −w_k]] (eigenvalues
     * −w_k ± iθ_k) with U_k = (1, 0)ᵀ and c_k = (a_k, −b_k).
     *
     * @param a     cosine amplitudes a_k
     * @param b     sine amplitudes b_k
     * @param w     decay rates w_k &gt; 0
     * @param theta angular frequencies θ_k (finite; 0 gives a real double mode)
     */
    public static LinearRnn fromModes(double[] a, double[] b, double[] w, double[] theta) {
        Validate.finiteArray("a", a, 1);
        int n = a.length;
        Validate.finiteArray("b", b, 1);
        Validate.length("b", b, n);
        Validate.finiteArray("w", w, 1);
        Validate.length("w", w, n);
        Validate.finiteArray("theta", theta, 1);
        Validate.length("theta", theta, n);
        DMatrixRMaj wm = new DMatrixRMaj(2 * n, 2 * n);
        DMatrixRMaj um = new DMatrixRMaj(2 * n, 1);
        DMatrixRMaj cm = new DMatrixRMaj(2 * n, 1);
        for (int k = 0; k < n; k++) {
            Validate.positive("w[" + k + "]", w[k]);
            int i = 2 * k;
            wm.set(i, i, -w[k]);
            wm.set(i, i + 1, -theta[k]);
            wm.set(i + 1, i, theta[k]);
            wm.set(i + 1, i + 1, -w[k]);
            um.set(i, 0, 1.0);
            cm.set(i, 0, a[k]);
            cm.set(i + 1, 0, -b[k]);
        }
        return new LinearRnn(wm, um, cm, true);
    }

    private static LinearRnn build(double[][] W, double[][] U, double[] c, boolean requireHurwitz) {
        DMatrixRMaj w = Matrices.fromRows("W", W);
        DMatrixRMaj u = Matrices.fromRows("U", U);
        Validate.notNull("c", c);
        DMatrixRMaj cm = new DMatrixRMaj(c.length, 1);
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new KitArgumentException("c[" + i + "]=" + c[i] + " must be a finite number");
            }
            cm.set(i, 0, c[i]);
        }
        checkShapes(w, u, cm, "has length " + c.length);
        return new LinearRnn(w, u, cm, requireHurwitz);
    }

    private static LinearRnn build(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj c, boolean requireHurwitz) {
        DMatrixRMaj w = Matrices.checkedCopy("W", W);
        DMatrixRMaj u = Matrices.checkedCopy("U", U);
        DMatrixRMaj cm = Matrices.checkedCopy("c", c);
        String cShape = "is " + Matrices.shape(cm);
        if (cm.numRows == 1 && cm.numCols != 1) {
            cm.reshape(cm.numCols, 1, true); // a row vector's data is already in column order
        } else if (cm.numCols != 1) {
            throw new KitArgumentException("c must be an m-vector (m×1 or 1×m) but " + cShape);
        }
        checkShapes(w, u, cm, cShape);
        return new LinearRnn(w, u, cm, requireHurwitz);
    }

    private static void checkShapes(DMatrixRMaj w, DMatrixRMaj u, DMatrixRMaj c, String cShape) {
        if (w.numRows != w.numCols || w.numRows == 0) {
            throw new KitArgumentException("W must be square (m×m, m >= 1) but is " + Matrices.shape(w));
        }
        int m = w.numRows;
        if (u.numRows != m) {
            throw new KitArgumentException("U must have m=" + m + " rows to match W (" + Matrices.shape(w)
                    + ") but is " + Matrices.shape(u));
        }
        if (u.numCols == 0) {
            throw new KitArgumentException("U must have at least one column (input dimension d >= 1) but is "
                    + Matrices.shape(u));
        }
        if (c.numRows != m) {
            throw new KitArgumentException("c must have length m=" + m + " to match W (" + Matrices.shape(w)
                    + ") but " + cShape);
        }
    }

    // ------------------------------------------------------------------ fluent copies

    /**
     * A copy with recurrent matrix W. The Hurwitz check applies unless this RNN was made by
     * {@link #unchecked} (then the copy is unchecked too).
     */
    public LinearRnn withW(double[][] W) {
        return build(W, U(), c(), hurwitzRequired());
    }

    /** A copy with input matrix U (m×d'; d' may differ from d). */
    public LinearRnn withU(double[][] U) {
        return build(W(), U, c(), hurwitzRequired());
    }

    /** A copy with readout c. */
    public LinearRnn withC(double[] c) {
        return build(W(), U(), c, hurwitzRequired());
    }

    private boolean hurwitzRequired() {
        return checked;
    }

    /**
     * Parallel connection: W = diag(W₁, W₂), U = [U₁; U₂], c = [c₁; c₂], so ρ̂ = ρ̂₁ + ρ̂₂ and the outputs
     * add. Both RNNs need the same input dimension d.
     */
    public LinearRnn plus(LinearRnn other) {
        Validate.notNull("other RNN", other);
        if (other.inputDimension() != inputDimension()) {
            throw new KitArgumentException("other RNN has input dimension d=" + other.inputDimension()
                    + " but this RNN has d=" + inputDimension() + "; parallel RNNs need the same d");
        }
        int m1 = width();
        int m2 = other.width();
        int d = inputDimension();
        DMatrixRMaj w2 = new DMatrixRMaj(m1 + m2, m1 + m2);
        DMatrixRMaj u2 = new DMatrixRMaj(m1 + m2, d);
        DMatrixRMaj c2 = new DMatrixRMaj(m1 + m2, 1);
        CommonOps_DDRM.insert(w, w2, 0, 0);
        CommonOps_DDRM.insert(other.w, w2, m1, m1);
        CommonOps_DDRM.insert(u, u2, 0, 0);
        CommonOps_DDRM.insert(other.u, u2, m1, 0);
        CommonOps_DDRM.insert(c, c2, 0, 0);
        CommonOps_DDRM.insert(other.c, c2, m1, 0);
        return new LinearRnn(w2, u2, c2, checked && other.checked);
    }

    // ------------------------------------------------------------------ structure

    /** Width m (hidden dimension). */
    public int width() {
        return w.numRows;
    }

    /** Input dimension d. */
    public int inputDimension() {
        return u.numCols;
    }

    /** W as new row arrays. */
    public double[][] W() {
        return Matrices.toRows(w);
    }

    /** U as new row arrays (m×d). */
    public double[][] U() {
        return Matrices.toRows(u);
    }

    /** c as a new array of length m. */
    public double[] c() {
        return c.data.clone();
    }

    /** W as a new EJML matrix (escape hatch). */
    public DMatrixRMaj matrixW() {
        return w.copy();
    }

    /** U as a new EJML matrix (escape hatch). */
    public DMatrixRMaj matrixU() {
        return u.copy();
    }

    /** c as a new m×1 EJML matrix (escape hatch). */
    public DMatrixRMaj matrixC() {
        return c.copy();
    }

    /** The eigenvalues of W (new objects), largest real part first, then larger imaginary part first. */
    public Complex_F64[] eigenvalues() {
        Complex_F64[] out = new Complex_F64[eigenvalues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Complex_F64(eigenvalues[i].real, eigenvalues[i].imaginary);
        }
        return out;
    }

    /** Real parts of {@link #eigenvalues()}, same order. */
    public double[] eigenvalueRealParts() {
        return Arrays.stream(eigenvalues).mapToDouble(l -> l.real).toArray();
    }

    /** Imaginary parts of {@link #eigenvalues()}, same order. */
    public double[] eigenvalueImaginaryParts() {
        return Arrays.stream(eigenvalues).mapToDouble(l -> l.imaginary).toArray();
    }

    /**
     * −max Re λ(W): the slowest exponential decay rate of the model's memory, |ρ̂(t)| = O(t^{k}e^{−rt}).
     * Positive iff W is Hurwitz; the inverse theorem of docs/theory.md §3 needs it bounded below by β &gt; 0.
     */
    public double slowestDecayRate() {
        return -eigenvalues[0].real;
    }

    /** True when every eigenvalue of W has negative real part. */
    public boolean isHurwitz() {
        return hurwitz;
    }

    /** ŷ = cᵀh for a hidden state h of length m. */
    public double output(double[] h) {
        Validate.finiteArray("hidden state h", h, 0);
        Validate.length("hidden state h", h, width());
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += c.data[i] * h[i];
        }
        return s;
    }

    // ------------------------------------------------------------------ kernel and functional

    /**
     * The model kernel ρ̂(t) = cᵀ e^{Wt} U for scalar input (d = 1), evaluated with {@link KernelMethod#AUTO}.
     *
     * @throws IllegalStateException if d &gt; 1 (use {@link #vectorKernel()}) or W is not Hurwitz
     */
    public RnnKernel kernel() {
        return kernel(KernelMethod.AUTO);
    }

    /** The model kernel with a chosen evaluation method (see {@link KernelMethod}). */
    public RnnKernel kernel(KernelMethod method) {
        if (inputDimension() != 1) {
            throw new IllegalStateException("kernel() is for scalar input (d=1) but this RNN has input dimension d="
                    + inputDimension() + "; use vectorKernel()");
        }
        return new RnnKernel(evaluator(method), 0, "linear RNN kernel (m=" + width() + ")", this, method);
    }

    /** The model kernel ρ̂(t) = (cᵀ e^{Wt} U)ᵀ ∈ ℝ^d for any d (docs/theory.md §2). */
    public RnnVectorKernel vectorKernel() {
        return vectorKernel(KernelMethod.AUTO);
    }

    /** The vector model kernel with a chosen evaluation method. */
    public RnnVectorKernel vectorKernel(KernelMethod method) {
        return new RnnVectorKernel(evaluator(method), "linear RNN kernel (m=" + width() + ", d=" + inputDimension() + ")",
                this, method);
    }

    /** The functional Ĥ_t(x) = ∫₀^∞ x(t−s)ᵀ ρ̂(s) ds computed by quadrature (docs/theory.md §2). */
    public LinearFunctional functional() {
        return LinearFunctional.of(vectorKernel());
    }

    private KernelEvaluator evaluator(KernelMethod method) {
        Validate.notNull("kernel method", method);
        if (!hurwitz) {
            throw new IllegalStateException("the kernel of this RNN is not integrable because " + hurwitzMessage()
                    + "; an RNN made with LinearRnn.unchecked can only be simulated");
        }
        if (method != KernelMethod.AUTO) {
            return KernelEvaluator.build(w, u, c, method);
        }
        KernelEvaluator e = autoEvaluator;
        if (e == null) {
            synchronized (this) {
                e = autoEvaluator;
                if (e == null) {
                    e = KernelEvaluator.build(w, u, c, KernelMethod.AUTO);
                    autoEvaluator = e;
                }
            }
        }
        return e;
    }

    // ------------------------------------------------------------------ simulation

    /**
     * Simulates dh/dt = W h + U x on [0, T] from h(0) = 0 with the exact zero-order-hold stepper
     * (see {@link RnnSimulator}). Works for unchecked (non-Hurwitz) RNNs too.
     */
    public Trajectory simulate(InputSignal x, double tEnd, double dt) {
        return RnnSimulator.zeroOrderHold(dt).simulate(this, x, tEnd);
    }

    // ------------------------------------------------------------------ helpers

    DMatrixRMaj w() {
        return w;
    }

    DMatrixRMaj u() {
        return u;
    }

    DMatrixRMaj cColumn() {
        return c;
    }

    private String hurwitzMessage() {
        return "W is not Hurwitz: eigenvalue " + format(eigenvalues[0])
                + " has real part >= 0 (every eigenvalue of W must have negative real part)";
    }

    private static Complex_F64[] computeEigenvalues(DMatrixRMaj w) {
        int m = w.numRows;
        Complex_F64[] out = new Complex_F64[m];
        if (m == 1) {
            out[0] = new Complex_F64(w.get(0, 0), 0);
            return out;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
        if (!eig.decompose(w.copy())) {
            throw new KitArgumentException("the eigenvalues of W (" + Matrices.shape(w)
                    + ") could not be computed: the QR iteration did not converge");
        }
        for (int i = 0; i < m; i++) {
            Complex_F64 l = eig.getEigenvalue(i);
            out[i] = new Complex_F64(l.real, l.imaginary);
        }
        Arrays.sort(out, Comparator.<Complex_F64>comparingDouble(l -> -l.real).thenComparingDouble(l -> -l.imaginary));
        return out;
    }

    /** "0.3+0.0i" style, 10 significant digits. */
    static String format(Complex_F64 l) {
        return round(l.real) + (l.imaginary < 0 ? "-" : "+") + round(Math.abs(l.imaginary)) + "i";
    }

    private static String round(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return Double.toString(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", x)) + 0.0);
    }

    @Override
    public String toString() {
        return "LinearRnn[m=" + width() + ", d=" + inputDimension()
                + (hurwitz ? ", slowest decay rate " + round(slowestDecayRate()) : ", NOT Hurwitz: " + hurwitzMessage()) + "]";
    }
}
