package dev.hinge.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads bytes as UTF-8 through the JDK's decoder, which refuses what is not UTF-8 (overlong forms such as
 * {@code C0 AF}, encoded surrogates such as {@code ED A0 80}, truncated sequences) with a
 * {@link java.nio.charset.CharacterCodingException}; Jackson's own byte parser lets some of them through. JSON
 * exchanged between systems is UTF-8 (RFC 8259), so no other encoding is detected. Its parsers are
 * {@link LocatedParser}s, whose refusals name the field.
 */
final class StrictUtf8JsonFactory extends JsonFactory {

    StrictUtf8JsonFactory() {
    }

    private StrictUtf8JsonFactory(StrictUtf8JsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new StrictUtf8JsonFactory(this);
    }

    @Override
    public JsonParser createParser(InputStream in) throws IOException {
        return createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    @Override
    public JsonParser createParser(Reader reader) throws IOException {
        return new LocatedParser(super.createParser(reader));
    }

    @Override
    public JsonParser createParser(String content) throws IOException {
        return new LocatedParser(super.createParser(content));
    }

    @Override
    public JsonParser createParser(byte[] data) throws IOException {
        return createParser(new ByteArrayInputStream(data));
    }

    @Override
    public JsonParser createParser(byte[] data, int offset, int length) throws IOException {
        return createParser(new ByteArrayInputStream(data, offset, length));
    }
}
