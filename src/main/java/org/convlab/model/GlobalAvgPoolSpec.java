package org.convlab.model;

/** Averages each channel plane to one value: C x H x W -> C x 1 x 1. */
public record GlobalAvgPoolSpec(String name) implements LayerSpec {
    @Override
    public String type() {
        return "globalavgpool";
    }

    @Override
    public String defaultPrefix() {
        return "gap";
    }

    @Override
    public GlobalAvgPoolSpec withName(String n) {
        return new GlobalAvgPoolSpec(n);
    }
}
