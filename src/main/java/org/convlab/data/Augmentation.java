package org.convlab.data;

import org.convlab.UserInputException;

/**
 * Random changes applied to training samples as batches are built, drawn per (seed, epoch,
 * sample index) so a run is repeatable: a shift of up to {@code maxShift} pixels each way, a
 * mirror image with probability 1/2 when {@code horizontalFlip}, a rotation of up to
 * {@code maxRotationDegrees} either way. Pixels moved in from outside take the sample's border colour.
 */
public record Augmentation(int maxShift, boolean horizontalFlip, double maxRotationDegrees) {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false, 0);

    public Augmentation {
        if (maxShift < 0) {
            throw new UserInputException("augmentation shift must be 0 or more pixels, not " + maxShift);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 180)) {
            throw new UserInputException("augmentation rotation must be between 0 and 180 degrees, not " + maxRotationDegrees);
        }
    }

    /** True when this changes nothing. */
    public boolean isNone() {
        return maxShift == 0 && !horizontalFlip && maxRotationDegrees == 0;
    }
}
