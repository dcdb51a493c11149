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
        if (!(sxx > 0) || !Double.isFinite(sxx) || !Double.isFinite(sxy) || !Double.isFinite(syy)) {
            return scaledFit(x, y, mx, my); // squares overflowed or underflowed
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (slope * x[i] + intercept);
            sse += r * r;
        }
        if (!Double.isFinite(sse)) {
            return scaledFit(x, y, mx, my);
        }
        double r2 = syy > 0 ? 1 - sse / syy : 1.0;
        return new LineFit(slope, intercept, r2);
    }

    /**
     * The same fit with x − x̄ and y − ȳ divided by their largest magnitudes before squaring, for
     * values so large or small that the plain sums of squares leave double range.
     */
    private static LineFit scaledFit(double[] x, double[] y, double mx, double my) {
        int n = x.length;
        double ax = 0;
        double ay = 0;
        for (int i = 0; i < n; i++) {
            ax = Math.max(ax, Math.abs(x[i] - mx));
            ay = Math.max(ay, Math.abs(y[i] - my));
        }
        if (!(ax > 0)) {
            throw new KitArgumentException("x values must not all be equal (x[0]=" + x[0] + ")");
        }
        if (!Double.isFinite(ax) || !Double.isFinite(ay)) {
            throw new KitArgumentException("x or y values span more than the double range (x[0]=" + x[0] + ", y[0]="
                    + y[0] + "); rescale them before fitting");
        }
        double suu = 0;
        double suv = 0;
        double svv = 0;
        for (int i = 0; i < n; i++) {
            double u = (x[i] - mx) / ax;
            double v = ay > 0 ? (y[i] - my) / ay : 0;
            suu += u * u;
            suv += u * v;
            svv += v * v;
        }
        double b = suv / suu;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double u = (x[i] - mx) / ax;
            double v = ay > 0 ? (y[i] - my) / ay : 0;
            double r = v - b * u;
            sse += r * r;
        }
        double slope = b * (ay / ax);
        double intercept = my - slope * mx;
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new KitArgumentException("the fitted line's slope or intercept overflows double range (x[0]=" + x[0]
                    + ", y[0]=" + y[0] + "); rescale x and y before fitting");
        }
        double r2 = svv > 0 ? Math.max(0, Math.min(1, 1 - sse / svv)) : 1.0;
        return new LineFit(slope, intercept, r2);
    }

    /** slope·x + intercept. */
    public double predict(double x) {
        return slope * x + intercept;
    }
}
