package org.curseofmemory.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.curseofmemory.util.Validate;

/**
 * Runs a task over parameter values × seeds on a fixed thread pool and returns the results in a
 * deterministic order (value-major, seed-minor), independent of scheduling: with a deterministic
 * task the same inputs give identical results. Exceptions of a task are rethrown (never swallowed).
 */
public final class Sweep {
    /** Default pool size: 2 (the kit's machines have 2 cores). */
    public static final int DEFAULT_THREADS = 2;
    /** Largest pool size accepted. */
    public static final int MAX_THREADS = 256;

    private Sweep() {
    }

    /**
     * Runs {@code task(value, seed)} for every value and seed.
     *
     * @param values  parameter values (not empty)
     * @param seeds   seeds (not empty)
     * @param task    deterministic, thread-safe task
     * @param threads pool size in [1, {@link #MAX_THREADS}] (no more threads than tasks are started)
     * @return results, index = valueIndex·seeds.length + seedIndex
     */
    public static <P, R> List<R> run(List<P> values, long[] seeds, BiFunction<P, Long, R> task, int threads) {
        Validate.notNull("sweep values", values);
        Validate.notNull("sweep seeds", seeds);
        Validate.notNull("sweep task", task);
        Validate.notEmpty("sweep values", values);
        Validate.notEmpty("sweep seeds", seeds);
        Validate.capped("sweep threads", threads, 1, MAX_THREADS);
        long tasks = (long) values.size() * seeds.length;
        ExecutorService pool = Executors.newFixedThreadPool((int) Math.min(threads, tasks), r -> {
            Thread t = new Thread(r, "curse-of-memory-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (P v : values) {
                for (long s : seeds) {
                    futures.add(pool.submit(() -> task.apply(v, s)));
                }
            }
            List<R> out = new ArrayList<>(futures.size());
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("sweep task failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
