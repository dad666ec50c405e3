package org.convlab.trace;

/** A rectangle of input pixels, rows top..bottom and columns left..right, all inclusive. */
public record Region(int top, int left, int bottom, int right) {
    public boolean contains(int row, int col) {
        return row >= top && row <= bottom && col >= left && col <= right;
    }

    public int height() {
        return bottom - top + 1;
    }

    public int width() {
        return right - left + 1;
    }

    Region union(Region o) {
        return new Region(Math.min(top, o.top), Math.min(left, o.left), Math.max(bottom, o.bottom),
                Math.max(right, o.right));
    }

    Region clip(int height, int width) {
        return new Region(Math.max(top, 0), Math.max(left, 0), Math.min(bottom, height - 1), Math.min(right, width - 1));
    }
}
