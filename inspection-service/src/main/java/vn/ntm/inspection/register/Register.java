package vn.ntm.inspection.register;

import java.time.LocalDate;
import java.util.Optional;

/** The administrative-unit register as of a date: which unit a code meant on that day. */
@FunctionalInterface
public interface Register {
    Optional<RegisterUnit> unit(String code, LocalDate on);
}
