package org.convlab.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The one thread pool of the engine. Work is handed out as numbered tasks whose count the
 * caller picks from the problem size, never from the thread count, so every task computes the
 * same values in the same order whatever the number of threads: results are bit-identical with 1
 * or N threads. No two tasks may write the same output; reductions go through per-task partial
 * buffers summed in task order.
 *
 * <p>Placeholder implementation on an {@link ExecutorService}; the engine issue replaces it with
 * a lower-latency pool keeping the same API.
 */
public final class Parallel {
    private static volatile Parallel shared = new Parallel(Runtime.getRuntime().availableProcessors());

    private final int threads;
    private final ExecutorService pool;

    private Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "convlab-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The pool the engine uses. */
    public static Parallel shared() {
        return shared;
    }

    /** Replaces the shared pool with one of {@code threads} threads (the caller counts as one). */
    public static synchronized void setThreads(int threads) {
        if (threads == shared.threads) {
            return;
        }
        Parallel old = shared;
        shared = new Parallel(threads);
        if (old.pool != null) {
            old.pool.shutdown();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task.accept(i)} for every i in [0, tasks), spread over the threads; returns when all are done. */
    public void forEach(int tasks, IntConsumer task) {
        if (tasks <= 0) {
            return;
        }
        if (pool == null || tasks == 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        int workers = Math.min(threads, tasks);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable drain = () -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                task.accept(i);
            }
        };
        Future<?>[] futures = new Future<?>[workers - 1];
        for (int w = 0; w < workers - 1; w++) {
            futures[w] = pool.submit(drain);
        }
        drain.run();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for engine threads", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
