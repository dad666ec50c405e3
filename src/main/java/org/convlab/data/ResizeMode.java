package org.convlab.data;

/** How an image of another size becomes the model's height x width. */
public enum ResizeMode {
    /** Scales width and height independently to fill the input exactly (may distort). */
    STRETCH,
    /** Scales to fit inside, keeping the aspect ratio, and pads the rest with the image's border colour. */
    FIT_PAD,
    /** Scales to cover the input, keeping the aspect ratio, and cuts the overhang equally on both sides. */
    CENTER_CROP
}
