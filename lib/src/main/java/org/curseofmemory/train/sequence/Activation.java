package org.curseofmemory.train.sequence;

/**
 * The activation σ of the continuous-time RNN dh/dt = σ(W h + U x) trained on a {@link DataLoss}.
 * With σ = identity this is exactly the linear RNN of docs/theory.md §2; with σ = tanh it is the
 * nonlinear RNN of the follow-up inverse theorem (docs/theory.md §5), which reduces to the linear one for
 * small signals since tanh(z) ≈ z.
 */
public enum Activation {
    /** σ(z) = z: the linear RNN dh/dt = W h + U x (docs/theory.md §2). */
    IDENTITY {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }
    },
    /** σ(z) = tanh z, σ'(z) = 1 − tanh² z (docs/theory.md §5). */
    TANH {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }
    };

    /** σ(z). */
    public abstract double value(double z);

    /** σ'(z). */
    public abstract double derivative(double z);
}
