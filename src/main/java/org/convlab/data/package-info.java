/**
 * Training data: where samples come from and how they reach the engine.
 *
 * <p>{@link org.convlab.data.DataSources#open DataSources.open} reads an image folder (one
 * sub-folder per class), {@code idx:DIR} (MNIST-style IDX files) or {@code csv:FILE} (1D
 * signals) into one float array per source, already converted to the model's channels, resized
 * ({@link org.convlab.data.ResizeMode}) and normalised ({@link org.convlab.data.Normalization},
 * statistics from the training split only). Train and validation splits
 * ({@link org.convlab.data.Splits}, seeded and stratified) are views of that array, so 60,000
 * MNIST images take their decoded size and little more. Bad files are skipped and listed
 * ({@link org.convlab.data.SkippedFile}); a source is refused with a
 * {@link org.convlab.UserInputException} only when nothing usable, or a single class, is left.
 *
 * <p>{@link org.convlab.data.BatchStream} serves one epoch in batches from a background thread,
 * in an order drawn from (seed, epoch) and with {@link org.convlab.data.Augmentation} drawn from
 * (seed, epoch, sample index), so a resumed run repeats an uninterrupted one exactly.
 *
 * <p>May import: {@code org.convlab.engine} and the root package (JDK imaging through
 * {@code javax.imageio}, never JavaFX).
 */
package org.convlab.data;
