package org.convlab.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Seeded mutations of a JSON document at the level of its tree: a value of another type, an
 * extreme number (written as a raw token, so NaN, 1e999 and 2^64+1 reach the reader as typed),
 * a field removed or duplicated, an element added or dropped, trailing data, a cut.
 */
final class JsonMutator {
    /** Raw JSON number tokens (and the non-standard ones a hand-edited file may hold). */
    static final String[] EXTREME_NUMBERS = {"0", "-1", "-5", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "18446744073709551617", "1e-320", "1e308", "-1e308",
            "1e999", "NaN", "Infinity", "-Infinity", "1.5", "-0.0", "99"};
    /** Values of other types. */
    static final String[] OTHER_TYPES = {"null", "true", "\"\"", "\"x\"", "[]", "{}", "[1, 2]", "{\"a\": 1}", "\"AAAA\"",
            "\"!!not base64!!\"", "\"1e999\""};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\"__fuzz_mark__\"";

    private final Mutator m;

    JsonMutator(Mutator m) {
        this.m = m;
    }

    /** A place in the tree: the container and the key or index there. */
    record Slot(ContainerNode<?> parent, String key, int index, String path) {
        JsonNode value() {
            return parent instanceof ObjectNode o ? o.get(key) : ((ArrayNode) parent).get(index);
        }

        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        /** The field name this slot sits under (the array's field for an element). */
        String field() {
            String p = path.replaceAll("\\[\\d+]$", "");
            return p.substring(p.lastIndexOf('.') + 1);
        }
    }

    static JsonNode parse(byte[] text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every slot of the tree; elements of long arrays (tensor values) are kept apart. */
    static void slots(JsonNode node, String path, List<Slot> shortOnes, List<Slot> longArrayElements) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String p = path + "." + k;
                shortOnes.add(new Slot(o, k, -1, p));
                slots(o.get(k), p, shortOnes, longArrayElements);
            }
        } else if (node instanceof ArrayNode a) {
            boolean isLong = a.size() > 16;
            for (int i = 0; i < a.size(); i++) {
                String p = path + "[" + i + "]";
                (isLong ? longArrayElements : shortOnes).add(new Slot(a, null, i, p));
                if (!isLong || a.get(i).isContainerNode()) {
                    slots(a.get(i), p, shortOnes, longArrayElements);
                }
            }
        }
    }

    /** A random slot: mostly structure, sometimes one value inside a tensor. */
    Slot randomSlot(JsonNode tree) {
        List<Slot> shortOnes = new ArrayList<>();
        List<Slot> elements = new ArrayList<>();
        slots(tree, "$", shortOnes, elements);
        if (!elements.isEmpty() && (shortOnes.isEmpty() || m.below(4) == 0)) {
            return elements.get(m.below(elements.size()));
        }
        return shortOnes.get(m.below(shortOnes.size()));
    }

    /** Replaces the slot's value by a raw token and returns the document's text. */
    static String withRaw(JsonNode tree, Slot slot, String rawToken) {
        JsonNode old = slot.value();
        slot.set(JSON.getNodeFactory().textNode("__fuzz_mark__"));
        String text = write(tree).replace(MARK, rawToken);
        slot.set(old);
        return text;
    }

    /** One seeded tree mutation of the document; {@code names} collects the field names touched. */
    Mutator.Mutant mutate(byte[] original, List<String> names) {
        JsonNode tree = parse(original);
        int op = m.below(9);
        if (op == 0) {
            Mutator.Mutant t = m.truncate(original);
            boolean cutsSomething = !new String(original, t.bytes().length, original.length - t.bytes().length,
                    StandardCharsets.UTF_8).isBlank();
            return new Mutator.Mutant(t.bytes(), t.what(), cutsSomething);
        }
        if (op == 1) {
            String tail = m.pick(new String[] {"x", "}", "{}", " {\"a\": 1}", ",", "]", "\u0000", " 0"});
            return mutant(write(tree) + tail, "trailing data " + quote(tail) + " after the JSON", true);
        }
        Slot slot = randomSlot(tree);
        names.add(slot.field());
        switch (op) {
            case 2, 3 -> {
                String token = m.pick(EXTREME_NUMBERS);
                return mutant(withRaw(tree, slot, token), slot.path() + " = " + token, false);
            }
            case 4 -> {
                String token = m.pick(OTHER_TYPES);
                return mutant(withRaw(tree, slot, token), slot.path() + " = " + token, false);
            }
            case 5 -> {
                if (slot.parent() instanceof ObjectNode o) {
                    o.remove(slot.key());
                } else {
                    ((ArrayNode) slot.parent()).remove(slot.index());
                }
                return mutant(write(tree), "removed " + slot.path(), false);
            }
            case 6 -> {
                if (slot.parent() instanceof ObjectNode o) {
                    // a second field of the same name: JSON allows it to parse, a careful reader refuses or takes one
                    String text = write(tree);
                    String dup = "\"" + slot.key() + "\" : ";
                    int at = text.indexOf(dup);
                    String value = write(o.get(slot.key()));
                    String token = m.rng().nextBoolean() ? value : m.pick(EXTREME_NUMBERS);
                    String out = at < 0 ? text : text.substring(0, at) + dup + token + ",\n" + text.substring(at);
                    return mutant(out, "duplicated field " + slot.path() + " (first = " + abbreviate(token) + ")", false);
                }
                ArrayNode a = (ArrayNode) slot.parent();
                a.insert(slot.index(), a.get(slot.index()).deepCopy());
                return mutant(write(tree), "duplicated element " + slot.path(), false);
            }
            case 7 -> {
                JsonNode v = slot.value();
                if (v instanceof ArrayNode a) {
                    if (a.isEmpty() || m.rng().nextBoolean()) {
                        a.add(m.rng().nextInt(-3, 100));
                        return mutant(write(tree), "added an element to " + slot.path(), false);
                    }
                    a.remove(m.below(a.size()));
                    return mutant(write(tree), "removed an element of " + slot.path(), false);
                }
                if (v.isTextual()) {
                    String s = v.asText();
                    String cut = s.substring(0, m.below(s.length() + 1));
                    slot.set(JSON.getNodeFactory().textNode(cut));
                    return mutant(write(tree), slot.path() + " cut to " + cut.length() + " characters", false);
                }
                String token = m.pick(EXTREME_NUMBERS);
                return mutant(withRaw(tree, slot, token), slot.path() + " = " + token, false);
            }
            default -> {
                Mutator.Mutant b = m.flip(write(tree).getBytes(StandardCharsets.UTF_8));
                return new Mutator.Mutant(b.bytes(), b.what(), false);
            }
        }
    }

    static Mutator.Mutant mutant(String text, String what, boolean mustRefuse) {
        return new Mutator.Mutant(text.getBytes(StandardCharsets.UTF_8), what, mustRefuse);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            b.append(c < 32 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('\'').toString();
    }
}
