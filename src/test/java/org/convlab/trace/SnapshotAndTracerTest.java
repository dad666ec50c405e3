package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;

/** Snapshots do not change when the network moves on; the tracer names the layer in its errors. */
class SnapshotAndTracerTest {
    @Test
    void snapshotIsACopy() {
        Network net = TraceData.xoNetwork(false);
        NetworkTracer tracer = new NetworkTracer(net);
        float[] x = TraceData.lessonX();
        ActivationSnapshot first = tracer.snapshot(x);
        float[] conv = first.layer(0).data();
        conv[0] = 1234f; // the getter hands out a copy
        x[10] = -x[10]; // flip one pixel, run again
        ActivationSnapshot second = tracer.snapshot(x);
        assertEquals(7 / 9f, first.layer(0).value(0), 0f); // golden: diagonal_down (0,0) is 7/9
        assertTrue(first.input().value(10) != second.input().value(10));
        assertEquals(6, first.layerCount());
        assertArrayEquals(new int[] {3, 7, 7}, first.layer(0).shape().toArray());
        float[] p = first.probabilities();
        assertEquals(1.0, p[0] + p[1], 1e-6);
    }

    @Test
    void wrongLayerTypeOrIndexIsAUserError() {
        NetworkTracer tracer = new NetworkTracer(TraceData.xoNetwork(false));
        ActivationSnapshot s = tracer.snapshot(TraceData.lessonX());
        UserInputException e = assertThrows(UserInputException.class, () -> tracer.conv(s, 2, 0));
        assertTrue(e.getMessage().startsWith("layer 2 ("), e.getMessage());
        assertTrue(e.getMessage().contains("not a conv layer"), e.getMessage());
        assertThrows(UserInputException.class, () -> tracer.conv(s, 0, 3));
        assertThrows(UserInputException.class, () -> tracer.pool(s, 9, 0));
        assertThrows(UserInputException.class, () -> tracer.votes(s, 0));
        assertThrows(UserInputException.class, () -> tracer.activation(s, 0));
    }
}
