package org.convlab.cli;

import org.convlab.UserInputException;

/** For commands whose issue has not landed yet: say so plainly and exit 2. */
final class NotBuiltYet {
    private NotBuiltYet() {}

    static UserInputException command(String name) {
        return new UserInputException("the '" + name + "' command is not built yet in this version of ConvLab");
    }
}
