package org.convlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The one thread pool of the engine. Work is handed out as numbered tasks whose count the
 * caller picks from the problem size, never from the thread count, so every task computes the
 * same values in the same order whatever the number of threads: results are bit-identical with 1
 * or N threads. No two tasks may write the same output; reductions go through per-task partial
 * buffers summed in task order.
 *
 * <p>Why not a fork-join pool: on a small machine a fork-join hand-off costs 50-100 us, more than
 * a small layer's whole work. Here the workers stay alive across calls and spin for a while after
 * each job before parking, so the next layer's job is picked up in well under a microsecond. The
 * calling thread works too; tasks are claimed from a shared counter.
 *
 * <p>A call made from inside a task (nested) or while another thread is using the pool runs its
 * tasks inline on the calling thread, in order: no deadlock, same results.
 */
public final class Parallel {
    /** How long an idle worker spins before parking (a training step's layers arrive faster than this). */
    private static final long SPIN_NANOS = 200_000;

    private static volatile Parallel shared = new Parallel(Math.min(256, Runtime.getRuntime().availableProcessors()));

    private final int threads;
    private final Worker[] workers;
    private final ReentrantLock submitLock = new ReentrantLock();
    private volatile Job job;
    private volatile boolean shutdown;

    private Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(this, i + 1);
            workers[i].start();
        }
    }

    /** The pool the engine uses. */
    public static Parallel shared() {
        return shared;
    }

    /**
     * The most threads a pool may have. Each thread costs a stack (about 1 MB) and the kernels
     * split work into at most a few hundred parts, so more would only exhaust memory: the command
     * line refuses more, and the engine itself refuses too, whoever asks.
     */
    public static final int MAX_THREADS = 256;

    /**
     * Replaces the shared pool with one of {@code threads} threads (the caller counts as one);
     * refuses a count outside 1..{@link #MAX_THREADS} with a message for the user.
     */
    public static synchronized void setThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new org.convlab.UserInputException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads
                    + " (this machine has " + Runtime.getRuntime().availableProcessors() + " cores)");
        }
        if (threads == shared.threads) {
            return;
        }
        Parallel old = shared;
        shared = new Parallel(threads);
        old.shutdown();
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task.accept(i)} for every i in [0, tasks), spread over the threads; returns when all are done. */
    public void forEach(int tasks, IntConsumer task) {
        if (tasks <= 0) {
            return;
        }
        // Inline: nothing to share, called from inside a task (a worker, or the caller's own task:
        // the lock is reentrant), or another thread is using the pool right now.
        if (workers.length == 0 || tasks == 1 || Thread.currentThread() instanceof Worker
                || submitLock.isHeldByCurrentThread() || !submitLock.tryLock()) {
            runInline(tasks, task);
            return;
        }
        try {
            Job current = new Job(tasks, task, Thread.currentThread());
            job = current;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            current.drain();
            current.awaitDone();
            job = null; // do not keep the task's captured arrays alive
            Throwable failure = current.failure.get();
            if (failure != null) {
                rethrow(failure);
            }
        } finally {
            submitLock.unlock();
        }
    }

    private static void runInline(int tasks, IntConsumer task) {
        for (int i = 0; i < tasks; i++) {
            task.accept(i);
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(failure);
    }

    private void shutdown() {
        shutdown = true;
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** One forEach call: tasks are claimed from {@code next}; the caller waits for {@code done == tasks}. */
    private static final class Job {
        final int tasks;
        final IntConsumer task;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean callerParked;

        Job(int tasks, IntConsumer task, Thread caller) {
            this.tasks = tasks;
            this.task = task;
            this.caller = caller;
        }

        /** Runs tasks until none are left to claim. After a failure the rest are skipped (but counted). */
        void drain() {
            int finished = 0;
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        task.accept(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                finished++;
            }
            if (finished > 0 && done.addAndGet(finished) == tasks && callerParked) {
                LockSupport.unpark(caller);
            }
        }

        /**
         * Spins briefly (the other threads usually finish within microseconds), then yields, then
         * parks in short naps: on a busy machine a descheduled worker may hold the last task.
         */
        void awaitDone() {
            long start = System.nanoTime();
            int spins = 0;
            while (done.get() < tasks) {
                if ((++spins & 31) != 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long waited = System.nanoTime() - start;
                if (waited < 50_000) {
                    Thread.onSpinWait();
                } else if (waited < 500_000) {
                    Thread.yield();
                } else {
                    callerParked = true;
                    if (done.get() < tasks) {
                        LockSupport.parkNanos(this, 50_000);
                    }
                    callerParked = false;
                }
            }
        }
    }

    private static final class Worker extends Thread {
        private final Parallel pool;
        volatile boolean parked;

        Worker(Parallel pool, int index) {
            super("convlab-worker-" + index);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            while (!pool.shutdown) {
                Job current = pool.job;
                if (current != null && current != seen) {
                    seen = current;
                    current.drain();
                    continue;
                }
                waitForJob(seen);
            }
        }

        private boolean isIdle(Job seen) {
            Job current = pool.job;
            return (current == null || current == seen) && !pool.shutdown;
        }

        /** Spins for a while (cheap hand-off while layers follow each other), then parks. */
        private void waitForJob(Job seen) {
            long start = System.nanoTime();
            int spins = 0;
            while (isIdle(seen)) {
                if ((++spins & 63) != 0) {
                    Thread.onSpinWait();
                } else if (System.nanoTime() - start > SPIN_NANOS) {
                    parked = true;
                    if (isIdle(seen)) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    start = System.nanoTime();
                }
            }
        }
    }
}
