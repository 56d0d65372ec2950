package vn.ntm.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JSON the services read.
 * <ul>
 * <li>The application's {@link ObjectMapper} (also used for events): valid UTF-8 only (Jackson's own decoder accepts
 * overlong forms such as {@code C0 AF} for {@code /}), nothing after the JSON value, no duplicate keys, no string
 * holding U+0000 or an unpaired surrogate. Unknown fields are ignored, so that consumers accept events of a newer
 * producer.</li>
 * <li>Request bodies (this class is the REST layer's {@code ContextResolver<ObjectMapper>}): the same, and a field
 * the resource does not know is refused.</li>
 * </ul>
 * Quarkus' customizers (Java time, {@code quarkus.jackson.*}) are applied to both as usual.
 */
@Provider
@Singleton
public class StrictJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper requests;

    public StrictJson(Instance<ObjectMapperCustomizer> customizers) {
        this.requests = build(customizers).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Produces
    @Singleton
    ObjectMapper objectMapper(Instance<ObjectMapperCustomizer> customizers) {
        return build(customizers);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return requests;
    }

    static ObjectMapper build(Instance<ObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = new ObjectMapper(new StrictJsonFactory());
        customizers.stream().sorted().forEach(customizer -> customizer.customize(mapper));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /** Decodes bytes with a strict UTF-8 decoder (malformed input raises a CharacterCodingException). */
    static final class StrictJsonFactory extends JsonFactory {
        StrictJsonFactory() {
        }

        private StrictJsonFactory(StrictJsonFactory source) {
            super(source, null);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return _createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), ctxt);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return _createParser(new ByteArrayInputStream(data, offset, len), ctxt);
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new TextCheckingParser(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new TextCheckingParser(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        public JsonFactory copy() {
            return new StrictJsonFactory(this);
        }
    }

    /**
     * Refuses a string value or field name holding U+0000 or an unpaired surrogate. Every way of advancing the
     * parser goes through {@link #nextToken()} (JsonParser's own {@code nextFieldName}, {@code nextTextValue}…
     * do; {@code nextValue} and {@code skipChildren} are re-routed here).
     */
    static final class TextCheckingParser extends JsonParserDelegate {
        TextCheckingParser(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                check();
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = currentToken();
            if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken token = nextToken();
                if (token == null) {
                    break;
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private void check() throws IOException {
            char[] text = delegate.getTextCharacters();
            int start = delegate.getTextOffset();
            int end = start + delegate.getTextLength();
            for (int i = start; i < end; i++) {
                char c = text[i];
                if (c == 0 || Character.isLowSurrogate(c)
                        || Character.isHighSurrogate(c) && (i + 1 >= end || !Character.isLowSurrogate(text[++i]))) {
                    throw new InvalidTextException(this, pointer(delegate.getParsingContext()));
                }
            }
        }

        private static String pointer(JsonStreamContext context) {
            StringBuilder out = new StringBuilder();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                String token = c.inArray() ? String.valueOf(c.getCurrentIndex())
                        : String.valueOf(c.getCurrentName()).replace("~", "~0").replace("/", "~1");
                out.insert(0, '/' + token);
            }
            return out.toString();
        }
    }
}
