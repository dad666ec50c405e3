/**
 * Hand-made kernels on photos (issue 16, "image processing came first"): the classic kernels and
 * typed ones ({@link org.convlab.trace.filtering.ImageKernel}), applied by the engine's conv
 * kernels with stride, padding and an optional flip (true convolution against the
 * cross-correlation ConvNets compute), each result pixel's window term by term from the scalar
 * reference loop ({@link org.convlab.trace.filtering.ImageFiltering}).
 */
package org.convlab.trace.filtering;
