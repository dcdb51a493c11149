package org.curseofmemory.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckTest extends KitTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Check.reportTo(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Check.reportTo(System.out);
    }

    private String printed() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passingChecksPrintOneLineEach() {
        Check.near("L1 norm", 0.5001, 0.5, 1e-3);
        Check.relativelyNear("slope", -2.02, -2, 0.05);
        Check.atMost("error", 1e-3, 2e-3);
        Check.atLeast("R²", 0.93, 0.8);
        Check.between("rate", 0.7, 0.5, 1);
        Check.that("stable", true, "W must be Hurwitz");
        Check.increasing("steps", new double[] {1, 2, 5});
        Check.decreasing("errors", new double[] {1, 0.1, 0.01});
        assertEquals(8, printed().lines().count(), printed());
        assertTrue(printed().startsWith("✔ L1 norm: measured 0.5001, expected 0.5 ± 0.001"), printed());
    }

    @Test
    void failuresThrowReadableMessages() {
        CheckFailure f = assertThrows(CheckFailure.class, () -> Check.near("L1 norm", 0.62, 0.5, 0.01));
        assertEquals("L1 norm: measured 0.62 but expected 0.5 ± 0.01 (off by 0.12)", f.getMessage());
        f = assertThrows(CheckFailure.class, () -> Check.atMost("Jackson bound", 3, 2));
        assertEquals("Jackson bound: measured 3 but it should be at most 2", f.getMessage());
        f = assertThrows(CheckFailure.class, () -> Check.increasing("steps", new double[] {1, 3, 2}));
        assertTrue(f.getMessage().contains("entry 2 (2) is not above entry 1 (3)"), f.getMessage());
        f = assertThrows(CheckFailure.class, () -> Check.near("x", Double.NaN, 0.5, 0.01));
        assertTrue(f.getMessage().contains("non-finite"), f.getMessage());
        f = assertThrows(CheckFailure.class, () -> Check.that("stable", false, "W must be Hurwitz"));
        assertEquals("stable: does not hold. W must be Hurwitz", f.getMessage());
        assertEquals("", printed());
    }

    @Test
    void badToleranceIsAnArgumentError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.near("x", 1, 1, -1));
        assertEquals("tolerance=-1.0 must be >= 0", e.getMessage());
    }

    @Test
    void exerciseGrades() {
        Exercise ex = Exercise.titled("Ex 1").hint("1/β");
        ex.grade(Double.NaN, 2, 1e-6);
        assertTrue(printed().contains("○ Ex 1: not attempted yet"), printed());
        ex.grade(2.000005, 2, 1e-6);
        assertTrue(printed().contains("◐ Ex 1: close"), printed());
        assertTrue(printed().contains("Hint: 1/β"), printed());
        ex.grade(2.0000001, 2, 1e-6);
        assertTrue(printed().contains("✔ Ex 1: correct"), printed());
        CheckFailure wrong = assertThrows(CheckFailure.class, () -> ex.grade(3, 2, 1e-6));
        assertEquals("Ex 1: not yet — your answer 3 is too high, but of the right order of magnitude. Hint: 1/β", wrong.getMessage());
        CheckFailure shape = assertThrows(CheckFailure.class, () -> ex.grade(new double[] {1, 2}, new double[] {1, 2, 3}, 1e-6));
        assertTrue(shape.getMessage().contains("wrong shape — expected 3 entries but got 2"), shape.getMessage());
        ex.grade((double[]) null, new double[] {1}, 1e-6);
        ex.grade((Boolean) null, true);
        assertEquals(4, printed().lines().filter(l -> l.startsWith("○")).count() + 1, printed());
    }

    @Test
    void exerciseFeedbackNeverRevealsTheAnswer() {
        double expected = 4.308;
        Exercise ex = Exercise.titled("Ex 2");
        ex.grade(expected, expected, 1e-3); // a model solution, run
        ex.grade(4.312, expected, 1e-3); // close
        CheckFailure near = assertThrows(CheckFailure.class, () -> ex.grade(2, expected, 1e-3));
        CheckFailure far = assertThrows(CheckFailure.class, () -> ex.grade(0.04, expected, 1e-3));
        CheckFailure arr = assertThrows(CheckFailure.class, () -> ex.grade(new double[] {1, 7}, new double[] {1, expected}, 1e-3));
        String all = printed() + near.getMessage() + far.getMessage() + arr.getMessage();
        for (String leak : new String[] {"4.308", "2.308", "0.004", "4.268", "2.692"}) {
            assertTrue(!all.contains(leak), "feedback contains " + leak + ": " + all);
        }
        assertTrue(printed().contains("✔ Ex 2: correct (within the tolerance 0.001)."), printed());
        assertTrue(printed().contains("◐ Ex 2: close — your answer 4.312 is too high, within 10× the tolerance."), printed());
        assertEquals("Ex 2: not yet — your answer 2 is too low, but of the right order of magnitude.", near.getMessage());
        assertEquals("Ex 2: not yet — your answer 0.04 is too low by a factor of about 100.", far.getMessage());
        assertEquals("Ex 2: not yet — entry 1 of your answer (7) is too high, but of the right order of magnitude.", arr.getMessage());
        CheckFailure sign = assertThrows(CheckFailure.class, () -> ex.grade(-4.3, expected, 1e-3));
        assertEquals("Ex 2: not yet — your answer -4.3 is too low (it has the wrong sign).", sign.getMessage());
        CheckFailure tiny = assertThrows(CheckFailure.class, () -> ex.grade(0.5, 4.5e-5, 1e-6));
        assertEquals("Ex 2: not yet — your answer 0.5 is too high by a factor of about 10^4.", tiny.getMessage());
        CheckFailure yesNo = assertThrows(CheckFailure.class, () -> ex.grade(Boolean.FALSE, true));
        assertEquals("Ex 2: not yet — think again.", yesNo.getMessage());
    }

    @Test
    void modelSolutionsAreConfirmedWithoutTheirValue() {
        double expected = 18.2;
        Exercise.titled("Exercise 3").confirmSolution(18.25, expected, 0.02 * expected);
        assertEquals("✔ Exercise 3: the model solution holds.\n", printed().replace("\r", ""));
        CheckFailure wrong = assertThrows(CheckFailure.class, () -> Exercise.titled("Exercise 3").confirmSolution(19, expected, 0.1));
        assertEquals("Exercise 3: the model solution does not hold (solution 19, expected 18.2 ± 0.1); this is a bug in the kit",
                wrong.getMessage());
        assertThrows(CheckFailure.class, () -> Exercise.titled("Exercise 3").confirmSolution(Double.NaN, expected, 0.1));
        assertEquals(0, wrong.getStackTrace().length);
    }

    @Test
    void smallAndLargeNumbersReadShort() {
        assertEquals("1e-06", Check.fmt(1e-6));
        assertEquals("4.54e-05", Check.fmt(4.54e-5));
        assertEquals("1.235e+07", Check.fmt(12345678));
        assertEquals("0.3015", Check.fmt(0.30151));
    }

    @Test
    void failuresCarryNoStackTrace() {
        // The Java kernel prints a stack trace under the message; a failed check shows the message only.
        CheckFailure f = assertThrows(CheckFailure.class, () -> Check.atMost("error", 3, 2));
        assertEquals(0, f.getStackTrace().length);
        f = assertThrows(CheckFailure.class, () -> Exercise.titled("Ex").grade(3, 2, 1e-6));
        assertEquals(0, f.getStackTrace().length);
    }
}
