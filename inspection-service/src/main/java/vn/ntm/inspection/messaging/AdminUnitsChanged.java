package vn.ntm.inspection.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code ntm.admin-units.changed} (criteria-service, topic {@code criteria-events}): every version of the
 * units under one province code, so that province's copy can be replaced wholesale. Read by this service only;
 * fields it does not use (successions) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdminUnitsChanged(String registerVersion, String provinceCode, List<Unit> units) {
    public static final String TYPE = "ntm.admin-units.changed";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String code, String name, String type, String level, String parentCode, String provinceCode,
                       LocalDate validFrom, LocalDate validTo) {
    }
}
