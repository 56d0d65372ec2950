package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import vn.ntm.inspection.shared.Json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;

/**
 * The one value stored as JSON text rather than {@code jsonb}: the stated figures, whose key order (the notice's)
 * {@code jsonb} would not keep. The other JSON columns use Hibernate's JSON type ({@link ColumnJsonFormat}).
 */
final class Converters {

    @Converter
    static class Figures implements AttributeConverter<LinkedHashMap<String, BigDecimal>, String> {
        public String convertToDatabaseColumn(LinkedHashMap<String, BigDecimal> value) {
            return Json.write(value == null ? new LinkedHashMap<>() : value);
        }

        public LinkedHashMap<String, BigDecimal> convertToEntityAttribute(String text) {
            return text == null ? new LinkedHashMap<>() : Json.read(text, new TypeReference<>() { });
        }
    }

    /** The basis of each stated figure (name -> text), in the order given. */
    @Converter
    static class FigureBases implements AttributeConverter<LinkedHashMap<String, String>, String> {
        public String convertToDatabaseColumn(LinkedHashMap<String, String> value) {
            return value == null || value.isEmpty() ? null : Json.write(value);
        }

        public LinkedHashMap<String, String> convertToEntityAttribute(String text) {
            return text == null ? new LinkedHashMap<>() : Json.read(text, new TypeReference<>() { });
        }
    }

    private Converters() {
    }
}
