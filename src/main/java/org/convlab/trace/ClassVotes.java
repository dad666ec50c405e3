package org.convlab.trace;

import java.util.List;

/**
 * The ledger of one class: every vote sorted by size (largest magnitude first), the total of the
 * votes, the bias, the logit (the engine's, bit for bit) and the softmax probability.
 */
public record ClassVotes(int index, String label, List<Vote> votes, float votesTotal, boolean hasBias, float bias,
                         float logit, float probability) {
    public ClassVotes {
        votes = List.copyOf(votes);
    }

    /** Sum of the positive votes. */
    public float forTotal() {
        float s = 0f;
        for (Vote v : votes) {
            s += v.product() > 0 ? v.product() : 0f;
        }
        return s;
    }

    /** Sum of the negative votes. */
    public float againstTotal() {
        float s = 0f;
        for (Vote v : votes) {
            s += v.product() < 0 ? v.product() : 0f;
        }
        return s;
    }
}
