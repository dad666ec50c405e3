/**
 * Networks built from model specs, trained and run on the engine's kernels.
 *
 * <p>{@link org.convlab.nn.Network#build} turns a {@link org.convlab.model.NetworkSpec} into one
 * layer object per spec ({@link org.convlab.nn.layers}), loading inline weights (PyTorch layouts)
 * or initialising them from a seed. Buffers are allocated once per batch capacity and reused.
 * Typical use:
 * <pre>
 *   Network net = Network.build(ModelSource.load("preset:lenet5"), seed);
 *   Optimizer sgd = Sgd.momentum(0.01f, 0.9f);
 *   float loss = net.trainStep(images, labels, 64, sgd);      // forward, backward, update
 *   net.forward(image, 1, false);                              // every layer's output: net.layers().get(i).output()
 *   net.setReference(true);                                    // the scalar reference kernels (step-through)
 *   NetworkSpec trained = SpecExport.withWeights(net);         // save with ModelFiles.write
 * </pre>
 * Results are deterministic for a seed whatever the thread count: large training and inference
 * batches are split into slices fixed by the batch size, never by the threads.
 */
package org.convlab.nn;
