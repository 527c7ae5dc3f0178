package dev.hinge.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * A parser whose refusals say where they happened: a number over the length limit is refused by Jackson without a
 * reference to the parser, and databind then names only the enclosing field ({@code load}, not {@code load.value}).
 * Rethrown as a {@link JsonParseException} of this parser, the problem can name the field from the parser's context.
 */
final class LocatedParser extends JsonParserDelegate {

    LocatedParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        try {
            return super.nextToken();
        } catch (StreamConstraintsException e) {
            throw new JsonParseException(this, e.getOriginalMessage(), e);
        }
    }

    @Override
    public JsonToken nextValue() throws IOException {
        try {
            return super.nextValue();
        } catch (StreamConstraintsException e) {
            throw new JsonParseException(this, e.getOriginalMessage(), e);
        }
    }
}
