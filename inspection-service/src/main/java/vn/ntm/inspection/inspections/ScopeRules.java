package vn.ntm.inspection.inspections;

import vn.ntm.inspection.register.Register;
import vn.ntm.inspection.register.RegisterUnit;
import vn.ntm.inspection.register.SectorList;
import vn.ntm.platform.i18n.LocalizedText;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the administrative units and organisations an inspection names against the register as of its
 * {@code inspectedOn}, and keeps them inside the caller's province. Pure: the register is passed in.
 * <ul>
 * <li>province, district and commune codes exist on that date at their level; the commune lies in the district
 * (when one is given) and in the province; the district in the province;</li>
 * <li>from {@link #DISTRICTS_ABOLISHED} on there are no districts: an inspection names none;</li>
 * <li>a submitted name must be the register's name (or the name without its unit-type prefix, "Lạng Sơn" for
 * "Tỉnh Lạng Sơn"; Unicode normalisation and case ignored); an omitted name is taken from the register;</li>
 * <li>organisations: UBND_XA a commune and UBND_HUYEN a district existing on that date, SO_NGANH
 * {@code <province>:<sector>} and VP_DIEU_PHOI {@code <province>} a province existing on that date; all in the
 * caller's province ({@code scopeProvince}; null for an administrator, who is unrestricted); the sector of a
 * SO_NGANH is in the sector list and valid on that date.</li>
 * </ul>
 */
public final class ScopeRules {
    public static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);
    private static final List<String> TYPE_PREFIXES = List.of("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã",
            "phường", "thị trấn", "đặc khu");

    public record Violation(String field, LocalizedText message) {
        /** The message of catalog key {@code key} with its arguments. */
        public static Violation of(String field, String key, Object... args) {
            return new Violation(field, LocalizedText.of(key, args));
        }
    }

    /** A unit as submitted: {@code name} may be null (then it is taken from the register). */
    public record Named(String code, String name) {
    }

    /** The scope with the register's names; {@code district} null when the inspection names none. */
    public record Scope(Named province, Named district, List<Named> communes) {
    }

    private final Register register;
    private final SectorList sectors;
    private final LocalDate on;
    private final String scopeProvince;

    /** Rules that check units only (no sector list: SO_NGANH sectors are not checked). */
    public ScopeRules(Register register, LocalDate on, String scopeProvince) {
        this(register, null, on, scopeProvince);
    }

    public ScopeRules(Register register, SectorList sectors, LocalDate on, String scopeProvince) {
        this.register = register;
        this.sectors = sectors;
        this.on = on;
        this.scopeProvince = scopeProvince;
    }

    /** Checks the scope; returns it with the register's names, or adds violations (and returns null). */
    public Scope scope(Named province, Named district, List<Named> communes, List<Violation> out) {
        int before = out.size();
        RegisterUnit p = unit("province", province, RegisterUnit.PROVINCE, out);
        RegisterUnit d = null;
        if (district != null && !on.isBefore(DISTRICTS_ABOLISHED)) {
            out.add(Violation.of("district", "inspection.scope.noDistricts", DISTRICTS_ABOLISHED, on,
                    district.code()));
        } else if (district != null) {
            d = unit("district", district, RegisterUnit.DISTRICT, out);
            if (d != null && p != null && !p.code().equals(d.parentCode())) {
                out.add(Violation.of("district.code", "inspection.scope.districtProvince", d.code(), d.name(),
                        d.parentCode(), p.code(), on));
            }
        }
        List<Named> resolved = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            String field = "communes[" + i + "]";
            RegisterUnit c = unit(field, communes.get(i), RegisterUnit.COMMUNE, out);
            if (c == null) {
                continue;
            }
            if (p != null && !p.code().equals(c.provinceCode())) {
                out.add(Violation.of(field + ".code", "inspection.scope.communeProvince", c.code(), c.name(),
                        c.provinceCode(), p.code(), on));
            } else if (d != null && !d.code().equals(c.parentCode())) {
                out.add(Violation.of(field + ".code", "inspection.scope.communeDistrict", c.code(), c.name(),
                        c.parentCode(), d.code(), d.name(), on));
            }
            resolved.add(new Named(c.code(), c.name()));
        }
        if (out.size() > before) {
            return null;
        }
        return new Scope(new Named(p.code(), p.name()), d == null ? null : new Named(d.code(), d.name()), resolved);
    }

    /** A commune named outside the scope (a recommendation's {@code communeCode} is checked by the caller). */
    public void organisation(String field, String type, String code, List<Violation> out) {
        if (type == null || code == null) {
            return;
        }
        switch (type) {
            case "UBND_XA" -> inScope(field, lookup(field, code, RegisterUnit.COMMUNE, "UBND_XA", out), out);
            case "UBND_HUYEN" -> inScope(field, lookup(field, code, RegisterUnit.DISTRICT, "UBND_HUYEN", out), out);
            case "SO_NGANH" -> {
                int colon = code.indexOf(':');
                if (colon <= 0 || colon == code.length() - 1) {
                    out.add(Violation.of(field + ".code", "inspection.scope.sectorCode", code));
                } else {
                    inScope(field, lookup(field, code.substring(0, colon), RegisterUnit.PROVINCE, "SO_NGANH", out),
                            out);
                    sector(field, code, code.substring(colon + 1), out);
                }
            }
            case "VP_DIEU_PHOI" -> inScope(field, lookup(field, code, RegisterUnit.PROVINCE, "VP_DIEU_PHOI", out),
                    out);
            default -> out.add(Violation.of(field + ".type", "inspection.scope.orgType", type));
        }
    }

    /** The sector of a SO_NGANH reference is in the sector list and valid on the inspection's date. */
    private void sector(String field, String code, String sectorCode, List<Violation> out) {
        if (sectors == null) {
            return;
        }
        Optional<SectorList.Sector> sector = sectors.sector(sectorCode);
        if (sector.isEmpty()) {
            out.add(Violation.of(field + ".code", "inspection.scope.sectorUnknown", code, sectorCode));
        } else if (!sector.get().validOn(on)) {
            out.add(Violation.of(field + ".code", "inspection.scope.sectorInvalid", code, sectorCode,
                    sector.get().name(), sector.get().validity(), on));
        }
    }

    private RegisterUnit lookup(String field, String code, String level, String type, List<Violation> out) {
        Optional<RegisterUnit> unit = register.unit(code, on).filter(u -> u.level().equals(level));
        if (unit.isEmpty()) {
            out.add(Violation.of(field + ".code", "inspection.scope.noOrgUnit",
                    LocalizedText.of("inspection.orgType." + type), code, LocalizedText.of("inspection.level." + level),
                    on));
            return null;
        }
        return unit.get();
    }

    private void inScope(String field, RegisterUnit unit, List<Violation> out) {
        if (unit != null && scopeProvince != null && !scopeProvince.equals(unit.provinceCode())) {
            out.add(Violation.of(field + ".code", "inspection.scope.outsideProvince", unit.name(), unit.code(),
                    unit.provinceCode(), scopeProvince));
        }
    }

    private RegisterUnit unit(String field, Named submitted, String level, List<Violation> out) {
        Optional<RegisterUnit> found = register.unit(submitted.code(), on);
        if (found.isEmpty() || !found.get().level().equals(level)) {
            out.add(Violation.of(field + ".code", "inspection.scope.noUnit", LocalizedText.of("inspection.level." + level), submitted.code(),
                    on));
            return null;
        }
        RegisterUnit unit = found.get();
        if (submitted.name() != null && !sameName(submitted.name(), unit.name())) {
            out.add(Violation.of(field + ".name", "inspection.scope.name", LocalizedText.of("inspection.level." + level), unit.code(),
                    unit.name(), on, submitted.name()));
        }
        return unit;
    }

    /** True when {@code submitted} is the register's name, with or without its unit-type prefix. */
    static boolean sameName(String submitted, String registered) {
        String s = normal(submitted);
        String r = normal(registered);
        if (s.equals(r)) {
            return true;
        }
        for (String prefix : TYPE_PREFIXES) {
            if (r.startsWith(prefix + " ") && r.substring(prefix.length() + 1).equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String name) {
        return Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
    }
}
