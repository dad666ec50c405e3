package org.convlab.train;

import java.util.List;

/**
 * A model's results on a dataset: the confusion matrix (row = true class, column = predicted
 * class, as in scikit-learn) and the mean cross-entropy loss. Accuracies are fractions in [0, 1].
 */
public record Evaluation(List<String> classes, long[][] confusion, double loss) {
    public Evaluation {
        classes = List.copyOf(classes);
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public long correct() {
        long n = 0;
        for (int i = 0; i < confusion.length; i++) {
            n += confusion[i][i];
        }
        return n;
    }

    /** Correct / total (NaN for an empty set). */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** Per true class: correct / samples of that class (recall); NaN for a class with no samples. */
    public double[] perClassAccuracy() {
        double[] acc = new double[confusion.length];
        for (int i = 0; i < confusion.length; i++) {
            long row = 0;
            for (long v : confusion[i]) {
                row += v;
            }
            acc[i] = row == 0 ? Double.NaN : (double) confusion[i][i] / row;
        }
        return acc;
    }
}
