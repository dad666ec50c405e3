package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Parallel;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.MemoryEstimate;
import org.convlab.model.ModelSummary;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.ActivationSpec;
import org.junit.jupiter.api.Test;

/** Issue 13, items 2 and 3: a network refuses, before allocating, what cannot be held, naming the layer. */
class NetworkMemoryTest {
    @Test
    void anOutputWiderThanOneTensorIsRefusedNamingTheLayer() {
        NetworkSpec wide = new NetworkSpec(Shape.of(1, 1, 9), List.of(), List.of(
                new ConvSpec("conv1", 1, 1, 3, 1, Padding.of(0, Integer.MAX_VALUE), 1, true, false, null, null)));
        UserInputException e = assertThrows(UserInputException.class, () -> Network.build(wide, 1));
        assertEquals("layer conv1: its output 1 x 1 x 4,294,967,301 has more values than one tensor can hold (2^31 - 1)",
                e.getMessage());
    }

    @Test
    void aDilationThatTheEngineCannotIndexIsRefusedNamingTheLayer() {
        NetworkSpec dilated = new NetworkSpec(Shape.of(1, 9, 9), List.of(), List.of(
                new ConvSpec("conv1", 1, 3, 3, 1, Padding.SAME, Integer.MAX_VALUE, true, false, null, null)));
        String m = assertThrows(UserInputException.class, () -> Network.build(dilated, 1)).getMessage();
        assertTrue(m.startsWith("layer conv1: its padded input 4,294,967,303 x 4,294,967,303 or its window"
                + " 4,294,967,295 x 4,294,967,295 is more than the engine can index"), m); // 9 + 2*(2^31 - 1)
    }

    @Test
    void weightsLargerThanTheHeapAreRefusedWithTheNumbers() {
        NetworkSpec dense = new NetworkSpec(Shape.of(1, 28, 28), List.of(), List.of(new FlattenSpec(null),
                DenseSpec.of(100_000_000)));
        long params = Math.addExact(Math.multiplyExact(784L, 100_000_000L), 100_000_000L);
        assertTrue(params * 4 > Runtime.getRuntime().maxMemory(), "this JVM's heap holds 314 GB");
        String m = assertThrows(UserInputException.class, () -> Network.build(dense, 1)).getMessage();
        assertTrue(m.startsWith("storing the weights of this model (78,500,000,000 values) needs 292.4 GB, but Java may use"),
                m);
        assertTrue(m.endsWith("start Java with a larger -Xmx (java -Xmx8g ...)"), m);
    }

    @Test
    void theEstimateOfASmallNetIsCountedByHand() {
        // 1x4x4 -> conv 2 filters 3x3 -> 2x2x2 -> relu -> maxpool 2 -> 2x1x1 -> flatten -> dense 3
        NetworkSpec net = new NetworkSpec(Shape.of(1, 4, 4), List.of(), List.of(ConvSpec.of(2, 3, 1, Padding.VALID),
                ActivationSpec.relu(), PoolSpec.max(2, 2), new FlattenSpec(null), DenseSpec.of(3)));
        MemoryEstimate m = MemoryEstimate.of(ModelSummary.of(net));
        assertEquals(2 * 9 + 2 + 3 * 2 + 3, m.parameters());
        assertEquals(8 + 8 + 2 + 2 + 3, m.forwardPerSample()); // conv, relu, pool and its argmax, dense (flatten is a view)
        assertEquals(8 + 8 + 2 + 2 + 3, m.backwardPerSample()); // every layer's output gradient
        assertEquals((16 + 23) * 4, m.activationBytesPerImage());
        assertEquals((2 * 16 + 23 + 23) * 4, m.trainingBytesPerImage());
        assertEquals(29 * 4 * 3 + 10 * (2 * 16 + 46) * 4, m.trainingBytes(10, 1));
        // and what the network allocates for its outputs is no more than the estimate
        Network n = Network.build(net, 1);
        n.reserve(1);
        long outputs = n.allLayers().stream().filter(l -> !(l.spec() instanceof FlattenSpec))
                .mapToLong(l -> l.outputShape().size()).sum();
        assertTrue(outputs <= m.forwardPerSample(), outputs + " > " + m.forwardPerSample());
    }

    @Test
    void dataParallelNeverMakesMoreThan64Slices() {
        assertEquals(DataParallel.MAX_SLICES, DataParallel.slices(Integer.MAX_VALUE));
        assertEquals(2, DataParallel.slices(64)); // LeNet at batch 64: 2 slices of 32, as before
    }

    @Test
    void thePoolRefusesAbsurdThreadCountsAndKeepsItsThreads() {
        Parallel before = Parallel.shared();
        String m = assertThrows(UserInputException.class, () -> Parallel.setThreads(Integer.MAX_VALUE)).getMessage();
        assertTrue(m.startsWith("--threads must be between 1 and 256, got 2147483647"), m);
        assertThrows(UserInputException.class, () -> Parallel.setThreads(-1));
        assertSame(before, Parallel.shared());
    }
}
