package org.curseofmemory.optim;

/**
 * The event that ended a run with {@link StopReason#DIVERGED}: at step {@code step} the quantity
 * {@code quantity} (e.g. "loss", "gradient norm", "theta[3]") took the offending value
 * {@code value}; {@code message} explains which test failed.
 *
 * @param step     step index at which the blow-up was detected
 * @param quantity which quantity blew up
 * @param value    the offending value (may be NaN or ±∞: that is the point)
 * @param message  human-readable explanation, naming the step and the value
 */
public record Divergence(int step, String quantity, double value, String message) {
}
