package vn.ntm.criteria.register;

import vn.ntm.criteria.register.Validity.Version;

import java.util.List;
import java.util.Map;

/**
 * A register that files are applied to: the tables ({@link AdminUnitStore}, what {@code POST /admin-units/imports}
 * changes) or the register the first-start seed builds in memory ({@link SeededRegister}) and then copies in.
 */
public interface RegisterState {
    /** Every version, by code, oldest first. */
    Map<String, List<Version<UnitAttributes>>> units();

    /** Every succession by {@link SuccessionFile.Succession#key()}. */
    Map<String, AdminUnitStore.StoredSuccession> successions();

    void apply(RegisterPlan.Units plan);

    void apply(RegisterPlan.Successions plan);

    void recordImport(AdminUnitStore.ImportRecord record);
}
