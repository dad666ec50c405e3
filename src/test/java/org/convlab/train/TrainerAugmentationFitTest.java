package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * The app's run settings and a resumed checkpoint reach the trainer without the CLI's --augment
 * check, so the trainer itself refuses a shift that moves the whole 6x6 input out of view: on a
 * 6-pixel side the largest useful shift is 6 - 1 = 5.
 */
class TrainerAugmentationFitTest {
    private static TrainingConfig shift(int pixels) {
        return TrainingConfig.builder().epochs(1).batchSize(8).learningRate(0.05).seed(7)
                .augmentation(new Augmentation(pixels, false, 0)).build();
    }

    @Test
    void aShiftLargerThanTheInputIsRefusedBeforeTraining() {
        Network net = Network.build(TinyData.net(), 7);
        UserInputException e = assertThrows(UserInputException.class,
                () -> new Trainer(net, TinyData.bars(20, 1), null, null, shift(6)).run(TrainingListener.NONE));
        assertEquals("augmentation shift:6 is too large for the model's input of 6x6 pixels: use shift:0..5", e.getMessage());
    }

    @Test
    void theLargestShiftThatKeepsAPixelInViewTrains() {
        Network net = Network.build(TinyData.net(), 7);
        assertDoesNotThrow(() -> new Trainer(net, TinyData.bars(20, 1), null, null, shift(5)).run(TrainingListener.NONE));
    }
}
