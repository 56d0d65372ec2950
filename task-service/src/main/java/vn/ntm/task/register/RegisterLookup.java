package vn.ntm.task.register;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The register copy as one batch of inspection events reads it: the versions and successions of the codes the batch
 * names are loaded together ({@link #preload}, one statement each), and what the succession rules ask beyond that is
 * read on demand, once per code. Lives for one transaction. Also the directory a verifier's reassignment is checked
 * against ({@link AssigneeRules}).
 */
public final class RegisterLookup implements SuccessionRules.Register, AssigneeRules.Directory {
    private final Connection c;
    private final Map<String, List<SuccessionRules.Unit>> units = new HashMap<>();
    private final Map<String, List<Succession>> successions = new HashMap<>();

    private record Succession(String toCode, LocalDate effectiveOn, String legalBasis) {
    }

    public RegisterLookup(Connection c) {
        this.c = c;
    }

    /** Loads every version of these codes (any level) and the successions from them, in two statements. */
    public void preload(Collection<String> codes) throws SQLException {
        Set<String> missing = new LinkedHashSet<>();
        for (String code : codes) {
            if (code != null && !units.containsKey(code)) {
                missing.add(code);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String[] array = missing.toArray(String[]::new);
        for (String code : array) {
            units.put(code, new ArrayList<>());
            successions.put(code, new ArrayList<>());
        }
        try (PreparedStatement q = c.prepareStatement("select level, code, name, province_code, valid_from, valid_to"
                + " from admin_unit where code = any(?)")) {
            q.setArray(1, c.createArrayOf("text", array));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    units.get(rs.getString(2)).add(new SuccessionRules.Unit(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class)));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("select from_code, to_code, effective_on, legal_basis"
                + " from admin_unit_succession where from_code = any(?) order by to_code")) {
            q.setArray(1, c.createArrayOf("text", array));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    successions.get(rs.getString(1)).add(new Succession(rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4)));
                }
            }
        }
    }

    /** The codes the loaded successions lead to (to preload them in one go). */
    public Set<String> successorCodes() {
        Set<String> out = new LinkedHashSet<>();
        successions.values().forEach(list -> list.forEach(s -> out.add(s.toCode())));
        return out;
    }

    /** The provinces of the loaded units (a ceased unit with no successor goes to its province's office). */
    public Set<String> provinceCodes() {
        Set<String> out = new LinkedHashSet<>();
        units.values().forEach(list -> list.forEach(u -> {
            if (u.provinceCode() != null) {
                out.add(u.provinceCode());
            }
        }));
        return out;
    }

    /** The unit of {@code level} and {@code code} valid on {@code day} if it ceased before {@code today}. */
    public Optional<SuccessionRules.Unit> ceased(String level, String code, LocalDate day, LocalDate today) {
        return validOn(level, code, day).filter(u -> u.validTo() != null && u.validTo().isBefore(today));
    }

    @Override
    public Optional<SuccessionRules.Unit> validOn(String level, String code, LocalDate day) {
        load(code);
        return units.get(code).stream().filter(u -> u.level().equals(level) && !u.validFrom().isAfter(day)
                && (u.validTo() == null || !u.validTo().isBefore(day))).findFirst();
    }

    @Override
    public List<SuccessionRules.Successor> successors(String fromCode, LocalDate effectiveOn) {
        load(fromCode);
        return successions.get(fromCode).stream().filter(s -> s.effectiveOn().equals(effectiveOn))
                .map(s -> new SuccessionRules.Successor(s.toCode(), s.legalBasis())).toList();
    }

    @Override
    public List<SuccessionRules.Unit> versions(String level, String code) {
        load(code);
        return units.get(code).stream().filter(u -> u.level().equals(level)).toList();
    }

    @Override
    public List<String> provinceSuccessors(String provinceCode, LocalDate day) {
        load(provinceCode);
        // a province's code is two digits, a district's three, a commune's five: a province's rows are its own
        return successions.get(provinceCode).stream().filter(s -> !s.effectiveOn().isAfter(day))
                .map(Succession::toCode).distinct().toList();
    }

    private Map<String, SectorSuccessionRules.Sector> sectors;

    @Override
    public Map<String, SectorSuccessionRules.Sector> sectors() {
        if (sectors == null) {
            try {
                sectors = SectorCopyService.load(c);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the sector copy", e);
            }
        }
        return sectors;
    }

    private final Map<String, Optional<String>> sectorNames = new HashMap<>();

    @Override
    public Optional<String> sectorName(String sectorCode) {
        return sectorNames.computeIfAbsent(sectorCode, code -> {
            try (PreparedStatement q = c.prepareStatement("select name from sector where code = ?")) {
                q.setString(1, code);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the sector copy", e);
            }
        });
    }

    private void load(String code) {
        if (units.containsKey(code)) {
            return;
        }
        try {
            preload(List.of(code));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register copy", e);
        }
    }
}
