package org.convlab.ui.editor;

import java.util.function.Consumer;

/**
 * An edit as the document before and after it: execute shows the after, undo the before, so
 * undo restores exactly what was there (a misfit stack included). {@code mergeKey}, when set,
 * lets consecutive edits of one field (typing "128" is three edits) become one undo step.
 */
final class DocumentEdit implements EditCommand {
    private final String description;
    private final StackDocument before;
    private final StackDocument after;
    private final int selectBefore;
    private final int selectAfter;
    private final String mergeKey;
    private final Consumer<DocumentEdit> target;
    private boolean done;

    DocumentEdit(String description, StackDocument before, StackDocument after, int selectBefore, int selectAfter,
                 String mergeKey, Consumer<DocumentEdit> target) {
        this.description = description;
        this.before = before;
        this.after = after;
        this.selectBefore = selectBefore;
        this.selectAfter = selectAfter;
        this.mergeKey = mergeKey;
        this.target = target;
    }

    @Override
    public void execute() {
        done = true;
        target.accept(this);
    }

    @Override
    public void undo() {
        done = false;
        target.accept(this);
    }

    @Override
    public String description() {
        return description;
    }

    /** The document this edit leaves (after execute) or restores (after undo). */
    StackDocument current() {
        return done ? after : before;
    }

    int selection() {
        return done ? selectAfter : selectBefore;
    }

    StackDocument before() {
        return before;
    }

    /** This edit followed by {@code next} as one step, when both set the same field of the same layer. */
    DocumentEdit mergedWith(DocumentEdit next) {
        if (mergeKey == null || !mergeKey.equals(next.mergeKey)) {
            return null;
        }
        return new DocumentEdit(next.description, before, next.after, selectBefore, next.selectAfter, mergeKey, target);
    }
}
