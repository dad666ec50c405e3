package org.convlab.train;

import java.util.Locale;
import org.convlab.UserInputException;

/** The optimizers a run can use (the CLI's {@code --optimizer}). */
public enum OptimizerKind {
    /** SGD, with optional (Nesterov) momentum: torch.optim.SGD. */
    SGD,
    /** Adam with PyTorch's default betas and eps: torch.optim.Adam. */
    ADAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code sgd} or {@code adam}; a message names the field "optimizer". */
    public static OptimizerKind parse(String text) {
        return parse(text, "optimizer");
    }

    /** As {@link #parse(String)}, naming {@code field} (the CLI's {@code --optimizer}) in a message. */
    public static OptimizerKind parse(String text, String field) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "sgd" -> SGD;
            case "adam" -> ADAM;
            default -> throw new UserInputException(field + ": unknown optimizer '" + text + "': use sgd or adam");
        };
    }
}
