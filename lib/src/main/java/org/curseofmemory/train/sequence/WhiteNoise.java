package org.curseofmemory.train.sequence;

import java.util.Random;
import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Discretised white noise: x_k i.i.d. N(0, 1/Δt) per step and per component, held constant on
 * [kΔt, (k+1)Δt). Then E[(Σ_l g_l x_{k−l})²] = Σ_l g_l²/Δt, which for g_l ≈ Δt ρ(lΔt) is the
 * Riemann sum of ∫ ρ², the discrete form of the Itô isometry behind "loss = kernel distance"
 * (docs/theory.md §4).
 */
public final class WhiteNoise {
    /** Largest number of values K·d one call may draw. */
    public static final int MAX_VALUES = 10_000_000;

    private WhiteNoise() {
    }

    /**
     * One input sequence x_0..x_{K−1} ∈ ℝ^d, flat (x_k at offset k·d), drawn from {@code random}
     * as {@code random.nextGaussian() / √Δt} in order.
     *
     * @param steps     K ≥ 1
     * @param dimension d ≥ 1, with K·d ≤ {@link #MAX_VALUES}
     * @param dt        Δt &gt; 0
     * @param random    source, not null
     */
    public static double[] sample(int steps, int dimension, double dt, Random random) {
        Validate.atLeast("steps K", steps, 1);
        Validate.atLeast("input dimension d", dimension, 1);
        Validate.positive("sample interval dt", dt);
        Validate.notNull("random", random);
        if ((long) steps * dimension > MAX_VALUES) {
            throw new KitArgumentException("white noise steps K=" + steps + " times input dimension d=" + dimension
                    + " must be <= MAX_VALUES=" + MAX_VALUES + "; use fewer steps or a smaller dimension");
        }
        double sd = 1.0 / Math.sqrt(dt);
        double[] x = new double[steps * dimension];
        for (int i = 0; i < x.length; i++) {
            x[i] = sd * random.nextGaussian();
        }
        return x;
    }
}
