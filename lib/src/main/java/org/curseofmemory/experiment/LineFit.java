package org.curseofmemory.experiment;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Ordinary least-squares line y ≈ slope·x + intercept with coefficient of determination
 * R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)². Used for ln(steps to relative loss 0.1) against the memory shift
 * t₀ in the plateau experiment (docs/theory.md §4.4 [kit]: for plain GD about 0.65–0.87 over t₀ = 1..6 depending on the seeds, R² ≈ 0.9).
 *
 * @param slope     fitted slope
 * @param intercept fitted intercept
 * @param rSquared  R² in [0, 1] (1 if all y are equal and fitted exactly)
 */
public record LineFit(double slope, double intercept, double rSquared) {

    /**
     * Least-squares fit.
     *
     * @param x abscissae, at least 2 distinct finite values
     * @param y finite ordinates, same length
     */
    public static LineFit leastSquares(double[] x, double[] y) {
        Validate.finiteArray("x", x, 2);
        Validate.finiteArray("y", y, 2);
        Validate.length("y", y, x.length);
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new KitArgumentException("x values must not all be equal (x[0]=" + x[0] + ")");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (slope * x[i] + intercept);
            sse += r * r;
        }
        double r2 = syy > 0 ? 1 - sse / syy : 1.0;
        return new LineFit(slope, intercept, r2);
    }

    /** slope·x + intercept. */
    public double predict(double x) {
        return slope * x + intercept;
    }
}
