/**
 * Step-through records of a network, number by number: {@link org.convlab.trace.ConvTrace}
 * ({@link org.convlab.trace.ConvStep} per output), {@link org.convlab.trace.PoolTrace},
 * {@link org.convlab.trace.ActivationStep}, {@link org.convlab.trace.VoteLedger},
 * {@link org.convlab.trace.ReceptiveField} and {@link org.convlab.trace.ActivationSnapshot}.
 * Every number is produced by the engine's scalar reference loops ({@code Conv2dReference.outputAt},
 * {@code MaxPoolReference.argmaxAt}, ...), which the reference forwards themselves call, so what a
 * student steps through is what the engine computes. No JavaFX here: the UI only reads these.
 */
package org.convlab.trace;
