package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;

/** The written form of augmentation shared by {@code train --augment} and the dashboard. */
class AugmentationParseTest {
    @Test
    void readsTheCommaList() {
        assertEquals(new Augmentation(2, true, 10), Augmentation.parse("shift:2, flip ,ROTATE:10", "--augment"));
        assertEquals(Augmentation.NONE, Augmentation.parse("none", "--augment"));
        assertEquals(Augmentation.NONE, Augmentation.parse(" ", "--augment"));
    }

    @Test
    void namesTheFieldAndThePartItCannotRead() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> Augmentation.parse("shift:2,wobble", "--augment"));
        assertTrue(e.getMessage().startsWith("--augment: cannot read 'wobble'"), e.getMessage());
    }
}
