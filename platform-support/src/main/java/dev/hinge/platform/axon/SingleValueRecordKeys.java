package dev.hinge.platform.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Map keys that are typed ids: a record with a single component, such as {@code SetId(UUID value)}, is written as
 * a JSON object key by that component's key text and read back through the record's canonical constructor (so the
 * record's own validation runs). Jackson knows no key form for records; this keeps aggregates keyed by their typed
 * ids and the kernel free of Jackson. Only map keys are affected: as values, records stay JSON objects.
 */
final class SingleValueRecordKeys extends SimpleModule {

    SingleValueRecordKeys() {
        super("single-value-record-keys");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addKeySerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription description) {
                RecordComponent component = singleComponent(type.getRawClass());
                return component == null ? null : new KeySerializer(component);
            }
        });
        context.addKeyDeserializers((type, config, description) -> {
            RecordComponent component = singleComponent(type.getRawClass());
            return component == null ? null : new RecordKeyDeserializer(type.getRawClass(), component);
        });
    }

    private static RecordComponent singleComponent(Class<?> type) {
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : null;
        return components != null && components.length == 1 ? components[0] : null;
    }

    private static final class KeySerializer extends JsonSerializer<Object> {
        private final Method accessor;
        private final Class<?> componentType;

        KeySerializer(RecordComponent component) {
            this.accessor = component.getAccessor();
            this.accessor.setAccessible(true);
            this.componentType = component.getType();
        }

        @Override
        public void serialize(Object key, JsonGenerator generator, SerializerProvider provider) throws IOException {
            Object value;
            try {
                value = accessor.invoke(key);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + accessor, e);
            }
            provider.findKeySerializer(componentType, null).serialize(value, generator, provider);
        }
    }

    private static final class RecordKeyDeserializer extends KeyDeserializer {
        private final Class<?> recordType;
        private final RecordComponent component;
        private final Constructor<?> constructor;

        RecordKeyDeserializer(Class<?> recordType, RecordComponent component) {
            this.recordType = recordType;
            this.component = component;
            try {
                this.constructor = recordType.getDeclaredConstructor(component.getType());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record always has its canonical constructor: " + recordType, e);
            }
            this.constructor.setAccessible(true);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            Object value = context.findKeyDeserializer(context.constructType(component.getGenericType()), null)
                    .deserializeKey(key, context);
            try {
                return constructor.newInstance(value);
            } catch (InvocationTargetException e) {
                return context.handleWeirdKey(recordType, key, "%s", e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot construct " + recordType, e);
            }
        }
    }
}
