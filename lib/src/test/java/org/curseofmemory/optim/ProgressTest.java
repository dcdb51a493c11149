package org.curseofmemory.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.curseofmemory.testing.KitTest;
import org.junit.jupiter.api.Test;

class ProgressTest extends KitTest {

    @Test
    void reportsFromManyThreadsReachTheSinkOneAtATime() throws InterruptedException {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> lines = new ArrayList<>(); // deliberately not thread-safe: Progress must serialise
        Progress progress = Progress.to(line -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            lines.add(line);
            Thread.onSpinWait();
            inside.decrementAndGet();
        });
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Progress labelled = progress.labelled("worker " + t);
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    labelled.report("line " + i);
                }
            }));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, overlaps.get());
        assertEquals(2000, lines.size());
        assertTrue(lines.get(0).startsWith("worker "), lines.get(0));
    }

    @Test
    void numbersForProgressLines() {
        assertEquals("3", Progress.number(3.0));
        assertEquals("0.2500", Progress.number(0.25));
    }
}
