package vn.ntm.task.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The application's ObjectMapper, stricter than Jackson's defaults: request bodies must be valid UTF-8 (Jackson's own
 * decoder accepts overlong forms such as {@code C0 AF} for {@code /}) and must end after the JSON value (no trailing
 * tokens). Quarkus' customizers (Java time, configured features) are applied as usual.
 */
@Singleton
public class StrictJson {

    @Produces
    @Singleton
    ObjectMapper objectMapper(Instance<ObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = new ObjectMapper(new StrictUtf8JsonFactory());
        customizers.stream().sorted().forEach(customizer -> customizer.customize(mapper));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    /** Decodes byte input with a strict UTF-8 decoder; malformed input raises a CharacterCodingException. */
    static final class StrictUtf8JsonFactory extends JsonFactory {
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
        public JsonFactory copy() {
            return new StrictUtf8JsonFactory();
        }
    }
}
