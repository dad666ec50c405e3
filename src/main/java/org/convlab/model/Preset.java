package org.convlab.model;

/**
 * A built-in network, reachable as {@code preset:NAME}.
 *
 * @param name        the NAME in {@code preset:NAME}
 * @param title       a short human title ("VGG-16")
 * @param description one paragraph for the UI: what the net is and what it teaches
 * @param source      where it comes from (paper, year)
 * @param network     the network
 */
public record Preset(String name, String title, String description, String source, NetworkSpec network) {}
