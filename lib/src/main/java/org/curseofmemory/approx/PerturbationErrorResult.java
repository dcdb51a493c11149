package org.curseofmemory.approx;

import java.util.OptionalDouble;
import org.curseofmemory.util.Validate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The perturbation error E_m(β) of docs/theory.md §5.1, in the kit's per-mode box variant [kit], at a
 * list of radii, as computed by {@link PerturbationError}. Errors are L¹ on [0, ∞); +∞ marks an unstable perturbed model (a rate
 * pushed to ≤ 0), never NaN. Immutable; arrays handed out are copies.
 */
public final class PerturbationErrorResult {
    private final Approximant approximant;
    private final double[] radii;
    private final double[] worst;
    private final double[] raw;
    private final int[] unstable;
    private final double[][] errors;
    private final double baseline;
    private final int draws;
    private final long seed;
    private final PerturbationError.Mode mode;
    private final PerturbationError.Reference reference;

    PerturbationErrorResult(Approximant approximant, double[] radii, double[] worst, double[] raw, int[] unstable,
            double[][] errors, double baseline, int draws, long seed, PerturbationError.Mode mode,
            PerturbationError.Reference reference) {
        this.approximant = approximant;
        this.radii = radii;
        this.worst = worst;
        this.raw = raw;
        this.unstable = unstable;
        this.errors = errors;
        this.baseline = baseline;
        this.draws = draws;
        this.seed = seed;
        this.mode = mode;
        this.reference = reference;
    }

    /** The radii β_j, ascending (a copy). */
    public double[] radii() {
        return radii.clone();
    }

    /**
     * E(β_j): the running maximum over radii ≤ β_j (and over E(0)) of the worst draw, so
     * non-decreasing in β (a copy; +∞ once any draw was unstable).
     */
    public double[] worstErrors() {
        return worst.clone();
    }

    /** E(β_j)/‖ρ‖₁: {@link #worstErrors()} relative to the target's L¹ norm (a new array). */
    public double[] relativeWorstErrors() {
        double norm = approximant.targetL1Norm();
        double[] out = new double[worst.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = worst[j] / norm;
        }
        return out;
    }

    /**
     * The "knee" [kit]: the radius at which the relative worst error E(β)/‖ρ‖₁ first reaches
     * {@code level}, interpolated log-log between the two radii around it (the radius itself if it
     * is the first one or the error there is +∞); +∞ if the level is never reached.
     *
     * @param level relative error level &gt; 0
     */
    public double kneeRadius(double level) {
        Validate.positive("relative error level", level);
        double[] errors = relativeWorstErrors();
        for (int j = 0; j < errors.length; j++) {
            if (errors[j] >= level) {
                if (j == 0 || errors[j] == Double.POSITIVE_INFINITY) {
                    return radii[j];
                }
                double s = Math.log(level / errors[j - 1]) / Math.log(errors[j] / errors[j - 1]);
                return radii[j - 1] * Math.pow(radii[j] / radii[j - 1], s);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The worst error over the draws at radius β_j alone (a copy). */
    public double[] rawWorstErrors() {
        return raw.clone();
    }

    /** Number of draws at radius β_j whose perturbed model was unstable (a rate ≤ 0) (a copy). */
    public int[] unstableDraws() {
        return unstable.clone();
    }

    /** Error of draw i at radius β_j (a copy of the [radius][draw] array). */
    public double[][] allErrors() {
        double[][] c = new double[errors.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = errors[j].clone();
        }
        return c;
    }

    /** E(β_j) for index j. */
    public double worstError(int j) {
        Validate.inRange("radius index j", j, 0, radii.length - 1);
        return worst[j];
    }

    /** The unperturbed error: the approximant's L¹ error (reference TARGET) or 0 (reference APPROXIMANT). */
    public double unperturbedError() {
        return baseline;
    }

    /** The smallest radius at which some draw was unstable, or empty if none was. */
    public OptionalDouble firstUnstableRadius() {
        for (int j = 0; j < radii.length; j++) {
            if (unstable[j] > 0) {
                return OptionalDouble.of(radii[j]);
            }
        }
        return OptionalDouble.empty();
    }

    /** True if no draw at any radius produced an unstable model. */
    public boolean allStable() {
        return firstUnstableRadius().isEmpty();
    }

    /** The approximant that was perturbed. */
    public Approximant approximant() {
        return approximant;
    }

    /** Draws per radius. */
    public int draws() {
        return draws;
    }

    /** The seed of the directions. */
    public long seed() {
        return seed;
    }

    /** Absolute or relative perturbation. */
    public PerturbationError.Mode mode() {
        return mode;
    }

    /** Error measured against the target or against the unperturbed approximant. */
    public PerturbationError.Reference reference() {
        return reference;
    }

    /**
     * Columns beta, error (= E(β), non-decreasing), rawError (worst draw at that β only),
     * unstableDraws. Infinite errors are kept as +∞ (drop or cap them before a log-log plot).
     */
    public Table table() {
        return Table.create("perturbation error of " + approximant.kernel().name(),
                DoubleColumn.create("beta", radii.clone()),
                DoubleColumn.create("error", worst.clone()),
                DoubleColumn.create("rawError", raw.clone()),
                IntColumn.create("unstableDraws", unstable.clone()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PerturbationErrorResult[")
                .append(approximant.method()).append(" m=").append(approximant.width())
                .append(", ").append(mode).append(", vs ").append(reference)
                .append(", ").append(draws).append(" draws, seed ").append(seed).append(": ");
        for (int j = 0; j < radii.length; j++) {
            sb.append(String.format("%sE(%.3g)=%.3g", j == 0 ? "" : ", ", radii[j], worst[j]));
        }
        return sb.append(']').toString();
    }
}
