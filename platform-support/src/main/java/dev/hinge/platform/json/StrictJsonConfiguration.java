package dev.hinge.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict reading of request bodies on top of the {@code spring.jackson.*} defaults:
 * <ul>
 * <li>a number is never read as text and text is never read as a number or a boolean, so a wrong JSON type is a 400
 * rather than a silent coercion; an empty string is never read as "no value" ({@code "id": ""} is refused);</li>
 * <li>a key given twice in one object is refused (the last one silently won);</li>
 * <li>bytes that are not UTF-8 (overlong forms, encoded surrogates) and text with a lone surrogate, escaped
 * ({@code "\ud800"}) or not, are refused;</li>
 * <li>{@link #LIMITS}: no number a person sends is longer than 100 characters, and no text than 64 K characters.</li>
 * </ul>
 * Events have their own mapper ({@code SerializerConfiguration}): these rules apply to what clients send, never to
 * what is already recorded.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {
    /** Small but generous: Jackson refuses anything longer before a number or a string is built from it. */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNumberLength(100)
            .maxStringLength(64 * 1024)
            .maxNameLength(256)
            .maxNestingDepth(32)
            .maxDocumentLength(1024 * 1024)
            .build();

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictCoercion() {
        return builder -> builder
                .factory(strictFactory())
                .modulesToInstall(modules -> modules.add(new SimpleModule("strict-text")
                        .addDeserializer(String.class, new WellFormedTextDeserializer())))
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                    // ids (UUID), and any other scalar read from text: "" is not "absent"
                    mapper.coercionConfigFor(LogicalType.OtherScalar)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                });
    }

    static JsonFactory strictFactory() {
        JsonFactory factory = new StrictUtf8JsonFactory();
        factory.setStreamReadConstraints(LIMITS);
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return factory;
    }
}
