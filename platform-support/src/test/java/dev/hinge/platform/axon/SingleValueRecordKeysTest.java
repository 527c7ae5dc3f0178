package dev.hinge.platform.axon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.SetId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleValueRecordKeysTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new SingleValueRecordKeys());

    @Test
    void aTypedIdKeyIsWrittenAsItsValueAndReadBackAsTheTypedId() throws Exception {
        UUID id = UUID.fromString("6f1c1f7e-2c4e-4f0e-9d55-0e6f3f1a7a10");
        Map<SetId, CoachId> map = Map.of(new SetId(id), new CoachId(id));

        String json = mapper.writeValueAsString(map);

        assertThat(json).isEqualTo("{\"" + id + "\":{\"value\":\"" + id + "\"}}");
        assertThat(mapper.readValue(json, new TypeReference<Map<SetId, CoachId>>() {})).isEqualTo(map);
    }

    @Test
    void aKeyGoesThroughTheRecordsOwnValidation() {
        assertThatThrownBy(() -> mapper.readValue("{\"Dead Lift\":1}", new TypeReference<Map<Exercise, Integer>>() {}))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Dead Lift");
    }

    @Test
    void aTextKeyIsReadAsTheRecordsComponent() throws Exception {
        assertThat(mapper.readValue("{\"deadlift\":1}", new TypeReference<Map<Exercise, Integer>>() {}))
                .containsEntry(Exercise.DEADLIFT, 1);
    }
}
