/**
 * Training and evaluation: the room between the data package (batches) and the nn package
 * (forward, backward, optimizers).
 *
 * <pre>
 *   LoadedData d = DataSources.open(source, spec.input(), options);
 *   ModelAdapter.Adapted a = ModelAdapter.adapt(spec, d.train().classes());   // classes of the data
 *   Network net = Network.build(a.spec(), config.seed());
 *   Trainer t = new Trainer(net, RelabelledDataset.of(d.train(), a.labelMap(), a.spec().classes()), ..., config);
 *   t.setCheckpointDir(dir);                    // optional: a checkpoint after every epoch
 *   TrainingResult r = t.run(listener);         // on a background thread; t.pause()/resume()/cancel() from others
 *   ModelFiles.write(file, SpecExport.withWeights(net));
 * </pre>
 *
 * <p>{@link org.convlab.train.TrainingListener} events are immutable records delivered on the
 * training thread between batches; {@link org.convlab.train.Evaluator} gives accuracy, per-class
 * accuracy and the confusion matrix in inference mode; {@link org.convlab.train.Checkpoint}
 * resumes a run bit for bit.
 */
package org.convlab.train;
