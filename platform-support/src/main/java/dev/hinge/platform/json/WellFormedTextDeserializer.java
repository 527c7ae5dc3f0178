package dev.hinge.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Text as Jackson reads it, refused when it holds a lone UTF-16 surrogate: JSON lets a client escape one
 * ({@code "\ud800"}), but it is no character, and PostgreSQL or a browser would choke on it later.
 */
final class WellFormedTextDeserializer extends StdScalarDeserializer<String> {
    static final String LONE_SURROGATE = "has a lone UTF-16 surrogate: not valid Unicode text";

    WellFormedTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && hasLoneSurrogate(text)) {
            return (String) context.handleWeirdStringValue(String.class, "", LONE_SURROGATE);
        }
        return text;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
