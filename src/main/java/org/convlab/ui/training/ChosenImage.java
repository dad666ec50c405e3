package org.convlab.ui.training;

import org.convlab.engine.Shape;

/**
 * The image the user picked to look at closely (its top-3 and feature maps, live while training):
 * the model's input values and where it came from.
 *
 * @param input       the network's input, C*H*W
 * @param shape       its shape
 * @param description "validation image 1234", "training image 7", a file name
 * @param trueClass   its class in the model's order, or -1 when unknown (a file)
 */
record ChosenImage(float[] input, Shape shape, String description, int trueClass) {}
