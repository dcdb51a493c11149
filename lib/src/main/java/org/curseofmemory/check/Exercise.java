package org.curseofmemory.check;

import java.util.Locale;
import org.curseofmemory.util.Validate;

/**
 * Graded feedback for a notebook exercise. The learner's answer is compared with the value the
 * library computes, and the feedback is one of: not attempted (the answer is still the
 * placeholder {@code Double.NaN} or {@code null}), wrong shape (an array of the wrong length), close
 * (within ten times the tolerance), or correct. A wrong answer throws {@link CheckFailure} so the
 * cell turns red; the other grades print one line.
 * <p>
 * The feedback never reveals the expected value: not when the answer is correct (so a model
 * solution that is run prints no answer), and not as a distance when it is wrong ("off by 2.3"
 * would give the answer away in two tries). A close or wrong answer is told its direction (too high,
 * too low) and, when it is far off, its order of magnitude relative to the expected value.
 * <pre>{@code
 * double myAnswer = Double.NaN; // TODO: the L1 norm of e^{-2t}
 * Exercise.titled("1. L1 norm").hint("∫₀^∞ e^{-βt} dt = 1/β").grade(myAnswer, Norms.l1(k), 1e-6);
 * }</pre>
 */
public final class Exercise {
    /** How far "close" reaches, in multiples of the tolerance. */
    public static final double CLOSE_FACTOR = 10;

    private final String title;
    private final String hint;

    private Exercise(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    /** An exercise named as in the notebook, e.g. "Exercise 2: slope of the error". */
    public static Exercise titled(String title) {
        return new Exercise(Validate.notNull("exercise title", title), null);
    }

    /** A hint shown with a close or wrong answer. */
    public Exercise hint(String text) {
        return new Exercise(title, Validate.notNull("hint", text));
    }

    /** Grades a number: correct when |answer − expected| ≤ tolerance. */
    public void grade(double answer, double expected, double tolerance) {
        Validate.finite("expected", expected);
        Validate.positive("tolerance", tolerance);
        if (Double.isNaN(answer)) {
            notAttempted();
            return;
        }
        judge(answer, expected, tolerance, "your answer " + Check.fmt(answer));
    }

    /**
     * Checks a notebook's model solution without revealing it: prints only
     * "✔ <title>: the model solution holds." when |solution − expected| ≤ tolerance, so a collapsed
     * solution cell that Run All executes shows no number (not even the tolerance, which may be a
     * fraction of the answer). A model solution that does not hold is a bug in the kit, not a
     * student's mistake: it throws {@link CheckFailure} with both values, so the notebook tests fail
     * loudly.
     * <pre>{@code
     * double solutionNorm = 2.0 / 3.0;
     * Exercise.titled("Exercise 2").confirmSolution(solutionNorm, Norms.l1(k), 1e-6);
     * }</pre>
     */
    public void confirmSolution(double solution, double expected, double tolerance) {
        Validate.finite("expected", expected);
        Validate.positive("tolerance", tolerance);
        double diff = Math.abs(solution - expected);
        if (!(diff <= tolerance)) {
            throw new CheckFailure(title + ": the model solution does not hold (solution " + Check.fmt(solution) + ", expected "
                    + Check.fmt(expected) + " ± " + Check.fmt(tolerance) + "); this is a bug in the kit");
        }
        Check.out().println("✔ " + title + ": the model solution holds.");
    }

    /** Grades an array entry by entry: correct when every |answer_i − expected_i| ≤ tolerance. */
    public void grade(double[] answer, double[] expected, double tolerance) {
        Validate.finiteArray("expected", expected, 1);
        Validate.positive("tolerance", tolerance);
        if (answer == null || (answer.length > 0 && allNaN(answer))) {
            notAttempted();
            return;
        }
        if (answer.length != expected.length) {
            Check.out().println("◇ " + title + ": wrong shape — your array has " + answer.length + " entries, the answer has "
                    + expected.length + "." + hintText());
            throw new CheckFailure(title + ": wrong shape — expected " + expected.length + " entries but got " + answer.length);
        }
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < answer.length; i++) {
            if (!Double.isFinite(answer[i])) {
                worstAt = i; // a NaN or infinite entry is wrong, whatever the other entries are
                break;
            }
            double d = Math.abs(answer[i] - expected[i]);
            if (!(d <= worst)) {
                worst = d;
                worstAt = i;
            }
        }
        judge(answer[worstAt], expected[worstAt], tolerance, "entry " + worstAt + " of your answer (" + Check.fmt(answer[worstAt]) + ")");
    }

    /** Grades a yes/no answer given as a Boolean (null = not attempted). */
    public void grade(Boolean answer, boolean expected) {
        if (answer == null) {
            notAttempted();
            return;
        }
        if (answer == expected) {
            Check.out().println("✔ " + title + ": correct.");
            return;
        }
        throw new CheckFailure(title + ": not yet — think again." + hintText());
    }

    private void judge(double answer, double expected, double tolerance, String what) {
        if (!Double.isFinite(answer)) {
            throw new CheckFailure(title + ": not yet — " + what + " is not a finite number." + hintText());
        }
        double diff = Math.abs(answer - expected);
        if (diff <= tolerance) {
            Check.out().println("✔ " + title + ": correct (within the tolerance " + Check.fmt(tolerance) + ").");
            return;
        }
        if (diff <= CLOSE_FACTOR * tolerance) {
            Check.out().println("◐ " + title + ": close — " + what + " is " + direction(answer, expected)
                    + ", within " + Check.fmt(CLOSE_FACTOR) + "× the tolerance." + hintText());
            return;
        }
        throw new CheckFailure(title + ": not yet — " + what + " is " + direction(answer, expected) + magnitude(answer, expected)
                + "." + hintText());
    }

    /** "too high" or "too low"; never how far (the distance would give the answer away). */
    private static String direction(double answer, double expected) {
        return answer > expected ? "too high" : "too low";
    }

    /**
     * How a far-off answer compares in size with the expected value, to a power of ten: ", and has
     * the wrong sign", ", by a factor of about 100", ", but of the right order of magnitude", or
     * nothing when the expected value is zero (no scale to compare with).
     */
    static String magnitude(double answer, double expected) {
        if (expected == 0 || answer == 0) {
            return "";
        }
        if (Math.signum(answer) != Math.signum(expected)) {
            return " (it has the wrong sign)";
        }
        long decades = Math.round(Math.log10(Math.abs(answer / expected)));
        if (decades == 0) {
            return ", but of the right order of magnitude";
        }
        long k = Math.abs(decades);
        return " by a factor of about " + (k <= 3 ? String.valueOf((long) Math.pow(10, k)) : "10^" + k);
    }

    private void notAttempted() {
        Check.out().println("○ " + title + ": not attempted yet — replace the placeholder and run the cell again.");
    }

    private String hintText() {
        return hint == null ? "" : " Hint: " + hint;
    }

    private static boolean allNaN(double[] a) {
        for (double v : a) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Exercise[%s]", title);
    }
}
