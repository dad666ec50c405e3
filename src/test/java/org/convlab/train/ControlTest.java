package org.convlab.train;

import static org.convlab.train.TrainerTest.assertSameWeights;
import static org.convlab.train.TrainerTest.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pause, resume and cancel from another thread. The training thread is held inside the listener
 * of batch 2 until the request has been made, so "takes effect within one batch" is checked
 * exactly: not a single further batch runs.
 */
@Timeout(30)
class ControlTest {
    private final TrainingConfig config = TrainerTest.tiny().epochs(3).build();
    private final ArrayDataset data = TinyData.bars(40, 1);

    /** Starts a run on a new thread that stops in batch 2's listener until {@code go} opens. */
    private Thread start(Trainer trainer, AtomicInteger batches, CountDownLatch atTwo, CountDownLatch go,
                         AtomicReference<TrainingResult> result) {
        Thread t = new Thread(() -> result.set(trainer.run(new TrainingListener() {
            @Override
            public void batchEnd(BatchEnd b) {
                if (batches.incrementAndGet() == 2) {
                    atTwo.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        })));
        t.start();
        return t;
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING) {
            Thread.sleep(5);
        }
    }

    @Test
    void cancelStopsBeforeTheNextBatch() throws InterruptedException {
        Trainer trainer = new Trainer(Network.build(TinyData.net(), 7), data, null, null, config);
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch atTwo = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        Thread t = start(trainer, batches, atTwo, go, result);
        assertTrue(atTwo.await(20, TimeUnit.SECONDS));
        trainer.cancel();
        go.countDown();
        t.join();
        assertEquals(2, batches.get());
        assertEquals(TrainingListener.Reason.CANCELLED, result.get().stop().reason());
        assertEquals(1, result.get().stop().epoch());
        assertEquals(3, result.get().stop().batch());
        assertTrue(result.get().history().isEmpty());
    }

    @Test
    void pauseHoldsTheRunCancelWhilePausedEndsIt() throws InterruptedException {
        Trainer trainer = new Trainer(Network.build(TinyData.net(), 7), data, null, null, config);
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch atTwo = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        Thread t = start(trainer, batches, atTwo, go, result);
        assertTrue(atTwo.await(20, TimeUnit.SECONDS));
        trainer.pause();
        go.countDown();
        awaitWaiting(t); // parked in the pause, before batch 3
        assertTrue(trainer.isPaused());
        assertEquals(2, batches.get());
        trainer.cancel();
        t.join();
        assertEquals(2, batches.get());
        assertEquals(TrainingListener.Reason.CANCELLED, result.get().stop().reason());
    }

    @Test
    void pauseThenResumeFinishesWithTheSameWeightsAsAnUninterruptedRun() throws InterruptedException {
        Network straight = Network.build(TinyData.net(), 7);
        new Trainer(straight, data, null, null, config).run(TrainingListener.NONE);

        Network net = Network.build(TinyData.net(), 7);
        Trainer trainer = new Trainer(net, data, null, null, config);
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch atTwo = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        Thread t = start(trainer, batches, atTwo, go, result);
        assertTrue(atTwo.await(20, TimeUnit.SECONDS));
        trainer.pause();
        go.countDown();
        awaitWaiting(t);
        assertEquals(2, batches.get());
        trainer.resume();
        t.join();
        assertTrue(result.get().completed());
        assertEquals(3 * 5, batches.get());
        assertSameWeights(weights(straight), weights(net));
        assertEquals(List.of(1, 2, 3), result.get().history().stream().map(EpochStats::epoch).toList());
    }
}
