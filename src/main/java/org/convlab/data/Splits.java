package org.convlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeded, stratified train/validation split: each class gives round(n_c x fraction) of its
 * samples, drawn by a permutation seeded with (seed, class), to validation, so both splits keep
 * the class proportions and adding a class does not reshuffle the others. A class always keeps
 * at least one training sample.
 */
public final class Splits {
    private Splits() {}

    /** Index lists into the dataset, each in ascending order. */
    public record Split(int[] train, int[] validation) {}

    public static Split stratified(Dataset data, double fraction, long seed) {
        int classes = data.classes().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byClass.get(data.label(i)).add(i);
        }
        int[] train = new int[data.size()];
        int[] validation = new int[data.size()];
        int nt = 0;
        int nv = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            int n = members.size();
            int held = (int) Math.min(Math.max(0, n - 1), Math.round(n * fraction));
            int[] order = Seeds.permutation(n, Seeds.random(seed, Seeds.SPLIT, c, 0));
            for (int k = 0; k < n; k++) {
                int index = members.get(order[k]);
                if (k < held) {
                    validation[nv++] = index;
                } else {
                    train[nt++] = index;
                }
            }
        }
        int[] t = Arrays.copyOf(train, nt);
        int[] v = Arrays.copyOf(validation, nv);
        Arrays.sort(t);
        Arrays.sort(v);
        return new Split(t, v);
    }
}
