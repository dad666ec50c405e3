package org.convlab.trace.learning;

import java.util.List;
import org.convlab.model.ParamData;

/**
 * One frame of "Train the votes": the state after step {@link #step} (step 0 is the start,
 * before any learning), measured on every example.
 *
 * @param step      0 for the start, then 1, 2, ...
 * @param trainedOn the example this step learned from (null at step 0)
 * @param result    the step itself, as "One step of learning" shows it (null at step 0)
 * @param loss      mean cross-entropy over all examples after this step (float sums in the examples' order, / n)
 * @param right     how many examples are right: the label's probability strictly the largest
 * @param wrong     the names of the examples that are not right, in the examples' order
 * @param weight    the votes' weight after this step ({@code [classes, inputs]})
 * @param bias      the votes' bias after this step, or null when the layer has none
 */
public record VoteTrainingStep(int step, String trainedOn, StepResult result, float loss, int right,
                               List<String> wrong, ParamData weight, ParamData bias) {
    public VoteTrainingStep {
        wrong = List.copyOf(wrong);
    }

    /** Whether every example is right after this step. */
    public boolean allRight() {
        return wrong.isEmpty();
    }
}
