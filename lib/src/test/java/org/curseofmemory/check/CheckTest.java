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
        assertTrue(wrong.getMessage().startsWith("Ex 1: not yet — your answer 3 is off by 1"), wrong.getMessage());
        CheckFailure shape = assertThrows(CheckFailure.class, () -> ex.grade(new double[] {1, 2}, new double[] {1, 2, 3}, 1e-6));
        assertTrue(shape.getMessage().contains("wrong shape — expected 3 entries but got 2"), shape.getMessage());
        ex.grade((double[]) null, new double[] {1}, 1e-6);
        ex.grade((Boolean) null, true);
        assertEquals(4, printed().lines().filter(l -> l.startsWith("○")).count() + 1, printed());
    }
}
