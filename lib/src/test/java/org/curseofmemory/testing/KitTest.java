package org.curseofmemory.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base class of the library's tests. The library never prints (a notebook cell that writes to
 * stderr scores zero in nbgrader), so every test runs with System.out and System.err captured and
 * fails if anything was written to either. {@link #random} is a generator with a fixed seed,
 * fresh for every test, so that randomised tests are reproducible and independent of their order.
 * Tests run one at a time (surefire's default), which the capture relies on.
 */
public abstract class KitTest {
    /** The seed of {@link #random}. */
    protected static final long SEED = 20_211_003L;

    /** A fresh {@code new Random(SEED)} for each test. */
    protected Random random;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private ByteArrayOutputStream capturedOut;
    private ByteArrayOutputStream capturedErr;

    @BeforeEach
    final void captureOutputAndSeed() {
        random = new Random(SEED);
        savedOut = System.out;
        savedErr = System.err;
        capturedOut = new ByteArrayOutputStream();
        capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    final void failOnAnyOutput() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        String out = capturedOut.toString(StandardCharsets.UTF_8);
        String err = capturedErr.toString(StandardCharsets.UTF_8);
        if (!out.isEmpty() || !err.isEmpty()) {
            fail("library code must not print, but the test wrote"
                    + (out.isEmpty() ? "" : " to stdout: " + out.strip())
                    + (err.isEmpty() ? "" : " to stderr: " + err.strip()));
        }
    }
}
