package org.convlab.ui.editor;

import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;

/**
 * One layer as the editor shows it: the model package's {@link LayerInfo} when the layer fits,
 * else the reason it does not ({@link Status#MISFIT}) or that its input is unknown because an
 * earlier layer did not fit ({@link Status#UNKNOWN}).
 *
 * @param info       shape inference's result, null unless {@code status == FITS}
 * @param problem    the model package's message for a misfit, else null
 * @param fix        a setting that would fit, or null when none is known
 */
public record LayerRow(LayerSpec spec, Status status, LayerInfo info, String problem, MisfitFixes.Fix fix) {
    public enum Status { FITS, MISFIT, UNKNOWN }

    public String name() {
        return spec.name();
    }

    /** What the fix gives, "stride 2 fits: output 3x3x6", or null. */
    public String suggestion() {
        return fix == null ? null : fix.text();
    }

    public boolean fits() {
        return status == Status.FITS;
    }
}
