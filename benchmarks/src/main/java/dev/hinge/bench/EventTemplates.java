package dev.hinge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Events exactly as the application writes them, read back from rows it appended: the payload JSON with its
 * varying values (athlete id, set id, times) turned into slots, so a generated event differs from a real one only
 * in those values. The row's other columns (payload type, revision, aggregate type, metadata) are copied as they are.
 */
public final class EventTemplates {

    /** One kind of event: its fixed columns and its payload with named slots. */
    public record Template(String type, String payloadType, String payloadRevision, byte[] metaData, List<String> parts,
                    List<String> slots) {

        /** The payload with each slot filled from {@code values} (by slot name). */
        public String render(Map<String, String> values) {
            StringBuilder payload = new StringBuilder(256);
            for (int i = 0; i < parts.size(); i++) {
                payload.append(parts.get(i));
                if (i < slots.size()) {
                    String value = values.get(slots.get(i));
                    if (value == null) {
                        throw new IllegalArgumentException("no value for slot " + slots.get(i));
                    }
                    payload.append(value);
                }
            }
            return payload.toString();
        }
    }

    private static final String MARK = "\u0000slot:";

    /**
     * Turns a row's payload into a template: every JSON string equal to one of {@code slotValues}' values becomes
     * that slot (so {@code {"athleteId":{"value":"<uuid>"}}} keeps its shape, whatever the shape is).
     */
    static Template of(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                       Map<String, String> slotValues) throws IOException {
        JsonNode tree = HingeClient.JSON.readTree(payload);
        int[] found = new int[slotValues.size()];
        List<String> names = List.copyOf(slotValues.keySet());
        JsonNode marked = mark(tree, slotValues, names, found);
        for (int i = 0; i < names.size(); i++) {
            if (found[i] == 0) {
                throw new IllegalStateException("the " + payloadType + " row holds no " + names.get(i) + " = "
                        + slotValues.get(names.get(i)) + ": " + tree);
            }
        }
        String json = HingeClient.JSON.writeValueAsString(marked);
        List<String> parts = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int at = 0;
        while (true) {
            int start = json.indexOf(escapedMark(), at);
            if (start < 0) {
                parts.add(json.substring(at));
                break;
            }
            int end = json.indexOf('"', start);
            parts.add(json.substring(at, start));
            slots.add(json.substring(start + escapedMark().length(), end));
            at = end;
        }
        return new Template(type, payloadType, payloadRevision, metaData, List.copyOf(parts), List.copyOf(slots));
    }

    /** How Jackson writes the mark inside a JSON string. */
    private static String escapedMark() {
        return "\\u0000slot:";
    }

    private static JsonNode mark(JsonNode node, Map<String, String> slotValues, List<String> names, int[] found) {
        if (node.isTextual()) {
            for (int i = 0; i < names.size(); i++) {
                if (node.asText().equals(slotValues.get(names.get(i)))) {
                    found[i]++;
                    return new TextNode(MARK + names.get(i));
                }
            }
            return node;
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                object.set(entry.getKey(), mark(entry.getValue(), slotValues, names, found));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mark(array.get(i), slotValues, names, found));
            }
            return array;
        }
        return node;
    }
}
