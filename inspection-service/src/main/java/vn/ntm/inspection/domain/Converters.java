package vn.ntm.inspection.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import vn.ntm.contracts.OrganisationRef;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

/** Value objects stored as JSON text in their owner's row. */
final class Converters {

    @Converter
    static class Org implements AttributeConverter<OrganisationRef, String> {
        public String convertToDatabaseColumn(OrganisationRef value) {
            return Json.write(value);
        }

        public OrganisationRef convertToEntityAttribute(String text) {
            return Json.read(text, new TypeReference<>() { });
        }
    }

    @Converter
    static class OrgList implements AttributeConverter<List<OrganisationRef>, String> {
        public String convertToDatabaseColumn(List<OrganisationRef> value) {
            return Json.write(value == null ? List.of() : value);
        }

        public List<OrganisationRef> convertToEntityAttribute(String text) {
            return text == null ? List.of() : Json.read(text, new TypeReference<>() { });
        }
    }

    @Converter
    static class LegalBasisList implements AttributeConverter<List<LegalBasis>, String> {
        public String convertToDatabaseColumn(List<LegalBasis> value) {
            return Json.write(value == null ? List.of() : value);
        }

        public List<LegalBasis> convertToEntityAttribute(String text) {
            return text == null ? List.of() : Json.read(text, new TypeReference<>() { });
        }
    }

    @Converter
    static class Figures implements AttributeConverter<LinkedHashMap<String, BigDecimal>, String> {
        public String convertToDatabaseColumn(LinkedHashMap<String, BigDecimal> value) {
            return Json.write(value == null ? new LinkedHashMap<>() : value);
        }

        public LinkedHashMap<String, BigDecimal> convertToEntityAttribute(String text) {
            return text == null ? new LinkedHashMap<>() : Json.read(text, new TypeReference<>() { });
        }
    }

    @Converter
    static class CriterionList implements AttributeConverter<List<CatalogCriterion>, String> {
        public String convertToDatabaseColumn(List<CatalogCriterion> value) {
            return Json.write(value == null ? List.of() : value);
        }

        public List<CatalogCriterion> convertToEntityAttribute(String text) {
            return text == null ? List.of() : Json.read(text, new TypeReference<>() { });
        }
    }

    private Converters() {
    }
}
