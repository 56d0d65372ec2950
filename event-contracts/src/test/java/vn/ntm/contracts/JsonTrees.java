package vn.ntm.contracts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the contract tests compare in JSON trees; paths are JSON Pointers ({@code ""} is the root). */
final class JsonTrees {
    private JsonTrees() {
    }

    /**
     * A copy of {@code root} with the node at {@code pointer} replaced by {@code value}, or removed when
     * {@code value} is null. The node must exist, so that a broken variant cannot silently be the original.
     */
    static JsonNode with(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(path.head());
        JsonPointer last = path.last();
        if (parent.isObject() && parent.has(last.getMatchingProperty())) {
            ObjectNode object = (ObjectNode) parent;
            if (value == null) {
                object.remove(last.getMatchingProperty());
            } else {
                object.set(last.getMatchingProperty(), value);
            }
        } else if (parent.isArray() && last.getMatchingIndex() >= 0 && last.getMatchingIndex() < parent.size()) {
            ArrayNode array = (ArrayNode) parent;
            if (value == null) {
                array.remove(last.getMatchingIndex());
            } else {
                array.set(last.getMatchingIndex(), value);
            }
        } else {
            throw new IllegalArgumentException("no node at " + pointer);
        }
        return copy;
    }

    /** The paths of the object fields {@code newer} has and {@code older} lacks (arrays compared by index). */
    static Set<String> addedFields(JsonNode newer, JsonNode older) {
        Set<String> out = new LinkedHashSet<>();
        addedFields(newer, older, "", out);
        return out;
    }

    private static void addedFields(JsonNode newer, JsonNode older, String path, Set<String> out) {
        if (newer.isObject() && older.isObject()) {
            for (Map.Entry<String, JsonNode> field : newer.properties()) {
                String child = path + "/" + escape(field.getKey());
                if (older.has(field.getKey())) {
                    addedFields(field.getValue(), older.get(field.getKey()), child, out);
                } else {
                    out.add(child);
                }
            }
        } else if (newer.isArray() && older.isArray()) {
            for (int i = 0; i < Math.min(newer.size(), older.size()); i++) {
                addedFields(newer.get(i), older.get(i), path + "/" + i, out);
            }
        }
    }

    /** A copy of {@code root} without the object fields at {@code paths}. */
    static JsonNode without(JsonNode root, Set<String> paths) {
        JsonNode copy = root;
        for (String path : paths) {
            copy = with(copy, path, null);
        }
        return copy;
    }

    /** The objects whose field names come in another order in {@code actual} than in {@code expected}. */
    static List<String> orderDifferences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        orderDifferences(expected, actual, "", out);
        return out;
    }

    private static void orderDifferences(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            if (!names(expected).equals(names(actual))) {
                out.add(path);
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (actual.has(field.getKey())) {
                    orderDifferences(field.getValue(), actual.get(field.getKey()),
                            path + "/" + escape(field.getKey()), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                orderDifferences(expected.get(i), actual.get(i), path + "/" + i, out);
            }
        }
    }

    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.properties().forEach(field -> out.add(field.getKey()));
        return out;
    }

    /** Every field name and string value of the tree that is not plain ASCII (the Vietnamese text). */
    static Set<String> nonAsciiTexts(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        nonAsciiTexts(node, out);
        return out;
    }

    private static void nonAsciiTexts(JsonNode node, Set<String> out) {
        if (node.isTextual() && !isAscii(node.textValue())) {
            out.add(node.textValue());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!isAscii(field.getKey())) {
                    out.add(field.getKey());
                }
                nonAsciiTexts(field.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(element -> nonAsciiTexts(element, out));
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** The position of {@code part} in {@code whole}, or -1. */
    static int indexOf(byte[] whole, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= whole.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (whole[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
