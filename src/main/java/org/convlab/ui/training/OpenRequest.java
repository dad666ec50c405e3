package org.convlab.ui.training;

import org.convlab.nn.Network;

/**
 * A request from the dashboard to open one image in the step-through and feature-map views.
 *
 * @param network   a network of its own with the weights of the moment (the caller may keep it)
 * @param input     the image as the network's input, C*H*W
 * @param inkPixels the input uses the X/O slides' ink convention (+1 dark ink, -1 white)
 * @param title     what it is, e.g. "LeNet-5 — validation image 1234, true: Sneaker, predicted: Sandal 62%"
 */
public record OpenRequest(Network network, float[] input, boolean inkPixels, String title) {}
