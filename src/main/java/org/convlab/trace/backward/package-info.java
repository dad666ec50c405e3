/**
 * The backward step-through: records of how each gradient is built, taken from the engine's own
 * reference backward loops through their {@link org.convlab.engine.GradTerms} hooks, so what a
 * view shows is what the engine computes. {@link BackwardTracer} runs one image and label through a
 * {@link org.convlab.nn.Network} and hands out {@link GradientTrace} (one value, term by term),
 * {@link DenseGradLedger}, {@link PoolRouting}, {@link ReluGate} and {@link LossGradient}.
 * All records are immutable snapshots (arrays are copied in and out).
 */
package org.convlab.trace.backward;
