/**
 * Learning, one step at a time, for the step-through's "One step of learning" and the X/O
 * lesson's "Train the votes" (issue 15). No JavaFX here: the views only read these records.
 *
 * <ul>
 *   <li>{@link org.convlab.trace.learning.LearningStep}: for one image and label, the loss and
 *       {@code dL/dw} from the engine's scalar reference loops (the numbers the backward
 *       step-through shows), then plain SGD {@code w <- w - lr * dL/dw} on one chosen layer (or
 *       every layer with parameters), the same image forward again, and an undo stack that puts
 *       the previous values back bit for bit. Each step is a {@link org.convlab.trace.learning.StepResult}.</li>
 *   <li>{@link org.convlab.trace.learning.VoteTraining}: the X/O lesson's votes trained alone,
 *       one image per step in a fixed order with a fixed rate, until every image is right; the
 *       history ({@link org.convlab.trace.learning.VoteTrainingStep}) is for an animation.</li>
 * </ul>
 *
 * Both change the {@link org.convlab.nn.Network} they are given in place (its weights are what
 * the forward step-through then shows); both switch it to the reference kernels.
 */
package org.convlab.trace.learning;
