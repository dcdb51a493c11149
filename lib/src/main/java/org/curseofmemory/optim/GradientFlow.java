package org.curseofmemory.optim;

import org.curseofmemory.util.KitArgumentException;
import org.curseofmemory.util.Validate;

/**
 * Gradient flow dθ/dτ = −∇J(θ) integrated with the adaptive embedded Runge–Kutta pair of
 * Bogacki and Shampine (order 3 with an order-2 error estimate, FSAL): the continuous-time training
 * dynamics analysed by the curse-of-memory paper (docs/theory.md §4). Each accepted step k records
 * J(θ(τ_k)) at flow time τ_k. Step control: error norm
 * ‖e‖ = rms_i(e_i / (atol + rtol·max(|θ_i|, |θ_i^new|))), accept if ‖e‖ ≤ 1, next step
 * h·min(5, max(0.2, 0.9‖e‖^{−1/3})), capped by the maximum step size.
 *
 * <p>Stops: the {@link StoppingCriteria} (maxSteps counts accepted steps; set a flow-time horizon
 * with {@link #withMaxTime(double)}, the last step lands exactly on it), and STALLED if the step
 * size underflows (or DIVERGED if the trial points there are non-finite). Defaults: rtol 10⁻⁶,
 * atol 10⁻⁹, initial step 10⁻², no maximum step. Immutable.
 */
public final class GradientFlow extends AbstractTrainer<GradientFlow> {
    private final double rtol;
    private final double atol;
    private final double initialStep;
    private final double maxStep;

    private GradientFlow(double rtol, double atol, double initialStep, double maxStep, Settings settings) {
        super(settings);
        this.rtol = rtol;
        this.atol = atol;
        this.initialStep = initialStep;
        this.maxStep = maxStep;
    }

    /** Gradient flow with default tolerances and stopping criteria. */
    public static GradientFlow create() {
        return new GradientFlow(1e-6, 1e-9, 1e-2, Double.POSITIVE_INFINITY, Settings.DEFAULT);
    }

    /**
     * A copy with tolerances.
     *
     * @param relative rtol &gt; 0
     * @param absolute atol &gt; 0
     */
    public GradientFlow withTolerances(double relative, double absolute) {
        Validate.positive("relative tolerance rtol", relative);
        Validate.positive("absolute tolerance atol", absolute);
        return new GradientFlow(relative, absolute, initialStep, maxStep, settings());
    }

    /** A copy with initial step size h₀ &gt; 0. */
    public GradientFlow withInitialStep(double h0) {
        Validate.positive("initial step size", h0);
        return new GradientFlow(rtol, atol, h0, maxStep, settings());
    }

    /** A copy with maximum step size h_max &gt; 0 (may be +∞). */
    public GradientFlow withMaxStepSize(double hMax) {
        if (!(hMax > 0)) {
            throw new KitArgumentException("maximum step size=" + hMax + " must be > 0");
        }
        return new GradientFlow(rtol, atol, initialStep, hMax, settings());
    }

    /** A copy integrating up to flow time τ_max &gt; 0 (stop reason MAX_TIME). */
    public GradientFlow withMaxTime(double tauMax) {
        return withStoppingCriteria(stoppingCriteria().withMaxTime(tauMax));
    }

    /** rtol. */
    public double relativeTolerance() {
        return rtol;
    }

    /** atol. */
    public double absoluteTolerance() {
        return atol;
    }

    @Override
    protected GradientFlow copy(Settings settings) {
        return new GradientFlow(rtol, atol, initialStep, maxStep, settings);
    }

    /** Gradient flow follows the full loss: no mini-batches. */
    @Override
    protected boolean supportsMiniBatches() {
        return false;
    }

    @Override
    public String name() {
        return "GradientFlow(BS23, rtol=" + rtol + ", atol=" + atol + ")";
    }

    @Override
    protected TrainingResult run(LossFunction f, double[] theta, TrainingMonitor monitor) {
        int p = theta.length;
        double[] k1 = new double[p];
        double[] k2 = new double[p];
        double[] k3 = new double[p];
        double[] k4 = new double[p];
        double[] y = new double[p];
        double[] yNew = new double[p];
        double tauMax = stoppingCriteria().maxTime();
        double loss = f.valueAndGradient(theta, k1);
        monitor.addGradientEvaluations(1);
        if (monitor.observe(0, 0.0, loss, norm(k1), theta)) {
            return monitor.finish();
        }
        double tau = 0;
        double h = Math.min(initialStep, maxStep);
        int step = 0;
        while (true) {
            boolean last = false;
            if (tau + h >= tauMax) {
                h = tauMax - tau;
                last = true;
            }
            for (int i = 0; i < p; i++) {
                y[i] = theta[i] - 0.5 * h * k1[i];
            }
            f.valueAndGradient(y, k2);
            for (int i = 0; i < p; i++) {
                y[i] = theta[i] - 0.75 * h * k2[i];
            }
            f.valueAndGradient(y, k3);
            for (int i = 0; i < p; i++) {
                yNew[i] = theta[i] - h * (2.0 / 9 * k1[i] + 1.0 / 3 * k2[i] + 4.0 / 9 * k3[i]);
            }
            double lossNew = f.valueAndGradient(yNew, k4);
            monitor.addGradientEvaluations(3);
            double errSum = 0;
            for (int i = 0; i < p; i++) {
                double e = h * (-5.0 / 72 * k1[i] + 1.0 / 12 * k2[i] + 1.0 / 9 * k3[i] - 1.0 / 8 * k4[i]);
                double sc = atol + rtol * Math.max(Math.abs(theta[i]), Math.abs(yNew[i]));
                errSum += (e / sc) * (e / sc);
            }
            double err = Math.sqrt(errSum / p);
            boolean finite = Double.isFinite(err) && Double.isFinite(lossNew);
            if (finite && err <= 1) {
                System.arraycopy(yNew, 0, theta, 0, p);
                System.arraycopy(k4, 0, k1, 0, p);
                tau = last ? tauMax : tau + h;
                step++;
                if (monitor.observe(step, tau, lossNew, norm(k1), theta)) {
                    return monitor.finish();
                }
            }
            double factor = finite ? Math.min(5.0, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-30), -1.0 / 3)))
                    : 0.2;
            double hNew = Math.min(h * factor, maxStep);
            if (hNew < 1e-14 * Math.max(1.0, tau)) {
                if (!finite) {
                    // the flow itself leaves the finite region: report the offending trial value
                    monitor.observe(step + 1, tau + h, lossNew, norm(k4), yNew);
                }
                if (!monitor.stopped()) {
                    monitor.stop(StopReason.STALLED, "step size underflow at flow time tau=" + tau
                            + " (h=" + hNew + ") at step " + step);
                }
                return monitor.finish();
            }
            h = hNew;
        }
    }
}
