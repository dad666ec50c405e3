package org.convlab;

/**
 * Bad input from a user: a malformed model file, a layer that does not fit, an unreadable image.
 * The message is meant to be shown as it is (one line, naming the file, layer or field), so it
 * must read well to a student. The CLI maps it to exit code 2, the UI to a dialog.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
