package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;

class ModelAdapterTest {
    @Test
    void theSameClassesInAnotherOrderAreMatchedByName() {
        NetworkSpec xo = Presets.get("xo").network(); // classes X, O
        ModelAdapter.Adapted a = ModelAdapter.adapt(xo, List.of("o", "x")); // sorted folder names
        assertSame(xo, a.spec());
        assertArrayEquals(new int[] {1, 0}, a.labelMap());
        assertEquals(1, a.notes().size());
    }

    @Test
    void theSameClassesInTheSameOrderChangeNothing() {
        NetworkSpec lenet = Presets.get("lenet5").network();
        ModelAdapter.Adapted a = ModelAdapter.adapt(lenet, lenet.classes());
        assertSame(lenet, a.spec());
        assertNull(a.labelMap());
        assertTrue(a.notes().isEmpty());
    }

    @Test
    void otherNamesForAsManyClassesRenameThem() {
        NetworkSpec lenet = Presets.get("lenet5").network();
        List<String> fashion = List.of("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot");
        ModelAdapter.Adapted a = ModelAdapter.adapt(lenet, fashion);
        assertEquals(fashion, a.spec().classes());
        assertEquals(lenet.layers(), a.spec().layers());
        assertNull(a.labelMap());
    }

    @Test
    void bareNumbersFromIdxOrCsvKeepTheModelsNames() {
        NetworkSpec xo = Presets.get("xo").network();
        ModelAdapter.Adapted a = ModelAdapter.adapt(xo, List.of("0", "1"));
        assertSame(xo, a.spec());
        assertNull(a.labelMap());
    }

    @Test
    void anotherNumberOfClassesReplacesTheLastDenseLayer() {
        NetworkSpec lenet = Presets.get("lenet5").network();
        ModelAdapter.Adapted a = ModelAdapter.adapt(lenet, List.of("cat", "dog", "cow"));
        Network net = Network.build(a.spec(), 1);
        assertEquals(3, net.classes());
        assertEquals(List.of("cat", "dog", "cow"), a.spec().classes());
        DenseSpec last = (DenseSpec) a.spec().layer("fc2");
        assertEquals(3, last.units());
        assertTrue(a.notes().get(0).startsWith("fc2 is replaced by a new dense layer of 3 units (it had 10)"), a.notes().get(0));
    }

    @Test
    void aModelNotEndingInADenseLayerCannotBeResized() {
        NetworkSpec allConv = new NetworkSpec(Shape.of(1, 8, 8), List.of(), List.of(
                ConvSpec.of(10, 3, 1, Padding.SAME), ActivationSpec.relu(), new GlobalAvgPoolSpec(null)));
        UserInputException e = assertThrows(UserInputException.class,
                () -> ModelAdapter.adapt(allConv, List.of("a", "b")));
        assertTrue(e.getMessage().contains("gives 10 outputs but the data has 2 classes"), e.getMessage());
    }
}
