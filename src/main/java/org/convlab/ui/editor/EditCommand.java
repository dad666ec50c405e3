package org.convlab.ui.editor;

/** One undoable edit of the stack. {@link #execute()} and {@link #undo()} alternate, starting with execute. */
public interface EditCommand {
    void execute();

    void undo();

    /** What the edit did, for the Edit menu: "Add conv3", "Set conv1 stride to 2". */
    String description();
}
