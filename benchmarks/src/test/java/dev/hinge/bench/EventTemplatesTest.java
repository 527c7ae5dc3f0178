package dev.hinge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventTemplatesTest {
    private static final String ATHLETE = "c162bd4f-d6ef-4b5a-ad65-47afe0c71fa1";
    private static final String SET = "e06a670f-f51a-4fd2-a454-c26f26b28019";
    private static final String PAYLOAD = "{\"athleteId\":{\"value\":\"" + ATHLETE + "\"},\"setId\":{\"value\":\"" + SET + "\"},"
            + "\"exercise\":{\"slug\":\"deadlift\"},\"load\":{\"value\":140,\"unit\":\"KG\"},\"reps\":{\"value\":5},"
            + "\"performedAt\":\"2026-01-02T03:04:05Z\",\"checklist\":[],\"notes\":\"benchmark set\"}";

    @Test
    void aGeneratedPayloadDiffersFromTheRowItCameFromOnlyInItsSlots() throws Exception {
        EventTemplates.Template template = EventTemplates.of("Athlete", EventStore.SET_LOGGED, null,
                PAYLOAD.getBytes(StandardCharsets.UTF_8), new byte[0],
                Map.of("athlete", ATHLETE, "set", SET, "performedAt", "2026-01-02T03:04:05Z"));

        String rendered = template.render(Map.of("athlete", "11111111-1111-1111-1111-111111111111",
                "set", "22222222-2222-2222-2222-222222222222", "performedAt", "2025-05-05T05:05:05Z"));

        JsonNode expected = HingeClient.JSON.readTree(PAYLOAD.replace(ATHLETE, "11111111-1111-1111-1111-111111111111")
                .replace(SET, "22222222-2222-2222-2222-222222222222").replace("2026-01-02T03:04:05Z", "2025-05-05T05:05:05Z"));
        assertEquals(expected, HingeClient.JSON.readTree(rendered));
        assertEquals(EventStore.SET_LOGGED, template.payloadType());
    }

    @Test
    void aRowThatDoesNotHoldASlotsValueIsRefused() {
        assertThrows(IllegalStateException.class, () -> EventTemplates.of("Athlete", EventStore.SET_LOGGED, null,
                PAYLOAD.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of("set", "99999999-9999-9999-9999-999999999999")));
    }

    @Test
    void renderingWithoutAValueForEverySlotIsRefused() throws Exception {
        EventTemplates.Template template = EventTemplates.of("Athlete", EventStore.SET_LOGGED, null,
                PAYLOAD.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of("set", SET));

        assertThrows(IllegalArgumentException.class, () -> template.render(Map.of()));
    }
}
