package org.curseofmemory.train.sequence;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.optim.BatchLoss;
import org.curseofmemory.util.Validate;

/**
 * The data-fitting problem: a {@link DiscreteRnn} and a {@link SequenceDataset}, with the loss
 * <pre>  L(θ) = ½ · (1/N) Σ_i Σ_{k ≥ washout} (ŷ_k(θ; x⁽ⁱ⁾) − y_k⁽ⁱ⁾)²,   N = n (K − washout),  </pre>
 * half the mean squared error per sample (= per unit time). Its exact gradient is computed by
 * back-propagation through time written out by hand (through e^{WΔt} via the Fréchet derivative
 * of the matrix exponential for the zero-order hold). The first {@code washout} outputs of each
 * sequence, where the model has seen less history than it remembers, are left out.
 *
 * <p><b>Kernel picture (docs/theory.md §4).</b> For white-noise input (x_k i.i.d. N(0, 1/Δt)), a linear
 * model and a kernel target, each error ŷ_k − y_k = Σ_l (ĝ_l − g_l) x_{k−l} is Gaussian with
 * variance Σ_l (ĝ_l − g_l)²/Δt ≈ ∫₀^∞ (ρ̂ − ρ)² ds once k exceeds the memory; so E[L] ≈
 * J = ½ ∫ (ρ̂ − ρ)², the kernel loss the kernel trainers minimise: gradient descent on data ≈
 * gradient descent on the kernel loss.
 *
 * <p>As a {@link BatchLoss} (its samples are the sequences) it plugs into every trainer of
 * {@code org.curseofmemory.optim}, full-batch or, for gradient descent and Adam, on mini-batches
 * ({@code withBatchSize}); {@link SequenceProblem} adds a seeded θ_0. Its configuration is immutable;
 * it keeps scratch buffers, so use one instance from one thread at a time.
 */
public final class DataLoss implements BatchLoss {
    private final DiscreteRnn model;
    private final SequenceDataset data;
    private final int washout;
    private final double referenceLoss;
    private final DiscreteRnn.Workspace workspace = new DiscreteRnn.Workspace();

    private DataLoss(DiscreteRnn model, SequenceDataset data, int washout) {
        this.model = model;
        this.data = data;
        this.washout = washout;
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] y = data.rawTarget(i);
            for (int k = washout; k < y.length; k++) {
                s += y[k] * y[k];
            }
        }
        this.referenceLoss = 0.5 * s / ((double) data.size() * (data.steps() - washout));
    }

    /**
     * The loss of {@code model} on {@code data}, no washout.
     *
     * @throws IllegalArgumentException if the input dimensions or the Δt's differ
     */
    public static DataLoss of(DiscreteRnn model, SequenceDataset data) {
        Validate.notNull("model", model);
        Validate.notNull("dataset", data);
        if (model.inputDimension() != data.inputDimension()) {
            throw new KitArgumentException("model input dimension d=" + model.inputDimension()
                    + " must equal the dataset input dimension d=" + data.inputDimension());
        }
        if (Math.abs(model.dt() - data.dt()) > 1e-12 * Math.max(model.dt(), data.dt())) {
            throw new KitArgumentException("model sample interval dt=" + model.dt()
                    + " must equal the dataset sample interval dt=" + data.dt());
        }
        return new DataLoss(model, data, 0);
    }

    /**
     * A copy that ignores the first {@code washout} outputs of every sequence.
     *
     * @param washout in [0, K − 1]
     */
    public DataLoss withWashout(int washout) {
        Validate.inRange("washout", washout, 0, data.steps() - 1);
        return new DataLoss(model, data, washout);
    }

    /** The model being fitted. */
    public DiscreteRnn model() {
        return model;
    }

    /** The training sequences. */
    public SequenceDataset data() {
        return data;
    }

    /** Number of leading outputs per sequence left out of the loss. */
    public int washout() {
        return washout;
    }

    /** L_ref = ½ (1/N) Σ y_k², the loss of the zero model (relative loss = L/L_ref). */
    public double referenceLoss() {
        return referenceLoss;
    }

    /** The samples are the n sequences. */
    @Override
    public int sampleCount() {
        return data.size();
    }

    @Override
    public int dimension() {
        return model.parameterCount();
    }

    /** L(θ) on all sequences and, if {@code gradient != null}, ∇L(θ) written into it. */
    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient, null);
    }

    /**
     * The mini-batch loss L_B(θ) = ½ (1/N_B) Σ_{i ∈ B} Σ_{k ≥ washout} (ŷ_k − y_k)² over the
     * sequences {@code batch} (repeats allowed) and, if {@code gradient != null}, its gradient.
     *
     * @param batch sequence indices in [0, n−1], at least one
     */
    @Override
    public double valueAndGradient(double[] theta, double[] gradient, int[] batch) {
        Validate.notNull("batch", batch);
        if (batch.length == 0) {
            throw new KitArgumentException("batch is empty but needs at least 1 sequence index");
        }
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] < 0 || batch[i] >= data.size()) {
                throw new KitArgumentException("batch[" + i + "]=" + batch[i] + " must be in [0, "
                        + (data.size() - 1) + "]");
            }
        }
        return evaluate(theta, gradient, batch);
    }

    /** L(θ)/L_ref on all sequences. */
    public double relativeLoss(double[] theta) {
        return value(theta) / referenceLoss;
    }

    /** ∇L(θ) on all sequences, as a new array. */
    public double[] gradient(double[] theta) {
        double[] g = new double[dimension()];
        valueAndGradient(theta, g);
        return g;
    }

    /**
     * The mean squared error (1/(K − washout)) Σ_{k ≥ washout} (ŷ_k − y_k)² of each sequence: n
     * independent Monte-Carlo samples whose mean is 2 L(θ) (for the standard error of the data loss).
     */
    public double[] meanSquaredErrors(double[] theta) {
        model.checkTheta(theta);
        DiscreteRnn.Prepared p = model.prepare(theta);
        double[] out = new double[data.size()];
        int counted = data.steps() - washout;
        for (int i = 0; i < out.length; i++) {
            out[i] = p.accumulate(data.rawInput(i), data.rawTarget(i), washout, 0, null, workspace) / counted;
        }
        return out;
    }

    private double evaluate(double[] theta, double[] gradient, int[] batch) {
        model.checkTheta(theta);
        if (gradient != null) {
            Validate.length("gradient", gradient, model.parameterCount());
            java.util.Arrays.fill(gradient, 0.0);
        }
        DiscreteRnn.Prepared p = model.prepare(theta);
        int count = batch == null ? data.size() : batch.length;
        double scale = 1.0 / ((double) count * (data.steps() - washout));
        double sum = 0;
        for (int b = 0; b < count; b++) {
            int i = batch == null ? b : batch[b];
            sum += p.accumulate(data.rawInput(i), data.rawTarget(i), washout, scale, gradient, workspace);
        }
        if (gradient != null) {
            p.finishGradient(gradient);
        }
        return 0.5 * sum * scale;
    }

    @Override
    public String toString() {
        return "DataLoss[" + model.name() + " on " + data + ", washout " + washout + "]";
    }
}
