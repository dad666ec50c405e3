/**
 * Training data: where samples come from and how they reach the engine.
 *
 * <p>{@link org.convlab.data.DataSources#open DataSources.open} reads an image folder (one
 * sub-folder per class), {@code idx:DIR} (MNIST-style IDX files) or {@code csv:FILE} (1D
 * signals) into one float array per source, already converted to the model's channels, resized
 * ({@link org.convlab.data.ResizeMode}) and normalised ({@link org.convlab.data.Normalization},
 * statistics from the training split only). Train and validation splits
 * ({@link org.convlab.data.Splits}, seeded and stratified) are views of that array, so 60,000
 * MNIST images take their decoded size and little more. In an image folder, bad files (corrupt,
 * cut short, not regular files) are skipped and listed ({@link org.convlab.data.SkippedFile});
 * the folder is refused with a {@link org.convlab.UserInputException} only when nothing usable,
 * or a single class, is left. IDX and CSV files are one data set each, so a broken header or a
 * bad row refuses the file, naming the line. Readers check every size a file declares against
 * what the file holds before allocating, allocate through {@link org.convlab.MemoryGuard}, and
 * read only regular files ({@link org.convlab.UserFiles}): no pipe, no device.
 *
 * <p>{@link org.convlab.data.BatchStream} serves one epoch in batches from a background thread,
 * in an order drawn from (seed, epoch) and with {@link org.convlab.data.Augmentation} drawn from
 * (seed, epoch, sample index), so a resumed run repeats an uninterrupted one exactly.
 *
 * <p>May import: {@code org.convlab.engine} and the root package (JDK imaging through
 * {@code javax.imageio}, never JavaFX).
 */
package org.convlab.data;
