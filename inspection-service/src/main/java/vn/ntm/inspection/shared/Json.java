package vn.ntm.inspection.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON of the value columns of the entities (organisation references, legal basis, criteria, stated figures): the
 * {@code jsonb} columns through Hibernate's JSON type ({@link ColumnJsonFormat}), the stated figures' text column
 * through {@link Converters.Figures}. Exact decimals, ISO dates, unknown properties ignored (rows written by older
 * versions stay readable).
 */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write column JSON", e);
        }
    }

    public static <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read column JSON", e);
        }
    }

    private Json() {
    }
}
