package org.convlab.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks. Doing a new command clears the redo stack. The history remembers
 * which point was saved last, so "dirty" is true exactly when undo/redo moved away from it.
 */
public final class UndoHistory {
    private final Deque<EditCommand> undo = new ArrayDeque<>();
    private final Deque<EditCommand> redo = new ArrayDeque<>();
    /** Undo-stack depth at the last save; -1 when the saved state is no longer reachable. */
    private int savedDepth;

    /** Executes {@code c} and records it. */
    public void run(EditCommand c) {
        c.execute();
        push(c);
    }

    /** Executes {@code c}; merges it into the last step when both edit the same field. */
    void runMerging(DocumentEdit c) {
        c.execute();
        if (!undo.isEmpty() && undo.peek() instanceof DocumentEdit last && savedDepth != undo.size()) {
            DocumentEdit merged = last.mergedWith(c);
            if (merged != null) {
                undo.pop();
                merged.execute();
                undo.push(merged);
                redo.clear();
                return;
            }
        }
        push(c);
    }

    private void push(EditCommand c) {
        if (savedDepth > undo.size()) {
            savedDepth = -1; // the saved state was on the redo stack, which is now gone
        }
        undo.push(c);
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would take back, or null. */
    public String undoDescription() {
        return undo.isEmpty() ? null : undo.peek().description();
    }

    public String redoDescription() {
        return redo.isEmpty() ? null : redo.peek().description();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            EditCommand c = undo.pop();
            c.undo();
            redo.push(c);
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            EditCommand c = redo.pop();
            c.execute();
            undo.push(c);
        }
    }

    /** Forgets everything (a new document was opened), which counts as saved. */
    public void clear() {
        undo.clear();
        redo.clear();
        savedDepth = 0;
    }

    public void markSaved() {
        savedDepth = undo.size();
    }

    public boolean isDirty() {
        return savedDepth != undo.size();
    }
}
