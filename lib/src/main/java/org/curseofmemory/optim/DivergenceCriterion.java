package org.curseofmemory.optim;

import org.curseofmemory.util.KitArgumentException;
import java.util.Optional;
import org.curseofmemory.util.Validate;

/**
 * The divergence stop: a step is declared divergent when the loss, the gradient norm or any
 * parameter is NaN or ±∞, or when the loss exceeds {@code factor × J(θ_0)} (loss blow-up, e.g. a
 * learning rate above the stability limit or an eigenvalue that crossed into the right half-plane
 * under the direct parameterization, docs/theory.md §5). Immutable.
 */
public final class DivergenceCriterion {
    /** Default blow-up factor 10⁶. */
    public static final double DEFAULT_FACTOR = 1e6;

    private final double factor;

    private DivergenceCriterion(double factor) {
        this.factor = factor;
    }

    /** The criterion with blow-up factor {@value #DEFAULT_FACTOR}. */
    public static DivergenceCriterion standard() {
        return new DivergenceCriterion(DEFAULT_FACTOR);
    }

    /**
     * A criterion with the given blow-up factor.
     *
     * @param factor loss blow-up factor, must be &gt; 1
     */
    public static DivergenceCriterion withFactor(double factor) {
        Validate.finite("divergence factor", factor);
        if (!(factor > 1)) {
            throw new KitArgumentException("divergence factor=" + factor + " must be > 1");
        }
        return new DivergenceCriterion(factor);
    }

    /** The blow-up factor. */
    public double factor() {
        return factor;
    }

    /**
     * Checks one step.
     *
     * @param step         step index
     * @param loss         J(θ_k)
     * @param initialLoss  J(θ_0) (the blow-up test is skipped if it is not finite)
     * @param gradientNorm ‖∇J(θ_k)‖, or 0 if unknown
     * @param theta        θ_k, not null
     * @return the divergence, or empty if the step is fine
     */
    public Optional<Divergence> check(int step, double loss, double initialLoss, double gradientNorm, double[] theta) {
        Validate.notNull("parameters theta", theta);
        if (!Double.isFinite(loss)) {
            return Optional.of(new Divergence(step, "loss", loss,
                    "diverged at step " + step + ": loss=" + loss + " is not finite"));
        }
        if (Double.isFinite(initialLoss) && initialLoss > 0 && loss > factor * initialLoss) {
            return Optional.of(new Divergence(step, "loss", loss,
                    "diverged at step " + step + ": loss=" + loss + " exceeds " + factor
                            + " x initial loss " + initialLoss));
        }
        if (!Double.isFinite(gradientNorm)) {
            return Optional.of(new Divergence(step, "gradient norm", gradientNorm,
                    "diverged at step " + step + ": gradient norm=" + gradientNorm + " is not finite"));
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                return Optional.of(new Divergence(step, "theta[" + i + "]", theta[i],
                        "diverged at step " + step + ": parameter theta[" + i + "]=" + theta[i] + " is not finite"));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "DivergenceCriterion[factor=" + factor + "]";
    }
}
