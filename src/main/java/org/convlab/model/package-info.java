/**
 * Networks as data: immutable layer specs ({@link org.convlab.model.LayerSpec} and its records),
 * {@link org.convlab.model.NetworkSpec}, shape inference with the formulas filled in
 * ({@link org.convlab.model.ShapeInference}, {@link org.convlab.model.ModelSummary}), model files
 * ({@link org.convlab.model.ModelReader}, {@link org.convlab.model.ModelWriter},
 * {@link org.convlab.model.ModelFiles}, which also holds the one atomic-write helper; tensors
 * stream through {@link org.convlab.model.TensorParser} and {@link org.convlab.model.TensorWriting}),
 * presets ({@link org.convlab.model.Presets}) and the entry
 * point for a command's MODEL argument ({@link org.convlab.model.ModelSource}).
 *
 * <p>Rules a reader of the numbers should know:
 * <ul>
 *   <li>Size rule {@code out = (N - F + 2P)/S + 1} with F the dilated kernel. A conv whose result is
 *       not whole is refused with the arithmetic ({@code (7 - 3)/3 + 1 = 2.33}) unless only padding
 *       zeros would be left over (ResNet's stride-2 convs) or the layer sets {@code floor}.
 *       Pooling floors (default) or, with {@code ceil}, keeps partial edge windows (PyTorch rules).</li>
 *   <li>{@code same} padding is {@code (F - 1)/2} for an odd (dilated) kernel; refused for even ones.</li>
 *   <li>Dense on a C x H x W input flattens implicitly in C, H, W order; softmax needs a flat input.</li>
 *   <li>Parameters: conv {@code F*C*KH*KW} weights + F biases; dense {@code out*in} + out; batchnorm
 *       gamma (weights) + beta (biases), running statistics are not parameters.</li>
 *   <li>Activation memory total: the input plus every layer's output, except layers that can run in
 *       place (activation functions, dropout) or are a view (flatten); multiply-adds count conv
 *       and dense only.</li>
 *   <li>Residual projection: 1x1 conv without bias at the branch's total stride, plus batchnorm
 *       when the branch has one.</li>
 *   <li>Default names: type prefix and count (conv1, relu1, pool1, fc1, bn1, norm1, ...); inner
 *       layers of a block get the block's name in front ({@code inception3a.b2.conv1}).</li>
 * </ul>
 */
package org.convlab.model;
