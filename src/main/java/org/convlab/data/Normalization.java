package org.convlab.data;

/**
 * How pixel values become input values. Images are decoded to [0,1] (value / 255) first. CSV
 * signals are taken as stored by UNIT and SYMMETRIC (they are not pixels); STANDARDIZE applies
 * to them too.
 */
public enum Normalization {
    /** [0,1]: value / 255 (black 0, white 1), what MNIST recipes use. */
    UNIT,
    /** [-1,1]: value / 127.5 - 1. */
    SYMMETRIC,
    /** Per channel (x - mean) / std, mean and std measured on the training split only. */
    STANDARDIZE
}
