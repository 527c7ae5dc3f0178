package dev.hinge.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoSource;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link VideoAttachedEvent} revision 1 (stored without a revision) to 2: revision 2 says where the video lives
 * ({@code source}); every revision-1 video was a link. A Spring bean: Axon's Spring configuration registers every
 * {@code EventUpcaster} bean in the upcaster chain the JDBC storage engine reads through
 * ({@link EventStorageConfiguration#eventStorageEngine}).
 */
@Component
public class VideoAttachedEventUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(VideoAttachedEvent.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(VideoAttachedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).put("source", VideoSource.LINK.name());
            return payload;
        });
    }
}
