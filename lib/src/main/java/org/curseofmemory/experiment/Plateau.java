package org.curseofmemory.experiment;

/**
 * A plateau of a training curve (docs/theory.md §4, [summary]: long-memory targets make gradient flow
 * stall on plateaus whose length grows exponentially with the memory): the interval
 * [start, end] (in steps or flow time, see {@link PlateauDetector}) on which the relative loss
 * decreased by less than the detector's threshold per window, at geometric-mean relative loss
 * {@code level}.
 *
 * @param start first step (or time) of the plateau
 * @param end   last step (or time) of the plateau
 * @param level geometric mean of the relative loss J/J_ref over the plateau
 */
public record Plateau(double start, double end, double level) {

    /** end − start. */
    public double length() {
        return end - start;
    }
}
